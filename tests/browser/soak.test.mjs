// Soak: one editable <attention-lens> used for a long time, as a learner would — words focused
// by real pointer moves, arrow keys and programmatic focus, sentences typed into the box — and
// then, after a forced garbage collection, nothing it drew before may still be alive: the
// renderer's DOM nodes and event listeners are back within 5 % of where they started, the wasm
// heap's bytes in use within 1 %, and the page reported no error.
//
// `npm test` runs the short version (2,000 focus changes, 100 edits); `npm run soak` the long
// one (SOAK=long: 10,000 / 500). Both print the figures: start, end and their ratio.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { serveAndLaunch, openLabPage } from './harness.mjs';

const LONG = process.env.SOAK === 'long';
const FOCUS_CHANGES = LONG ? 10_000 : 2_000;
const EDITS = LONG ? 500 : 100;
// Of each round's focus changes: this many by the real pointer and this many by arrow keys;
// the rest by focusing the words and row labels from script and by the focus attribute.
const POINTER_SHARE = 0.1;
const KEYBOARD_SHARE = 0.05;

// What the learner types in turn (every word known to the model, lengths from 4 to 12 words);
// the soak ends on the first one again, so the grid at the end is the size it was at the start.
const SENTENCES = [
  "The animal didn't cross the street because it was too tired",
  'I went to the bank to deposit money',
  'The bank by the river was steep',
  'Arjun ate the pizza because he was hungry',
  'The dog saw the cat',
];

const lab = serveAndLaunch();
let session;
let soakPage;
let problems;

before(async () => {
  ({ page: soakPage, problems } = await openLabPage(lab, { path: 'tests/browser/fixtures/soak.html' }));
  session = await soakPage.context().newCDPSession(soakPage);
});

// The renderer's counts after a full garbage collection (twice: the first run's finalizers can
// free more on the second).
async function measure() {
  await soakPage.mouse.move(0, 0);
  for (let i = 0; i < 2; i++) await session.send('HeapProfiler.collectGarbage');
  const counters = await session.send('Memory.getDOMCounters');
  for (const field of ['nodes', 'jsEventListeners']) {
    assert.equal(typeof counters[field], 'number', `Memory.getDOMCounters has no number "${field}": ${JSON.stringify(counters)}`);
  }
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  const wasmBytesInUse = await soakPage.evaluate(() => window.soak.wasmBytesInUse());
  return { domNodes: counters.nodes, listeners: counters.jsEventListeners, jsHeapBytes: usedSize, wasmBytesInUse };
}

const soakState = () => soakPage.evaluate(() => ({ ...window.soak }));

// Types a sentence into the editable box as a learner does — most of it pasted, the last word
// key by key — and presses Enter; resolves once the new grid is drawn.
async function edit(sentence) {
  const { draws } = await soakState();
  const cut = sentence.lastIndexOf(' ');
  await soakPage.fill('#soak .editor input', sentence.slice(0, cut));  // fill leaves the box focused
  await soakPage.keyboard.type(sentence.slice(cut));
  await soakPage.keyboard.press('Enter');
  await soakPage.waitForFunction((before) => window.soak.draws > before, draws);
}

// Focus changes until the element has announced `target` of them in all: some by the real
// pointer (moving from word to word, and along the row labels), some by arrow keys, the rest
// from script.
async function focusChanges(target, count) {
  const { focusEvents } = await soakState();
  const wanted = Math.min(count, target - focusEvents);
  // The centres of the sentence's words and of the grid's row labels, as drawn now.
  const spots = await soakPage.$$eval('#soak .sentence .word, #soak .grid tbody th', (nodes) => nodes.map((node) => {
    const box = node.getBoundingClientRect();
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }));
  for (let i = 0; i < Math.round(wanted * POINTER_SHARE); i++) {
    const { x, y } = spots[i % spots.length];
    await soakPage.mouse.move(x, y);
  }
  await soakPage.mouse.move(0, 0);  // away, so a word under the pointer does not hold the focus
  await soakPage.focus('#soak .sentence .word >> nth=0');
  for (let i = 0; i < Math.round(wanted * KEYBOARD_SHARE); i++) {
    // Right along the sentence and back: each press moves to a neighbour.
    const wordCount = spots.length / 2;
    await soakPage.keyboard.press(Math.floor(i / (wordCount - 1)) % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
  }
  await soakPage.evaluate((goal) => {
    const lens = document.getElementById('soak');
    const words = [...lens.shadowRoot.querySelectorAll('.sentence .word')];
    const labels = [...lens.shadowRoot.querySelectorAll('.grid tbody th')];
    for (let i = 0; window.soak.focusEvents < goal; i++) {
      const k = i % words.length;
      if (i % 3 === 0) labels[k].focus();
      else if (i % 3 === 1) words[k].focus();
      else lens.setAttribute('focus', words[k].textContent);
    }
  }, focusEvents + wanted);
}

const ratio = (end, start) => end / start;
const report = (label, start, end) => {
  const row = (name) => `  ${name.padEnd(16)} ${String(start[name]).padStart(10)} → ${String(end[name]).padStart(10)}  (× ${ratio(end[name], start[name]).toFixed(3)})`;
  process.stdout.write(`${label}\n${Object.keys(start).map(row).join('\n')}\n`);
};

test(`after ${FOCUS_CHANGES} focus changes and ${EDITS} edits nothing the lens drew before is still alive`, { timeout: LONG ? 900_000 : 120_000 }, async () => {
  const started = Date.now();
  // Warm-up: an edit away from the first sentence and back and a round of each kind of focus change, so
  // every code path has run once (compiled code, caches) before the start is measured.
  await edit(SENTENCES[1]);
  await edit(SENTENCES[0]);  // an edit draws only when the sentence changes
  await focusChanges(Infinity, 40);
  const start = await measure();
  const { focusEvents: warmUpFocus } = await soakState();

  const perEdit = Math.ceil(FOCUS_CHANGES / EDITS);
  for (let round = 1; round <= EDITS; round++) {
    // The last edit types the first sentence again: the same grid as at the start.
    await edit(round === EDITS ? SENTENCES[0] : SENTENCES[round % SENTENCES.length]);
    await focusChanges(warmUpFocus + FOCUS_CHANGES, perEdit);
  }
  const end = await measure();
  const { focusEvents } = await soakState();
  const seconds = (Date.now() - started) / 1000;

  report(`Soak: ${focusEvents - warmUpFocus} focus changes, ${EDITS} edits in ${seconds.toFixed(1)} s (after GC; start → end)`, start, end);
  assert.ok(focusEvents - warmUpFocus >= FOCUS_CHANGES, `only ${focusEvents - warmUpFocus} focus changes happened`);
  assert.ok(ratio(end.domNodes, start.domNodes) <= 1.05, `DOM nodes grew from ${start.domNodes} to ${end.domNodes}: a redraw keeps old grids alive`);
  assert.ok(ratio(end.listeners, start.listeners) <= 1.05, `event listeners grew from ${start.listeners} to ${end.listeners}`);
  assert.ok(ratio(end.wasmBytesInUse, start.wasmBytesInUse) <= 1.01, `wasm bytes in use grew from ${start.wasmBytesInUse} to ${end.wasmBytesInUse}`);
  assert.deepEqual(problems, []);
});
