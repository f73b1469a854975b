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
