// Numbers as each language writes them, without Intl.NumberFormat: the first formatter a page
// makes loads the browser's locale data, 25–300 ms on a fresh page on this project's machine
// (docs/benchmarks.md, "A fresh page's first grid"), before the first grid can show a
// number. What Intl writes for the languages the widget speaks is small enough to say here, and
// tests/node/number_format.test.mjs checks it against Intl over thousands of values.

// Per language: the decimal and grouping marks, how many digits a whole part needs before it is
// grouped (Spanish writes 1234 but 12.345), and what follows a percentage.
const STYLES = {
  en: { decimal: '.', group: ',', groupFrom: 4, percent: '%' },
  es: { decimal: ',', group: '.', groupFrom: 5, percent: '\u00a0%' },
};

/**
 * `value` with exactly `digits` digits after the decimal mark, in `locale`'s way ("en" or "es";
 * another tag is written as English). Rounds as Intl does: the shortest decimal that reads back
 * as the same double (1.005, not 1.00499…), half away from zero.
 */
export function formatNumber(locale, value, digits) {
  return written(STYLES[locale] ?? STYLES.en, value, 0, digits);
}

/** A share (0.97) as a percentage with `digits` decimals: "97%" in English, "97 %" in Spanish. */
export function formatPercent(locale, share, digits = 0) {
  const style = STYLES[locale] ?? STYLES.en;
  return written(style, share, 2, digits) + style.percent;
}

function written(style, value, shift, digits) {
  if (Number.isNaN(value)) return 'NaN';
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  if (!Number.isFinite(value)) return `${sign}∞`;
  const units = roundedUnits(Math.abs(value), shift + digits).padStart(digits + 1, '0');
  let whole = units.slice(0, units.length - digits);
  if (whole.length >= style.groupFrom) whole = whole.replace(/\B(?=(\d{3})+$)/g, style.group);
  return sign + whole + (digits > 0 ? style.decimal + units.slice(units.length - digits) : '');
}

// magnitude × 10^places rounded to a whole number, as its digits. A grid of 43 words writes ~3,800
// numbers, so most take two arithmetic steps; a large one, or one so near a tie (…5) that the
// binary product could round the other way than its decimal digits, is rounded on the digits of
// its shortest representation (String()), as ICU does.
function roundedUnits(magnitude, places) {
  const scaled = magnitude * 10 ** places;
  if (scaled < 1e9 && Math.abs((scaled % 1) - 0.5) > 1e-6) return String(Math.round(scaled));
  const [mantissa, exponent = 0] = String(magnitude).split('e');
  const [integer, fraction = ''] = mantissa.split('.');
  const kept = integer.length + Number(exponent) + places;  // digits before the rounding place
  const digits = '0'.repeat(Math.max(-kept, 0)) + integer + fraction;
  const at = Math.max(kept, 0);
  const units = BigInt(digits.slice(0, at).padEnd(at, '0') || '0');
  return String(digits[at] >= '5' ? units + 1n : units);
}
