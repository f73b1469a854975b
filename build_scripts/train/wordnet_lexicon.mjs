// Data preparation for the model's everyday vocabulary (issue 11 §1, §2): derives
// cpp/model/data/wordnet_lexicon.tsv from WordNet 3.0 as Debian's `wordnet-base` installs it
// (/usr/share/wordnet/). Run by `npm run train` (build_scripts/train.sh installs wordnet-base when it
// is missing); the derived file is committed, so `npm start` and `npm test` never need WordNet.
//
//   node build_scripts/train/wordnet_lexicon.mjs [--wordnet /usr/share/wordnet] [--out FILE]
//
// What it keeps, and why:
//   L lines  one per (lemma, part of speech): single lower-case words of letters only whose tag
//            count in WordNet's sense-tagged corpus (SemCor, the index's tagsense_cnt) is above 0,
//            i.e. words attested in running text (16,754 words in 18,887 pairs), with
//            the lexicographer class of the lemma's first synset (WordNet lists synsets by
//            frequency): "dog n noun.animal".
//   X lines  WordNet's irregular forms (*.exc) whose base form is a kept lemma: "went v go".
// Regular forms (dogs, chased, running) are not listed: lemmatizer.hpp derives them with WordNet's
// own detachment rules (morphy).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const options = {
  wordnet: '/usr/share/wordnet',
  out: fileURLToPath(new URL('../../cpp/model/data/wordnet_lexicon.tsv', import.meta.url)),
};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
  const name = argv[i].replace(/^--/, '');
  if (!(name in options) || argv[i + 1] === undefined) {
    console.error(`Usage: node build_scripts/train/wordnet_lexicon.mjs [--wordnet DIR] [--out FILE]\n"${argv[i]}" is not an option.`);
    process.exit(2);
  }
  options[name] = argv[i + 1];
}

// lexnames(5) of WordNet 3.0: the lexicographer file for each number a data line carries.
const LEXNAMES = ['adj.all', 'adj.pert', 'adv.all', 'noun.Tops', 'noun.act', 'noun.animal',
  'noun.artifact', 'noun.attribute', 'noun.body', 'noun.cognition', 'noun.communication',
  'noun.event', 'noun.feeling', 'noun.food', 'noun.group', 'noun.location', 'noun.motive',
  'noun.object', 'noun.person', 'noun.phenomenon', 'noun.plant', 'noun.possession',
  'noun.process', 'noun.quantity', 'noun.relation', 'noun.shape', 'noun.state', 'noun.substance',
  'noun.time', 'verb.body', 'verb.change', 'verb.cognition', 'verb.communication',
  'verb.competition', 'verb.consumption', 'verb.contact', 'verb.creation', 'verb.emotion',
  'verb.motion', 'verb.perception', 'verb.possession', 'verb.social', 'verb.stative',
  'verb.weather', 'adj.ppl'];
// WordNet 3.0's licence, which must appear on every copy of the database, derived ones included.
const LICENCE = `WordNet 3.0 licence (as in /usr/share/doc/wordnet-base/copyright):

This software and database is being provided to you, the LICENSEE, by
Princeton University under the following license.  By obtaining, using
and/or copying this software and database, you agree that you have
read, understood, and will comply with these terms and conditions.:

Permission to use, copy, modify and distribute this software and
database and its documentation for any purpose and without fee or
royalty is hereby granted, provided that you agree to comply with
the following copyright notice and statements, including the disclaimer,
and that the same appear on ALL copies of the software, database and
documentation, including modifications that you make for internal
use or for distribution.

WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.

THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON
UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR
IMPLIED.  BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON
UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANT-
ABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE
OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT
INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR
OTHER RIGHTS.

The name of Princeton University or Princeton may not be used in
advertising or publicity pertaining to distribution of the software
and/or database.  Title to copyright in this software, database and
any associated documentation shall at all times remain with
Princeton University and LICENSEE agrees to preserve same.`;

const PARTS = [['noun', 'n'], ['verb', 'v'], ['adj', 'a'], ['adv', 'r']];

const read = (name) => {
  try {
    return readFileSync(join(options.wordnet, name));
  } catch (error) {
    console.error(`Cannot read ${join(options.wordnet, name)} (${error.code}): install Debian's wordnet-base (build_scripts/train.sh does).`);
    process.exit(1);
  }
};

const lemmas = [];  // [lemma, pos, lexname]
const kept = new Set();
for (const [file, pos] of PARTS) {
  const data = read(`data.${file}`);
  for (const line of read(`index.${file}`).toString('latin1').split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;  // the licence header lines start with spaces
    // lemma pos synset_cnt p_cnt [ptr_symbol × p_cnt] sense_cnt tagsense_cnt synset_offset…
    const fields = line.trim().split(' ');
    const lemma = fields[0];
    if (!/^[a-z]+$/.test(lemma)) continue;
    const pointerCount = Number(fields[3]);
    const tagged = Number(fields[5 + pointerCount]);
    if (!(tagged > 0)) continue;
    const offset = Number(fields[6 + pointerCount]);
    // A data line starts at its synset offset: "offset lex_filenum ss_type …".
    const dataLine = data.subarray(offset, data.indexOf(10, offset)).toString('latin1').split(' ');
    if (Number(dataLine[0]) !== offset) throw new Error(`data.${file} has no synset at byte ${offset} (for "${lemma}")`);
    const lexname = LEXNAMES[Number(dataLine[1])];
    if (!lexname) throw new Error(`data.${file}: lexicographer file ${dataLine[1]} for "${lemma}" is not in lexnames`);
    lemmas.push([lemma, pos, lexname]);
    kept.add(`${lemma} ${pos}`);
  }
}

const exceptions = [];  // [form, pos, lemma]
for (const [file, pos] of PARTS) {
  for (const line of read(`${file}.exc`).toString('latin1').split('\n')) {
    const [form, ...bases] = line.trim().split(' ');
    if (!form || !/^[a-z]+$/.test(form)) continue;
    for (const base of bases) if (kept.has(`${base} ${pos}`)) exceptions.push([form, pos, base]);
  }
}

const byText = (a, b) => (a.join('\t') < b.join('\t') ? -1 : 1);
lemmas.sort(byText);
exceptions.sort(byText);
const text = [
  '# Derived from WordNet 3.0 (Debian wordnet-base) by build_scripts/train/wordnet_lexicon.mjs; do not edit.',
  '# L lemma pos lexname: lemmas attested in SemCor (tagsense_cnt > 0) and the lexicographer class of their',
  '# most frequent synset; X form pos lemma: irregular forms (*.exc). pos: n noun, v verb, a adjective, r adverb.',
  '#',
  ...LICENCE.split('\n').map((line) => (line ? `# ${line}` : '#')),
  ...lemmas.map((l) => `L\t${l.join('\t')}`),
  ...exceptions.map((x) => `X\t${x.join('\t')}`),
].join('\n') + '\n';
writeFileSync(options.out, text);
console.log(`Wrote ${options.out}: ${lemmas.length} lemmas, ${new Set(lemmas.map((l) => l[0])).size} distinct words, ${exceptions.length} irregular forms, ${text.length} bytes.`);
