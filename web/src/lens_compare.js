// <attention-lens compare="…">: the focused word's row in the element's sentence and in a
// second one that differs in a word or two, side by side: both sentences with what changed
// marked, every key's weight in each, the change in percentage points, and the largest gain and
// loss in words. Loaded by the element only when compare is set (not on a lesson's first grid).
// Every text goes in as text.
import { alignTokens, compareRows, partnerOf } from './compare_rows.js';
import { formatNumber, formatPercent } from './strings.js';

// Keys under this weight in both sentences are left out of the table (and counted in a line):
// a long sentence would otherwise list a dozen rows of 0.0 %.
const LISTED_FROM = 0.005;

const element = (tag, properties = {}, text) => {
  const node = Object.assign(document.createElement(tag), properties);
  if (text !== undefined) node.textContent = text;
  return node;
};

/**
 * @param {object} a
 * @param {object} a.text the element's strings (strings.js)
 * @param {{ text: string }[]} a.first the element's tokens
 * @param {{ text: string }[]} a.second the second sentence's tokens
 * @param {{ data: Float32Array }} a.firstGrid the weights shown for the first sentence (n×n)
 * @param {{ data: Float32Array }} a.secondGrid the same layer and head for the second
 * @param {(word: string) => string} a.quoted how the element quotes a word (cut to 40 characters)
 * @returns {{ node: HTMLElement, show: (query: number) => void }}
 */
export function comparePanel({ text, first, second, firstGrid, secondGrid, quoted }) {
  const pairs = alignTokens(first, second);
  const percent = (weight) => formatPercent(text.locale, weight, 1);
  // +12.3 pt / −8.0 pt, with a real minus sign; 0.0 pt unsigned.
  const points = (change) => {
    const value = Math.round(change * 1000) / 10;
    const sign = value > 0 ? '+' : value < 0 ? '−' : '';
    return text.comparePoints(`${sign}${formatNumber(text.locale, Math.abs(value), 1)}`);
  };

  const panel = element('section', { className: 'compare' });
  const title = element('p', { className: 'compare-title' });
  // Both sentences, the words that differ marked (in colour and in words).
  const sentences = element('ol', { className: 'compare-sentences' });
  const sentenceLine = (tokens, unpaired) => {
    const line = element('li');
    tokens.forEach((token, i) => {
      if (i > 0) line.append(' ');
      if (unpaired.has(i)) {
        const mark = element('mark', {}, quoted(token.text));
        mark.append(element('span', { className: 'visually-hidden' }, ` ${text.compareChanged}`));
        line.append(mark);
      } else {
        line.append(quoted(token.text));
      }
    });
    return line;
  };
  sentences.append(
    sentenceLine(first, new Set(pairs.filter((p) => p.second === null).map((p) => p.first))),
    sentenceLine(second, new Set(pairs.filter((p) => p.first === null).map((p) => p.second))));
  const summary = element('p', { className: 'compare-summary' });
  summary.setAttribute('aria-live', 'polite');
  const message = element('p', { className: 'notice compare-message' });
  const table = element('table', { className: 'compare-table' });
  const head = table.createTHead().insertRow();
  for (const label of [text.compareKey, text.compareFirst, text.compareSecond, text.compareChange]) head.append(element('th', { scope: 'col' }, label));
  const body = table.createTBody();
  const foot = table.createTFoot().insertRow();
  const firstSum = element('td');
  const secondSum = element('td');
  foot.append(element('th', { scope: 'row' }, text.sum), firstSum, secondSum, element('td'));
  const scroller = element('div', { className: 'scroll-x compare-scroll', tabIndex: 0 });
  scroller.setAttribute('role', 'region');
  scroller.append(table);
  const unlisted = element('p', { className: 'compare-unlisted' });
  panel.append(title, sentences, summary, message, scroller, unlisted);

  const n1 = first.length;
  const n2 = second.length;
  const show = (query) => {
    const word = quoted(first[query].text);
    title.textContent = text.compareTitle(word);
    scroller.setAttribute('aria-label', text.compareTitle(word));
    const partner = partnerOf(query, first, second, pairs);
    if (partner === null) {
      message.textContent = text.compareNoWord(word);
      summary.textContent = '';
      scroller.hidden = true;
      unlisted.textContent = '';
      return;
    }
    message.textContent = '';
    scroller.hidden = false;
    const result = compareRows({
      first, second, pairs,
      firstRow: firstGrid.data.subarray(query * n1, (query + 1) * n1),
      secondRow: secondGrid.data.subarray(partner * n2, (partner + 1) * n2),
    });
    const { gain, loss } = result;
    const name = (key) => quoted(key.text);
    summary.textContent = gain && loss ? text.compareSummary(word, name(gain), points(gain.change), name(loss), points(loss.change))
      : gain ? text.compareSummaryGain(word, name(gain), points(gain.change))
        : loss ? text.compareSummaryLoss(word, name(loss), points(loss.change)) : text.compareSummarySame(word);
    const listed = result.keys.filter((key) => Math.max(key.first ?? 0, key.second ?? 0) >= LISTED_FROM);
    const left = result.keys.length - listed.length;
    unlisted.textContent = left > 0 ? text.compareUnlisted(left, formatPercent(text.locale, LISTED_FROM, 1)) : '';
    body.replaceChildren(...listed.map((key) => {
      const row = element('tr');
      const cell = (weight) => {
        const td = element('td', {}, weight === null ? '—' : percent(weight));
        if (weight === null) td.setAttribute('aria-label', text.compareMissing);
        return td;
      };
      const change = element('td', { className: key.change > 0 ? 'gain' : key.change < 0 ? 'loss' : '' }, points(key.change));
      row.append(element('th', { scope: 'row' }, quoted(key.text)), cell(key.first), cell(key.second), change);
      if (key === gain || key === loss) row.classList.add('largest');
      return row;
    }));
    firstSum.textContent = formatNumber(text.locale, result.firstSum, 2);
    secondSum.textContent = formatNumber(text.locale, result.secondSum, 2);
  };
  return { node: panel, show };
}
