// The SVG export: a well-formed picture of the grid with every word escaped.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { gridSvg } from '../../web/src/export_view.js';

test('the SVG has one cell per weight, the numbers shown, and words escaped', () => {
  const tokens = [{ text: '<img src=x>' }, { text: 'it' }];
  const weights = { data: Float32Array.from([0.25, 0.75, 1, 0]) };
  const svg = gridSvg({ tokens, weights, title: 'Layer 2 & friends' });
  assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.equal((svg.match(/<rect x=/g) ?? []).length, 4);
  assert.ok(!svg.includes('<img'), 'a word is never markup');
  assert.ok(svg.includes('&#60;img src=x&#62;'));
  assert.ok(svg.includes('Layer 2 &#38; friends'));
  for (const shown of ['>25<', '>75<', '>100<', '>0<']) assert.ok(svg.includes(shown), shown);
});

// Characters XML 1.0 forbids anywhere in a document, even written as &#…; references.
const FORBIDDEN_IN_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const NASTY_TEXTS = [
  'dog\u0001', '\u0000', '\u0008\u000B\u000C', '\u001F', 'a\uD83Db', '\uDC00', 'x\uD83D',
  '\uFFFE', '\uFFFF', 'tab\there', 'line\nbreak\r', '\u007F\u0085', '👋', '<![CDATA[', ']]>', '&amp;',
];

test('characters XML forbids never reach the SVG; each shows as U+FFFD and the rest is kept', () => {
  const tokens = NASTY_TEXTS.map((text) => ({ text }));
  const n = tokens.length;
  const weights = { data: new Float32Array(n * n).fill(1 / n) };
  const svg = gridSvg({ tokens, weights, title: 'Layer 1\u0002 \uD800' });
  const forbidden = svg.match(FORBIDDEN_IN_XML);
  assert.equal(forbidden, null, `U+${forbidden?.[0].codePointAt(0).toString(16).toUpperCase()} is in the SVG`);
  assert.ok(svg.includes('>dog\uFFFD<'));
  assert.ok(svg.includes('>a\uFFFDb<'), 'a lone high surrogate is replaced, not paired with the next letter');
  assert.ok(svg.includes('>👋<'), 'a well-formed pair is kept');
  assert.ok(svg.includes('>tab\there<'));
  assert.ok(svg.includes('Layer 1\uFFFD \uFFFD'));
});
