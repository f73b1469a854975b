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

// WCAG contrast of two sRGB colours given as [r, g, b] in 0–255.
const luminance = (rgb) => {
  const [r, g, b] = rgb.map((c) => { const v = c / 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a, b) => { const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x); return (hi + 0.05) / (lo + 0.05); };

test('every number in the SVG has at least 4.5:1 against its cell, from weight 0 to 1', () => {
  const n = 11;
  const weights = { data: Float32Array.from({ length: n * n }, (_, i) => i / (n * n - 1)) };
  const svg = gridSvg({ tokens: Array.from({ length: n }, (_, i) => ({ text: `w${i}` })), weights, title: 'ramp' });
  const cells = [...svg.matchAll(/<rect x="[^"]+" y="[^"]+" width="\d+" height="\d+" fill="rgb\((\d+),(\d+),(\d+)\)" fill-opacity="([\d.]+)"[^>]*\/>\n<text [^>]*fill="#([0-9a-f]{6})">/g)];
  assert.equal(cells.length, n * n);
  let worst = Infinity;
  for (const [, r, g, b, opacity, ink] of cells) {
    const paint = [r, g, b].map((c) => Number(c) * Number(opacity) + 255 * (1 - Number(opacity)));  // over the white background
    worst = Math.min(worst, contrast(paint, [0, 2, 4].map((i) => parseInt(ink.slice(i, i + 2), 16))));
  }
  assert.ok(worst >= 4.5, `worst contrast of a number on its cell: ${worst.toFixed(2)}`);
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
