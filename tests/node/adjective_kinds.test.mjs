// An everyday adjective as the cue (docs/model.md, "Adjectives by what they are said of"): on the
// shipped weights, with the word readings loaded as the widget loads them, the pronoun looks most
// at the animal or person when the adjective is said of living things ("afraid", "wounded") and
// at the thing when it is said of things ("too deep", "wet", "sour"). Most of these adjectives
// have no row of their own. The sentences were written for this test before any file with the
// adjective kinds was evaluated; no training code reads them.
import { test } from 'node:test';

import { loadModel, loadWordReadings } from '../../web/src/engine.js';
import { assertShareRight } from './looked_at_most.mjs';

// [sentence, the pronoun, the word it names]
const SENTENCES = [
  ['The cat didn\'t jump over the wall because it was afraid', 'it', 'cat'],
  ['The cat didn\'t jump over the wall because it was too high', 'it', 'wall'],
  ['The horse refused to cross the bridge because it was frightened', 'it', 'horse'],
  ['The horse refused to cross the bridge because it was too narrow', 'it', 'bridge'],
  ['The boy didn\'t drink the soup because it was too hot', 'it', 'soup'],
  ['The puppy didn\'t eat the food because it was sick', 'it', 'puppy'],
  ['The rabbit hid under the car because it was afraid', 'it', 'rabbit'],
  ['The bird left the nest because it was too wet', 'it', 'nest'],
  ['The dog would not enter the tunnel because it was so dark', 'it', 'tunnel'],
  ['The goat would not cross the stream because it was too deep', 'it', 'stream'],
  ['The girl could not lift the box because it was too heavy', 'it', 'box'],
  ['The old man could not climb the hill because he was weak', 'he', 'man'],
  ['The children liked the song because it was loud', 'it', 'song'],
  ['The mouse avoided the trap because it was clever', 'it', 'mouse'],
  ['The donkey refused to carry the sack because it was lazy', 'it', 'donkey'],
  ['The farmer sold the cow because it was old', 'it', 'cow'],
  ['The bear could not catch the fish because it was too quick', 'it', 'fish'],
  ['The fox didn\'t cross the road because it was injured', 'it', 'fox'],
  ['The lion ignored the meat because it was cold', 'it', 'meat'],
  ['The chicken did not touch the bread because it was hard', 'it', 'bread'],
  ['The students left the room because it was cold', 'it', 'room'],
  ['The cat would not sit on the chair because it was wet', 'it', 'chair'],
  ['The baby did not like the milk because it was sour', 'it', 'milk'],
  ['The soldier didn\'t cross the river because he was wounded', 'he', 'soldier'],
];

// The file before the adjective kinds got 15 of 24 (an everyday adjective was adj.all, and "it"
// named the animal); the shipped one 21 (docs/model.md). Held at 80 %, as the fitting test is.
const AT_LEAST = 0.8;

test('a pronoun looks most at the living thing or the thing an everyday adjective is said of', async () => {
  await loadWordReadings();
  assertShareRight(await loadModel(), SENTENCES, AT_LEAST);
});
