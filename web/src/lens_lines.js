// <attention-lens view="lines">: the sentence twice, down the left (the word that looks) and
// down the right (the word looked at), and a line from the focused word to every word, as thick
// as its weight; optionally every word's lines, faint, under the focused word's. A picture of
// the same numbers as the grid, which stays in the element for screen readers (the picture is
// aria-hidden). Loaded by the element only for this view (not on a lesson's first grid).
const SVG = 'http://www.w3.org/2000/svg';
// Lines below this weight are left out: at 1 px and faint they only add noise.
const SHOWN_FROM = 0.01;

const element = (tag, properties = {}, text) => {
  const node = Object.assign(document.createElement(tag), properties);
  if (text !== undefined) node.textContent = text;
  return node;
};

/**
 * @param {object} a
 * @param {object} a.text the element's strings (strings.js)
 * @param {{ text: string, known: boolean }[]} a.tokens
 * @param {(query: number, key: number) => number} a.weightAt the weights shown
 * @param {(word: string) => string} a.quoted how the element quotes a word
 * @returns {{ node: HTMLElement, board: HTMLElement, show: (query: number|null) => void, disconnect: () => void }}
 *   board: where pointer events on the words arrive (their data-index says which word)
 */
export function linesPanel({ text, tokens, weightAt, quoted }) {
  const n = tokens.length;
  const panel = element('div', { className: 'lines-view' });
  const hint = element('p', { className: 'lines-hint' }, text.linesHint);
  const allLabel = element('label', { className: 'lines-all' });
  const all = element('input', { type: 'checkbox' });
  allLabel.append(all, document.createTextNode(` ${text.linesAllWords}`));
  const board = element('div', { className: 'lines-board' });
  board.setAttribute('aria-hidden', 'true');
  const column = (side) => {
    const list = element('ol', { className: `lines-words ${side}` });
    const items = tokens.map((token, i) => {
      const item = element('li', {}, quoted(token.text));
      item.dataset.index = String(i);
      list.append(item);
      return item;
    });
    return { list, items };
  };
  const left = column('looks');
  const right = column('looked-at');
  const picture = document.createElementNS(SVG, 'svg');
  picture.classList.add('lines-svg');
  // The picture fills the middle column without giving it a height of its own (the CSS lays it
  // over its holder): a picture as tall as the board it was drawn for would keep the board that
  // tall when the words move up (a first draw before the stylesheet applies stacks both columns).
  const holder = element('div', { className: 'lines-picture' });
  holder.append(picture);
  board.append(left.list, holder, right.list);
  panel.append(hint, allLabel, board);

  let focused = null;
  // Where the words are: measured when the board's layout changes, not on every hover, so that
  // redrawing the lines reads no layout.
  let places = null;
  const measure = () => {
    const width = holder.clientWidth;
    const height = holder.clientHeight;
    if (!width || !height) return;
    picture.setAttribute('viewBox', `0 0 ${width} ${height}`);
    const top = holder.getBoundingClientRect().top;
    const middle = (item) => {
      const box = item.getBoundingClientRect();
      return box.top - top + box.height / 2;
    };
    places = { width, leftY: left.items.map(middle), rightY: right.items.map(middle) };
    draw();
  };
  const draw = () => {
    if (!places) return;
    const { width, leftY, rightY } = places;
    const lines = [];
    const line = (query, key, className, strokeWidth, opacity) => {
      const path = document.createElementNS(SVG, 'line');
      path.setAttribute('x1', '0');
      path.setAttribute('y1', leftY[query].toFixed(1));
      path.setAttribute('x2', String(width));
      path.setAttribute('y2', rightY[key].toFixed(1));
      path.setAttribute('stroke-width', strokeWidth.toFixed(2));
      path.setAttribute('stroke-opacity', opacity.toFixed(3));
      path.setAttribute('class', className);
      path.dataset.query = String(query);
      path.dataset.key = String(key);
      lines.push(path);
    };
    if (all.checked) {
      for (let query = 0; query < n; query++) {
        if (query === focused) continue;
        for (let key = 0; key < n; key++) {
          const weight = weightAt(query, key);
          if (weight >= SHOWN_FROM) line(query, key, 'other', 0.5 + 3 * weight, 0.08 + 0.4 * weight);
        }
      }
    }
    if (focused !== null) {
      for (let key = 0; key < n; key++) {
        const weight = weightAt(focused, key);
        if (weight >= SHOWN_FROM) line(focused, key, 'focused', 0.5 + 8 * weight, 0.3 + 0.7 * weight);
      }
    }
    picture.replaceChildren(...lines);
  };
  // The words' places change with the width (long words wrap) and the font: lines follow.
  const observer = new ResizeObserver(measure);
  observer.observe(board);
  all.addEventListener('change', draw);

  return {
    node: panel,
    board,
    show(query) {
      focused = query;
      left.items.forEach((item, i) => item.classList.toggle('is-focus', i === query));
      right.items.forEach((item, key) => item.style.setProperty('--weight', query === null ? '0' : weightAt(query, key).toFixed(3)));
      draw();
    },
    disconnect: () => observer.disconnect(),
  };
}
