// Real English text for the model's general objective (issue 11 §2, docs/model.md, "Real text"):
// extracts WordNet 3.0's example sentences (Debian `wordnet-base`, /usr/share/wordnet/) into a
// plain file of one sentence a line, which `train_model --real-text FILE` reads for masked-word
// prediction. Run by `npm run train` (build_scripts/train.sh); the output lives in build/ and is
// never committed, so `npm start` and `npm test` never need WordNet.
//
//   node build_scripts/train/real_text.mjs [--wordnet DIR] [--out FILE]
//
// A data line's gloss follows "|": a definition, then its examples, each in double quotes
// ("the team is a unit"). Only the quoted examples are kept: they are ordinary sentences and
// phrases, where the definitions are dictionary English. Each distinct example is kept once, in
// the order the files give (noun, verb, adj, adv), so the file is the same on every machine.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const options = {
  wordnet: '/usr/share/wordnet',
  out: fileURLToPath(new URL('../../build/train/real_text.txt', import.meta.url)),
};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
  const name = argv[i].replace(/^--/, '');
  if (!(name in options) || argv[i + 1] === undefined) {
    console.error(`Usage: node build_scripts/train/real_text.mjs [--wordnet DIR] [--out FILE]\n"${argv[i]}" is not an option.`);
    process.exit(2);
  }
  options[name] = argv[i + 1];
}

const seen = new Set();
const sentences = [];
for (const part of ['noun', 'verb', 'adj', 'adv']) {
  const file = join(options.wordnet, `data.${part}`);
  let text;
  try {
    text = readFileSync(file, 'latin1');
  } catch (error) {
    console.error(`Cannot read ${file} (${error.code}): install WordNet 3.0 with 'apt-get install wordnet-base'.`);
    process.exit(1);
  }
  for (const line of text.split('\n')) {
    if (line.startsWith('  ') || !line.includes('|')) continue;  // the licence header, blank lines
    const gloss = line.slice(line.indexOf('|') + 1);
    for (const match of gloss.matchAll(/"([^"]+)"/g)) {
      const sentence = match[1].replace(/\s+/g, ' ').trim();
      if (sentence.length === 0 || seen.has(sentence)) continue;
      seen.add(sentence);
      sentences.push(sentence);
    }
  }
}
mkdirSync(dirname(options.out), { recursive: true });
writeFileSync(options.out, sentences.join('\n') + '\n');
console.log(`Real text: ${sentences.length} example sentences of WordNet 3.0 → ${options.out}`);
