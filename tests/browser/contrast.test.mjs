// The grid's colours as a learner sees them, read from screenshot pixels (not from the CSS): in
// both themes every cell number has at least 4.5:1 against its cell, and under a simulation of
// deuteranopia (Machado, Oliveira & Fernandes 2009, severity 1, on linear RGB) the cells still
// get steadily darker (light theme) or lighter (dark theme) as the weight grows, and stay readable.
// The figures it prints are the ones quoted in docs/element.md ("Colour and contrast").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { SCREENSHOTS, collectProblems, serveAndLaunch } from './harness.mjs';

const site = serveAndLaunch();

const DEUTERANOPIA = [
  [0.367322, 0.860646, -0.227968],
  [0.280085, 0.672501, 0.047413],
  [-0.011820, 0.042940, 0.968881],
];
const toLinear = (c) => { const v = c / 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
const linear = (rgb) => rgb.map(toLinear);
const simulate = (lin) => DEUTERANOPIA.map((row) => Math.min(1, Math.max(0, row[0] * lin[0] + row[1] * lin[1] + row[2] * lin[2])));
const luminance = ([r, g, b]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;
const contrast = (a, b) => { const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x); return (hi + 0.05) / (lo + 0.05); };
// CIE L*a*b* (D65) of a linear RGB colour, for colour differences (ΔE 1976; 2.3 is just noticeable).
function lab([r, g, b]) {
  const xyz = [0.4124 * r + 0.3576 * g + 0.1805 * b, 0.2126 * r + 0.7152 * g + 0.0722 * b, 0.0193 * r + 0.1192 * g + 0.9505 * b];
  const [x, y, z] = xyz.map((v, i) => v / [0.95047, 1, 1.08883][i]).map((t) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116));
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}
const deltaE = (p, q) => Math.hypot(...lab(p).map((v, i) => v - lab(q)[i]));

// Every weight cell of the grid: its weight, its text colour (computed style) and its background
// as painted (a screenshot pixel at mid-height, 4 px in from the left: off the border and the text).
async function cellsOf(page, selector) {
  const grid = page.locator(`${selector} .grid`);
  const png = await grid.screenshot();
  return page.evaluate(async ({ selector, data }) => {
    const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${data}`)).blob());
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    context.drawImage(bitmap, 0, 0);
    const table = document.querySelector(selector).shadowRoot.querySelector('.grid');
    const origin = table.getBoundingClientRect();
    const parse = (css) => css.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
    return [...table.querySelectorAll('tbody td:not(.row-sum)')].map((cell) => {
      const box = cell.getBoundingClientRect();
      const pixel = context.getImageData(Math.round(box.left - origin.left + 4), Math.round(box.top - origin.top + box.height / 2), 1, 1).data;
      return { weight: Number(cell.style.getPropertyValue('--weight')), ink: parse(getComputedStyle(cell).color), paint: [pixel[0], pixel[1], pixel[2]] };
    });
  }, { selector, data: png.toString('base64') });
}

for (const colorScheme of ['light', 'dark']) {
  test(`${colorScheme}: every cell number is at least 4.5:1, and under deuteranopia the weights still read in order`, async (t) => {
    await site.ready;
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
    const page = await context.newPage();
    const problems = collectProblems(page);
    await page.goto(`${site.server.url}tests/browser/fixtures/keyboard.html`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.evaluate(() => document.getElementById('lens').ready);
    await page.mouse.move(0, 0);
    await page.focus('#lens .sentence .word >> text="it"');
    // Every row of layer 2 head 1 and of layer 1's average: weights from 0 to 1 in both.
    const cells = [...await cellsOf(page, '#lens')];
    await page.selectOption('#lens select.layer', '1');
    await page.selectOption('#lens select.head', 'average');
    cells.push(...await cellsOf(page, '#lens'));
    await page.screenshot({ path: join(SCREENSHOTS, `contrast-grid-${colorScheme}.png`) });
    const weights = cells.map((c) => c.weight);
    assert.ok(Math.min(...weights) < 0.01 && Math.max(...weights) > 0.95, `the weights span 0 to 1: ${Math.min(...weights)}–${Math.max(...weights)}`);

    const seen = cells.map(({ weight, ink, paint }) => ({ weight, ink: linear(ink), paint: linear(paint) }));
    const simulated = seen.map(({ weight, ink, paint }) => ({ weight, ink: simulate(ink), paint: simulate(paint) }));
    const worst = (list) => Math.min(...list.map(({ ink, paint }) => contrast(ink, paint)));
    // Order: cells sorted by weight; every pair at least 0.1 apart differs the right way in
    // luminance, and by how much they differ in colour (the smallest such ΔE).
    const sorted = [...simulated].sort((a, b) => a.weight - b.weight);
    let smallestStep = Infinity;
    let misordered = 0;
    const darker = colorScheme === 'light';
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        if (sorted[j].weight - sorted[i].weight < 0.1) continue;
        const lighterHeavy = luminance(sorted[j].paint) > luminance(sorted[i].paint);
        if (lighterHeavy === darker) misordered++;
        smallestStep = Math.min(smallestStep, deltaE(sorted[i].paint, sorted[j].paint));
      }
    }
    const ends = deltaE(sorted[0].paint, sorted.at(-1).paint);
    const figures = {
      cells: cells.length,
      worstContrast: worst(seen).toFixed(2),
      worstContrastDeuteranopia: worst(simulated).toFixed(2),
      deltaE0to100Deuteranopia: ends.toFixed(1),
      smallestDeltaEFor10PointsDeuteranopia: smallestStep.toFixed(1),
      misordered,
    };
    t.diagnostic(`${colorScheme}: ${JSON.stringify(figures)}`);
    console.log(`contrast ${colorScheme}: ${JSON.stringify(figures)}`);
    assert.ok(worst(seen) >= 4.5, `worst contrast of a cell number: ${worst(seen)}`);
    assert.ok(worst(simulated) >= 4.5, `worst contrast under deuteranopia: ${worst(simulated)}`);
    assert.equal(misordered, 0, 'a heavier cell is never the lighter (light theme) or darker (dark theme) one under deuteranopia');
    assert.ok(smallestStep >= 2.3, `two weights 0.1 apart are told apart under deuteranopia (ΔE ${smallestStep})`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}
