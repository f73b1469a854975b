// web/src/number_format.js writes numbers as Intl.NumberFormat does for the widget's languages,
// without loading the browser's locale data (docs/benchmarks.md, "A fresh page's first
// grid"). Node has the same ICU rules, so Intl itself is the reference here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatNumber, formatPercent } from '../../web/src/number_format.js';
import { SUPPORTED_LANGUAGES, stringsFor } from '../../web/src/strings.js';

const intl = (locale, style, digits) => new Intl.NumberFormat(locale, { style, minimumFractionDigits: digits, maximumFractionDigits: digits });

// Values a grid shows (weights, shares, Q·K scores, temperatures) and the cases where a
// hand-written formatter goes wrong: ties that the binary value hides (1.005, 0.145), carries
// into a new digit (99.995), grouping (Spanish groups from 10,000), exponents, -0, ∞ and NaN.
const EDGES = [0, -0, 1, -1, 0.5, 1.005, 0.145, 0.125, 2.5, -2.5, 0.995, 9.995, 99.995, 999.5, 1234.5,
  12345.678, -98765.4321, 1e21, 1.5e21, 2.5e-7, 1e-7, -1e-7, 0.0005, 0.00049999, 123456789.125,
  NaN, Infinity, -Infinity, 0.9999, 0.99995, 1 / 3, 2 / 3, 1e-300, 5e-324, Number.MAX_VALUE];

function values() {
  let seed = 1;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const drawn = [...EDGES];
  for (let i = 0; i < 6000; i += 1) {
    const magnitude = 10 ** (Math.floor(random() * 14) - 8);
    drawn.push((random() - 0.3) * magnitude);
    drawn.push(Math.round(random() * 100000) / 1000 + (random() < 0.5 ? 0.0005 : 0.005));  // ties
    drawn.push(Math.round(random() * 2000) / 2000);  // shares on a grid of 0.0005
  }
  return drawn;
}

// Every language the widget speaks, by the locale its strings give.
for (const locale of SUPPORTED_LANGUAGES.map((language) => stringsFor(language).locale)) {
  test(`numbers as Intl writes them in "${locale}"`, () => {
    const formats = [0, 1, 2, 3].map((digits) => intl(locale, 'decimal', digits));
    for (const value of values())
      formats.forEach((format, digits) => assert.equal(formatNumber(locale, value, digits), format.format(value), `${value}, ${digits} digits`));
  });
  test(`percentages as Intl writes them in "${locale}"`, () => {
    const formats = [0, 1].map((digits) => intl(locale, 'percent', digits));
    for (const value of values())
      formats.forEach((format, digits) => assert.equal(formatPercent(locale, value, digits), format.format(value), `${value}, ${digits} digits`));
  });
}

test('the forms each language writes, said plainly', () => {
  assert.equal(formatNumber('en', 12345.5, 2), '12,345.50');
  assert.equal(formatNumber('es', 12345.5, 2), '12.345,50');
  assert.equal(formatNumber('es', 1234.5, 1), '1234,5');
  assert.equal(formatPercent('en', 0.97, 0), '97%');
  assert.equal(formatPercent('es', 0.97, 0), '97\u00a0%');
  assert.equal(formatNumber('en', 1.005, 2), '1.01');  // the decimal 1.005, not its binary 1.00499…
  assert.equal(formatNumber('xx', 0.5, 2), '0.50');     // a language it does not know: English
});
