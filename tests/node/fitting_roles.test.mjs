// "The trophy didn't fit in the suitcase because it was too big" with other nouns (docs/model.md,
// "Fitting: the order, not the word's list"): on the shipped weights, with the word readings loaded
// as the widget loads them, "it" looks most at the thing that goes in when it is too big, and at
// the thing that holds it when that is too small, whichever nouns a learner puts there: a
// container that goes in a bigger one, an animal, two everyday things. These sentences are written
// for this test; no training code reads them.
import { test } from 'node:test';

import { loadModel, loadWordReadings } from '../../web/src/engine.js';
import { assertShareRight } from './looked_at_most.mjs';

// [sentence, the word "it" names]; each pair differs in its last word only.
const SENTENCES = [
  ['The bicycle didn\'t fit in the van because it was too big', 'bicycle'],
  ['The bicycle didn\'t fit in the van because it was too small', 'van'],
  ['The crate didn\'t fit in the truck because it was too large', 'crate'],
  ['The crate didn\'t fit in the truck because it was too full', 'truck'],
  ['The goat didn\'t fit in the cage because it was too big', 'goat'],
  ['The goat didn\'t fit in the cage because it was too small', 'cage'],
  ['The melon didn\'t fit in the bowl because it was too big', 'melon'],
  ['The melon didn\'t fit in the bowl because it was too small', 'bowl'],
  ['The mattress didn\'t fit through the window because it was too wide', 'mattress'],
  ['The mattress didn\'t fit through the window because it was too narrow', 'window'],
  ['The coin didn\'t fit in the slot because it was too thick', 'coin'],
  ['The coin didn\'t fit in the slot because it was too narrow', 'slot'],
  ['The fish didn\'t fit in the tank because it was too long', 'fish'],
  ['The fish didn\'t fit in the tank because it was too small', 'tank'],
  ['The guitar didn\'t fit in the closet because it was too tall', 'guitar'],
  ['The guitar didn\'t fit in the closet because it was too cramped', 'closet'],
  ['The basket couldn\'t fit in the cupboard because it was too big', 'basket'],
  ['The basket couldn\'t fit in the cupboard because it was too small', 'cupboard'],
  ['We couldn\'t put the tent in the trunk because it was too bulky', 'tent'],
  ['We couldn\'t put the tent in the trunk because it was too small', 'trunk'],
  ['The boat didn\'t fit in the garage because it was too long', 'boat'],
  ['The boat didn\'t fit in the garage because it was too short', 'garage'],
  ['The puppy didn\'t fit in the bag because it was too big', 'puppy'],
  ['The puppy didn\'t fit in the bag because it was too tiny', 'bag'],
];

// The file before this test got 13 of 24 (it answered by which list a word came from); the
// shipped one 20 (docs/model.md, "Fitting by the order"). Held at 80 %, below the others' 90 %.
const AT_LEAST = 0.8;

test('"it" in a fitting sentence looks most at the thing its size names, whatever the two nouns are', async () => {
  await loadWordReadings();
  assertShareRight(await loadModel(), SENTENCES.map(([sentence, answer]) => [sentence, 'it', answer]), AT_LEAST);
});
