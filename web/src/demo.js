// The first page: one lesson sentence, its attention grid, hover or Tab to a word to light
// its row. Only draws and listens; the numbers come from the trained model (engine.js).
// Nothing typed by anyone is inserted as HTML: every text goes in through textContent.
import { loadModel } from './engine.js';

const SENTENCE = "The animal didn't cross the street because it was too tired";
const INITIAL_FOCUS = 'it';

const element = (tag, properties = {}, text) => {
  const node = Object.assign(document.createElement(tag), properties);
  if (text !== undefined) node.textContent = text;
  return node;
};
const percent = (weight) => `${(weight * 100).toFixed(0)}%`;

function render({ tokens, weights: grid }) {
  const n = tokens.length;
  const weights = grid.data;
  const weightAt = (query, key) => weights[query * n + key];

  // The sentence, one focusable button per word.
  const sentence = document.getElementById('sentence');
  const words = tokens.map((token, i) => {
    const button = element('button', { type: 'button', className: 'word' }, token.text);
    button.dataset.index = String(i);
    sentence.append(button);
    return button;
  });

  // The grid: a header row of keys, then one row per query with its weights and row sum.
  const table = document.getElementById('attention-grid');
  const head = table.createTHead().insertRow();
  head.append(element('td'));
  tokens.forEach((token) => head.append(element('th', { scope: 'col' }, token.text)));
  head.append(element('th', { scope: 'col', className: 'row-sum' }, 'sum'));
  const body = table.createTBody();
  const rows = tokens.map((token, query) => {
    const row = body.insertRow();
    const label = element('th', { scope: 'row', tabIndex: 0 }, token.text);
    label.dataset.index = String(query);
    row.append(label);
    let sum = 0;
    for (let key = 0; key < n; key++) {
      const weight = weightAt(query, key);
      sum += weight;
      const cell = element('td', {}, (weight * 100).toFixed(0));
      cell.style.setProperty('--weight', weight.toFixed(3));
      cell.classList.toggle('strong', weight > 0.5);
      cell.setAttribute('aria-label', `${token.text} → ${tokens[key].text}: ${percent(weight)}`);
      row.append(cell);
    }
    row.append(element('td', { className: 'row-sum' }, sum.toFixed(2)));
    return row;
  });

  let pinned = null;
  const summary = document.getElementById('focus-summary');
  function focusOn(query) {
    rows.forEach((row, i) => {
      row.classList.toggle('is-focus', i === query);
      row.classList.toggle('is-dimmed', query !== null && i !== query);
    });
    words.forEach((word, key) => {
      word.classList.toggle('is-focus', key === query);
      word.style.setProperty('--weight', query === null ? '0' : weightAt(query, key).toFixed(3));
    });
    if (query === null) {
      summary.textContent = '';
      return;
    }
    const top = tokens.map((token, key) => ({ token, weight: weightAt(query, key) }))
      .sort((a, b) => b.weight - a.weight).slice(0, 3)
      .map(({ token, weight }) => `${token.text} ${percent(weight)}`).join(', ');
    summary.textContent = `“${tokens[query].text}” looks most at: ${top}`;
  }

  const indexOf = (target) => {
    const holder = target.closest('[data-index]');
    return holder ? Number(holder.dataset.index) : null;
  };
  for (const container of [sentence, body]) {
    container.addEventListener('pointerover', (event) => {
      const index = indexOf(event.target);
      if (index !== null && pinned === null) focusOn(index);
    });
    container.addEventListener('focusin', (event) => {
      const index = indexOf(event.target);
      if (index !== null && pinned === null) focusOn(index);
    });
    container.addEventListener('click', (event) => {
      const index = indexOf(event.target);
      if (index === null) return;
      pinned = pinned === index ? null : index;
      focusOn(index);
    });
  }
  // Row labels are table headers, not buttons: Enter and Space pin them like a click.
  body.addEventListener('keydown', (event) => {
    const index = indexOf(event.target);
    if (index === null || (event.key !== 'Enter' && event.key !== ' ')) return;
    event.preventDefault();
    pinned = pinned === index ? null : index;
    focusOn(index);
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') pinned = null;
  });

  const initial = tokens.findIndex((token) => token.text.toLowerCase() === INITIAL_FOCUS);
  focusOn(initial >= 0 ? initial : 0);
}

const status = document.getElementById('status');
try {
  const model = await loadModel();
  const analysis = model.analyze(SENTENCE);
  // The last layer, averaged over its heads: where the model resolves "it" (docs/model.md).
  const lastLayer = analysis.layers[analysis.layers.length - 1];
  render({ tokens: analysis.tokens, weights: lastLayer.average });
  status.textContent = 'Computed in your browser by the Attention Lens engine (WebAssembly).';
  document.body.dataset.ready = 'true';
} catch (error) {
  status.textContent = `The attention engine could not start: ${error.message}`;
  status.classList.add('error');
  document.body.dataset.ready = 'error';
}
