// <attention-lens>: a sentence, its attention grid (rows = the word that looks, columns = the
// word it looks at), hover / tap / Tab to a word to light its row, a choice of layer and head.
// Only draws and listens: every number comes from the model (engine.js). Nothing an author or
// learner types is inserted as HTML — every text goes in through textContent.
// Attributes, events, properties and styling: the JSDoc on the class below, which
// npm run build turns into dist/custom-elements.json for authors' editors (docs/element.md).
import { hasUnknownWords, loadEvents, loadModel, loadProgress, loadWordReadings, wordReadingsLoaded } from './engine.js';
import { mathSteps } from './math_steps.js';
import { formatNumber, formatPercent, stringsFor } from './strings.js';
import { gridPng, gridSvg } from './export_view.js';
import { assetUrl } from './asset_url.js';

const STYLESHEET_URL = assetUrl('styles/attention-lens.css');

const element = (tag, properties = {}, text) => {
  const node = Object.assign(document.createElement(tag), properties);
  if (text !== undefined) node.textContent = text;
  return node;
};
// A word as a sentence of the UI quotes it: cut to 20 characters (whole code points, so an emoji
// is never split), so that a 5,000-letter word does not bury the summary and the math under it,
// and a summary naming it twice still fits the two lines kept for it on a phone (a third line
// would move the grid under the pointer on every hover).
const QUOTED_WORD_LENGTH = 20;
const quoted = (word) => {
  const characters = Array.from(word);
  return characters.length > QUOTED_WORD_LENGTH ? `${characters.slice(0, QUOTED_WORD_LENGTH - 1).join('')}…` : word;
};
// A wrapper that scrolls sideways on a narrow screen, so the page itself never has to. It is a
// named Tab stop, so that a keyboard can scroll it too.
const scrollable = (node, name) => {
  const wrapper = element('div', { className: 'scroll-x', tabIndex: 0 });
  wrapper.setAttribute('role', 'region');
  wrapper.setAttribute('aria-label', name);
  wrapper.append(node);
  return wrapper;
};
// A letter, digit, mark, symbol or punctuation: a sentence without one is empty to a reader.
const VISIBLE = /[^\p{Z}\p{Cc}\p{Cf}\p{Cs}\s]/u;
const VIEWS = ['grid', 'heads', 'math', 'lines'];
// The sentence's words as the engine's tokenizer will most likely cut them (runs of letters and
// digits with apostrophes inside; every other mark on its own; docs/model.md), for the skeleton
// drawn before the engine has arrived. Only a placeholder: the grid uses the engine's tokens.
const LIKELY_TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}\p{Cc}\p{Cf}]/gu;
const CONTROLS = ['layer', 'head', 'scaling', 'causal', 'temperature'];
// The temperatures the element accepts. Measured with analyze() on the lessons' sentences and a
// 64-token one, scaling on and off: the scores overflow float32 only below about 2e-37, so this
// range is 35 orders of magnitude from it; at 0.05, 85 % of the heads' rows already put ≥ 99.5 %
// on one word, and at 20 no row does (the strongest weight is at most 0.4 above uniform): beyond
// either end the grid shows nothing new. Out of range, the nearest end is used.
const TEMPERATURE = { min: 0.05, max: 20, default: 1 };
// The slider runs over the whole range on a log scale (its value is log10 of the temperature), so
// that 0.05, 1 and 20 are all within reach and 1 sits in the middle; what it sets is rounded to
// two significant digits (0.05, 0.43, 1, 2.5, 20).
const SLIDER = { min: Math.log10(TEMPERATURE.min).toFixed(2), max: Math.log10(TEMPERATURE.max).toFixed(2), step: '0.01' };
const sliderValue = (temperature) => Math.log10(temperature).toFixed(2);
const sliderTemperature = (value) => Math.min(TEMPERATURE.max, Math.max(TEMPERATURE.min, Number((10 ** Number(value)).toPrecision(2))));
// The whole attribute must be a decimal number: no "2abc", "Infinity", "0x10" or "" (which
// Number.parseFloat or Number would let through as 2, Infinity, 16 or 0).
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const WHOLE = /^\d+$/;

// A 1-based index attribute ("2") as a 0-based index below `count`, or null if it is not one.
function parseIndex(text, count) {
  if (text === null || !WHOLE.test(text.trim())) return null;
  const index = Number(text) - 1;
  return index >= 0 && index < count ? index : null;
}

// The temperature attribute: { value, allowed }. A number out of range gives the nearest end;
// anything else (not a number, 0 or below, infinite) the default.
function parseTemperature(text) {
  if (text === null) return { value: TEMPERATURE.default, allowed: true };
  const number = DECIMAL.test(text.trim()) ? Number(text) : Number.NaN;
  if (!Number.isFinite(number) || number <= 0) return { value: TEMPERATURE.default, allowed: false };
  const value = Math.min(TEMPERATURE.max, Math.max(TEMPERATURE.min, number));
  return { value, allowed: value === number };
}

// An attribute with a few allowed values: the value, or the first one (the default) if it is
// missing; `allowed` says whether what arrived was one of them.
function parseChoice(text, choices) {
  if (text === null) return { value: choices[0], allowed: true };
  return choices.includes(text) ? { value: text, allowed: true } : { value: choices[0], allowed: false };
}
const SCALING = ['on', 'off'];
const MASKS = ['none', 'causal'];

// The drawing code of view="lines" and of compare="…", imported the first time an element asks
// for it, so that a lesson's first grid does not download it.
let linesModule = null;
let compareModule = null;
let kindsModule = null;  // word_kinds.js: the kinds words are read by, in plain words

// Resolves in a task after the next frame is painted; in a page that paints no frames (a
// background tab, where requestAnimationFrame waits), after at most 100 ms all the same.
const afterNextPaint = () => new Promise((resolve) => {
  const timer = setTimeout(resolve, 100);
  requestAnimationFrame(() => setTimeout(() => { clearTimeout(timer); resolve(); }, 0));
});

// The elements whose engine or model could not be loaded: they share it, so a Retry on one of
// them retries them all.
const waitingForEngine = new Set();

/**
 * A sentence and its attention grid, computed live by the Attention Lens engine.
 *
 * @tagname attention-lens
 * @summary A sentence, its attention grid (rows: the word that looks; columns: the word it looks at), a choice of layer and head.
 *
 * @attr {string} sentence - The text to analyse; shown as text, never as HTML.
 * @attr {string} focus - The word whose row is lit first (default: the first token).
 * @attr {string} layer - 1-based layer (default: the last layer).
 * @attr {string} head - 1-based head, or "average" (the default).
 * @attr {"on"|"off"} scaling - "off" leaves out the division by √d_k (default "on").
 * @attr {"none"|"causal"} mask - "causal": no word may look at a later one (default "none").
 * @attr {string} temperature - A number from 0.05 to 20 dividing the scores (default 1).
 * @attr {boolean} editable - Present: a box where the learner types a sentence of their own.
 * @attr {"grid"|"heads"|"math"|"lines"} view - The grid with the math panel, every head side by side, the math panel alone, or lines from each word to the words it looks at, as thick as the weights (default "grid").
 * @attr {string} compare - A second sentence (a minimal pair): the focused word's row in both, with the changes marked.
 * @attr {string} controls - Which controls to offer, space-separated from "layer head scaling causal temperature" (default: all).
 * @attr {string} lang - The UI language, "en" or "es" (default: the nearest ancestor's lang).
 *
 * @fires attentionfocus - Bubbling, composed CustomEvent when the focused word changes; detail: { index, token, layer, head, weights } (weights: that row, a copy).
 * @fires attentionchange - Bubbling, composed CustomEvent after every new analysis is drawn (sentence, layer, head or toggles changed); detail: { layer, head }.
 *
 * @csspart grid - The table of weights.
 *
 * @cssprop --lens-ink - Text colour.
 * @cssprop --lens-muted - Secondary text colour.
 * @cssprop --lens-paper - The element's background, under every cell.
 * @cssprop --lens-accent - An "r, g, b" triple: a cell of weight w is w of it mixed into the paper.
 * @cssprop --lens-focus - The focused word's and row's mark.
 * @cssprop --lens-error - Messages about what could not be shown.
 */
export class AttentionLensElement extends HTMLElement {
  static get observedAttributes() {
    return ['sentence', 'focus', 'layer', 'head', 'scaling', 'mask', 'temperature', 'editable', 'view', 'controls', 'lang', 'compare'];
  }

  #root;
  #content;
  #analysis = null;
  // With compare="…": { analysis } of the second sentence, or { error } saying why it has none.
  #comparison = null;
  // The lines view's panel, whose ResizeObserver each draw lets go of.
  #linesPanel = null;
  #focused = null;
  #pinned = null;
  // Keeps the focused row's marker on its row when the grid's box changes size (a narrower
  // page wraps the axes' text above the table); replaced, and the old one let go, by each draw.
  #markerObserver = null;
  #renderCount = 0;
  #rendering = false;  // a render is under way: it reads the focus attribute when it draws
  #resolveReady;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    // A stylesheet file, not inline CSS, so the element works under style-src 'self'.
    this.#root.append(element('link', { rel: 'stylesheet', href: STYLESHEET_URL }));
    this.#content = element('div', { className: 'lens' });
    this.#root.append(this.#content);
    // Listeners on nodes that outlive a draw are added here, once. One added per draw would pile
    // up, and its closure would keep that draw's grid alive. #content lives and dies with the
    // element, so it needs no removal; per-draw listeners go on the nodes each draw makes.
    // Escape unpins and clears what the focus shows (row, highlights, summary, math).
    this.#content.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || this.#focused === null) return;
      this.#pinned = null;
      this.#focusOn(null);
    });
    /** Resolves once the first grid (or error message) is drawn. */
    this.ready = new Promise((resolve) => { this.#resolveReady = resolve; });
  }

  connectedCallback() {
    this.#render();
  }

  // What the grid shows now, for export: its tokens, weights and a title naming layer and head.
  #shownView() {
    if (!this.#analysis) throw new Error('There is no grid to export: the sentence could not be analysed.');
    const { layer: l, head: h } = this.#chosen(this.#analysis.layers.length, this.#analysis.layers[0].heads.length);
    const heads = this.#analysis.layers[l].heads;
    return {
      tokens: this.#analysis.tokens,
      weights: h === null ? this.#analysis.layers[l].average : heads[h].weights,
      title: `Layer ${l + 1}, ${h === null ? `average of ${heads.length} heads` : `head ${h + 1}`}`,
    };
  }

  /** The grid as it is shown now, as an SVG document (text). */
  exportSvg() {
    return gridSvg(this.#shownView());
  }

  /** The grid as it is shown now, as a PNG image. */
  exportPng() {
    return gridPng(this.#shownView());
  }

  /** What the element shows now: { tokens, layers } from analyze(), or null before or on error. */
  get analysis() {
    return this.#analysis;
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (!this.isConnected || oldValue === newValue) return;
    // A new sentence has new words: the row lit and pinned in the old one mean nothing in it, and
    // the focus attribute decides again (a page that sets sentence then focus, as the embed does,
    // gets its focus even when the old sentence's grid is still on screen).
    if (name === 'sentence') {
      this.#focused = null;
      this.#pinned = null;
    }
    if (name === 'focus') {
      // The draw under way reads the attribute; the grid on screen may be the old sentence's.
      if (this.#rendering) {
        this.#focused = null;
        this.#pinned = null;
        return;
      }
      if (this.#analysis) {
        this.#focusWord(newValue);
        return;
      }
    }
    this.#render();
  }

  async #render() {
    const renderId = ++this.#renderCount;
    this.#rendering = true;
    const sentence = this.getAttribute('sentence') ?? '';
    // Nothing drawn yet (or a failure in its place): the sentence and the grid's frame at once,
    // so the page does not move when the grid arrives. Replaced before it is painted when the
    // model is already loaded.
    if (!this.#analysis) this.#content.replaceChildren(...this.#skeleton(sentence));
    try {
      const model = await loadModel().finally(() => { if (renderId === this.#renderCount) this.#stopProgress(); });
      if (renderId !== this.#renderCount) return;  // a newer render started meanwhile
      waitingForEngine.delete(this);
      // Said here, not by the engine, so the learner reads it in the element's language.
      if (!VISIBLE.test(sentence)) throw Object.assign(new Error(this.#text.emptySentence), { code: 'empty-sentence' });
      await this.#loadViewCode();
      if (renderId !== this.#renderCount) return;
      // A page's first grids out of sight wait until the ones in sight are painted: a lesson
      // with seven grids then shows the one on screen a frame sooner, instead of after all seven
      // have been computed and built.
      if (!this.#analysis && !this.#inView()) {
        await afterNextPaint();
        if (renderId !== this.#renderCount) return;
      }
      this.#analysis = model.analyze(sentence, this.#attentionOptions());
      this.#comparison = this.#compareWith(model);
      // Words the model has no row for are read by their kinds once the word readings are in
      // the engine: fetched the first time a sentence needs them, never for the lesson's own
      // first grids (their words all have rows).
      const comparison = this.#comparison?.analysis;
      if (!wordReadingsLoaded() && (hasUnknownWords(this.#analysis) || (comparison && hasUnknownWords(comparison)))) {
        // With them, the kinds' names in plain words for the words' titles (without them, a title
        // gives the model's own name for a kind, "noun.animal").
        const kinds = import('./word_kinds.js').then((module) => { kindsModule = module; }, (error) => console.error(error));
        const loaded = await loadWordReadings().then(() => true, (error) => {
          console.error('Attention Lens could not load its word readings; words it has no row for stay unknown:', error);
          return false;
        });
        await kinds;
        if (renderId !== this.#renderCount) return;
        if (loaded) {
          this.#analysis = model.analyze(sentence, this.#attentionOptions());
          this.#comparison = this.#compareWith(model);
        }
      }
      this.#draw(model);
      if (this.#comparison?.analysis && !compareModule) {
        await this.#loadCompareCode();
        if (renderId !== this.#renderCount) return;
        this.#draw(model);
      }
    } catch (error) {
      if (renderId !== this.#renderCount) return;
      this.#analysis = null;
      this.#focusOn = () => {};  // the old draw's closure would keep its grid alive
      this.#markerObserver?.disconnect();
      this.#linesPanel?.disconnect();
      this.#content.replaceChildren(...this.#failure(error));
    }
    this.#rendering = false;  // only the newest render gets here
    this.#resolveReady();
  }

  // Whether any of the element is inside the window now.
  #inView() {
    const box = this.getBoundingClientRect();
    return box.bottom > 0 && box.top < (window.innerHeight || document.documentElement.clientHeight);
  }

  // The code of the lines view, when the view asks for it. A failure to fetch it is a failure to
  // load, said with a Retry like the engine's.
  async #loadViewCode() {
    try {
      if (this.getAttribute('view') === 'lines') linesModule ??= await import('./lens_lines.js');
    } catch (error) {
      throw Object.assign(error instanceof Error ? error : new Error(String(error)), { code: 'load-failed' });
    }
  }

  // The code of compare="…", fetched once the grid is drawn and the page is idle (at most half a
  // second later; a task later where requestIdleCallback is missing), so that the page's first
  // grid never waits for it: the lesson's 150 KB budget (a lens out of sight draws only after the
  // next paint, so after the lens on screen). The element then draws again with the comparison,
  // and its ready promise resolves. If it cannot be fetched, the comparison's place says so.
  async #loadCompareCode() {
    await new Promise((resolve) => {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 500 });
      else setTimeout(resolve, 0);
    });
    try {
      compareModule ??= await import('./lens_compare.js');
    } catch (error) {
      console.error('Attention Lens could not load the code that compares two sentences:', error);
      this.#comparison = { error: this.#text.loadFailed };
    }
  }

  // The second sentence of compare="…", analysed with the same toggles: { analysis }, or
  // { error } in the learner's language when it cannot be read (the first grid is still drawn).
  #compareWith(model) {
    const sentence = this.getAttribute('compare');
    if (sentence === null) return null;
    const text = this.#text;
    if (!VISIBLE.test(sentence)) return { error: text.emptySentence };
    try {
      return { analysis: model.analyze(sentence, this.#attentionOptions()) };
    } catch (error) {
      return { error: error?.code === 'too-many-tokens' ? text.tooManyTokens(error.count, error.limit) : String(error?.message ?? error) };
    }
  }

  // While the engine and the weights download: what #draw will show, with the sentence's words
  // and empty cells, disabled controls, and a progress bar where the summary will be. Kept close
  // to #draw's layout (tests/browser/loading.test.mjs measures that nothing below moves).
  #skeleton(sentence) {
    const text = this.#text;
    const tokens = sentence.match(LIKELY_TOKEN) ?? [];
    const n = tokens.length;
    const skeleton = [...this.#editor()];
    if (n === 0) return skeleton;
    const controls = element('div', { className: 'controls' });
    const placeholder = (className, label) => {
      const select = element('select', { className, disabled: true });
      select.setAttribute('aria-label', label);
      select.append(element('option', {}, label));
      return select;
    };
    const toggle = (className, label) => {
      const holder = element('label', { className });
      holder.append(element('input', { type: 'checkbox', disabled: true }), document.createTextNode(` ${label}`));
      return holder;
    };
    const temperature = element('label', { className: 'temperature' }, `${text.temperature} `);
    const { value } = parseTemperature(this.getAttribute('temperature'));
    temperature.append(element('input', { type: 'range', ...SLIDER, value: sliderValue(value), disabled: true }),
      element('output', {}, formatNumber(text.locale, value, 2)));
    const offered = { layer: placeholder('layer', text.layer), head: placeholder('head', text.head),
      scaling: toggle('scaling', text.divideBySqrtDk), causal: toggle('causal', text.causalMask), temperature };
    for (const name of CONTROLS) if (this.#offers(name)) controls.append(offered[name]);

    const words = element('p', { className: 'sentence' });
    for (const token of tokens) words.append(element('span', { className: 'word' }, token));
    // The progress: how much of the engine and weights has arrived, once the server says how much
    // is coming (a bar that moves on a slow link); a bar with no value (indeterminate) until then.
    const status = element('p', { className: 'summary loading' });
    status.setAttribute('role', 'status');
    const bar = element('progress', { max: 1 });
    bar.setAttribute('aria-label', text.loading);
    const said = element('span', {}, text.loading);
    status.append(bar, said);
    const update = () => {
      const { loaded, total } = loadProgress();
      if (total) {
        bar.value = Math.min(1, loaded / total);
        said.textContent = text.loadingPercent(formatPercent(text.locale, bar.value));
      }
    };
    // Removed once the load settles (#render): a listener left on the shared loadEvents would
    // keep this skeleton alive after the grid replaced it.
    this.#stopProgress();
    loadEvents.addEventListener('progress', update);
    this.#stopProgress = () => loadEvents.removeEventListener('progress', update);
    skeleton.push(controls, words, status);

    const view = VIEWS.includes(this.getAttribute('view')) ? this.getAttribute('view') : 'grid';
    if (view === 'heads') return skeleton;
    if (view === 'lines') return [...skeleton, this.#linesSkeleton(tokens)];
    const focus = tokens.find((token) => token.toLowerCase() === (this.getAttribute('focus') ?? '').toLowerCase()) ?? tokens[0];
    const math = element('section', { className: 'math' });
    if (this.getAttribute('head') === null || this.getAttribute('head') === 'average') {
      if (this.#offers('head')) math.append(element('p', { className: 'hint' }, text.pickAHead));
    } else {
      const table = element('table', { className: 'math-table' });
      const header = table.createTHead().insertRow();
      for (const title of [text.key, 'Q·K', '×', text.softmaxWeight]) header.append(element('th', { scope: 'col' }, title));
      const body = table.createTBody();
      for (const token of tokens) body.insertRow().append(element('th', { scope: 'row' }, token), element('td'), element('td'), element('td'));
      // The same blocks as #drawMath draws, so the panel keeps its height when the numbers arrive.
      math.append(element('p', { className: 'math-title' }, text.mathTitle(quoted(focus))), element('p', {}, text.mathQuery(quoted(focus), '[…]')),
        element('p', {}, text.mathScores), scrollable(table, text.mathTitle(quoted(focus))), element('p', {}, text.mathOutput('[…]')));
    }
    if (view === 'math') return [...skeleton, math];
    const table = element('table', { className: 'grid' });
    const headRow = table.createTHead().insertRow();
    headRow.append(element('td'));
    for (const token of tokens) headRow.append(element('th', { scope: 'col' }, token));
    headRow.append(element('th', { scope: 'col', className: 'row-sum' }, text.sum));
    const body = table.createTBody();
    for (const token of tokens) {
      const row = body.insertRow();
      row.append(element('th', { scope: 'row' }, token));
      for (let key = 0; key <= n; key++) row.append(element('td', { className: key === n ? 'row-sum' : '' }));
    }
    const scroller = element('div', { className: 'grid-scroll' });
    const legend = element('p', { className: 'legend' });
    legend.append(element('span', {}, formatPercent(text.locale, 0)), element('span', { className: 'ramp' }),
      element('span', {}, formatPercent(text.locale, 1)), element('span', { className: 'legend-text' }, text.legend));
    scroller.append(element('p', { className: 'axes' }, text.axes), legend, table);
    return [...skeleton, scroller, math];
  }

  // The lines view before the engine (and lens_lines.js) arrive: its hint, its checkbox and the
  // two columns of words, without lines, in lens_lines.js's classes, so that nothing below
  // moves when the lines are drawn. Built here, not in lens_lines.js: the module is still on
  // its way.
  #linesSkeleton(tokens) {
    const text = this.#text;
    const panel = element('div', { className: 'lines-view' });
    const allLabel = element('label', { className: 'lines-all' });
    allLabel.append(element('input', { type: 'checkbox', disabled: true }), document.createTextNode(` ${text.linesAllWords}`));
    const board = element('div', { className: 'lines-board' });
    board.setAttribute('aria-hidden', 'true');
    const column = (side) => {
      const list = element('ol', { className: `lines-words ${side}` });
      for (const token of tokens) list.append(element('li', {}, quoted(token)));
      return list;
    };
    board.append(column('looks'), element('div', { className: 'lines-picture' }), column('looked-at'));
    panel.append(element('p', { className: 'lines-hint' }, text.linesHint), allLabel, board);
    return panel;
  }

  // What the element shows in place of the grid when it cannot draw one. A sentence the model
  // refuses (empty, too long) is the learner's to fix: said in the element's language, the box
  // kept. Anything else (the files did not arrive, the engine failed) is said in the learner's
  // words with a Retry button; the developer's detail (Emscripten's abort text, "Failed to
  // fetch", the URL and status) goes to the console, where an author looks.
  #failure(error) {
    const text = this.#text;
    if (error?.code === 'too-many-tokens' || error?.code === 'empty-sentence') {
      const said = error.code === 'too-many-tokens' ? text.tooManyTokens(error.count, error.limit) : error.message;
      const message = element('p', { className: 'error' }, said);
      message.setAttribute('role', 'alert');
      return [...this.#editor(), message];
    }
    console.error('Attention Lens could not draw its grid:', error);
    waitingForEngine.add(this);
    const failure = element('div', { className: 'failure' });
    const said = { 'load-failed': text.loadFailed, 'damaged-copy': text.damagedCopy }[error?.code] ?? text.engineFailed;
    const message = element('p', { className: 'error' }, said);
    message.setAttribute('role', 'alert');
    failure.append(message);
    // A damaged copy of the single-file page is the same on every retry: no button for it.
    if (error?.code === 'damaged-copy') return [failure];
    const retry = element('button', { type: 'button', className: 'retry' }, text.retry);
    // One click retries every element the same failure stopped: they share the engine.
    retry.addEventListener('click', () => {
      let own = null;
      for (const lens of new Set([this, ...waitingForEngine])) {
        waitingForEngine.delete(lens);
        if (!lens.isConnected) continue;
        const drawn = lens.#render();
        if (lens === this) own = drawn;
      }
      // The button leaves with the message: the keyboard's place moves to what took their place
      // (the focused word of the grid, or the new Retry if it failed again), not to the page's top.
      own.then(() => this.#content.querySelector('.sentence .word[tabindex="0"], .retry')?.focus());
    });
    failure.append(retry);
    return [failure];
  }

  // The UI's words, in the language of the element's lang attribute or, without one, of the
  // nearest ancestor's (the page's, as HTML's lang is inherited).
  get #text() {
    return stringsFor(this.#language);
  }

  get #language() {
    return this.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang;
  }

  // With the editable attribute: a box where the learner types a sentence of their own. It stays
  // when the sentence is refused, so the learner can fix it.
  #editor() {
    if (!this.hasAttribute('editable')) return [];
    const form = element('form', { className: 'editor' });
    const input = element('input', { type: 'text', value: this.getAttribute('sentence') ?? '' });
    input.setAttribute('aria-label', this.#text.yourSentence);
    form.append(input, element('button', { type: 'submit' }, this.#text.showAttention));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.setAttribute('sentence', input.value);
    });
    return [form];
  }

  // What the attributes asked for that cannot be shown, said in words.
  #notices(model) {
    const notices = [];
    const text = this.#text;
    const layer = this.getAttribute('layer');
    const head = this.getAttribute('head');
    const temperature = this.getAttribute('temperature');
    const { layerCount, headCount } = model.info;
    if (layer !== null && parseIndex(layer, layerCount) === null) {
      notices.push(text.noLayer(layer, layerCount));
    }
    if (head !== null && head !== 'average' && parseIndex(head, headCount) === null) {
      notices.push(text.noHead(head, headCount));
    }
    const view = this.getAttribute('view');
    if (view !== null && !VIEWS.includes(view)) {
      notices.push(text.noView(view, VIEWS));
    }
    const { value, allowed } = parseTemperature(temperature);
    if (!allowed) notices.push(text.temperatureNotAllowed(temperature, TEMPERATURE.min, TEMPERATURE.max, value));
    for (const [name, choices] of [['scaling', SCALING], ['mask', MASKS]]) {
      const asked = this.getAttribute(name);
      if (!parseChoice(asked, choices).allowed) notices.push(text.notAChoice(name, asked, choices, choices[0]));
    }
    const unknownControls = (this.getAttribute('controls') ?? '').split(/\s+/).filter((name) => name && !CONTROLS.includes(name));
    if (unknownControls.length > 0) notices.push(text.unknownControls(unknownControls, CONTROLS));
    return notices.map((text) => element('p', { className: 'notice' }, text));
  }

  // The toggles that teach, from the attributes.
  #attentionOptions() {
    return {
      scaleBySqrtDk: parseChoice(this.getAttribute('scaling'), SCALING).value === 'on',
      mask: parseChoice(this.getAttribute('mask'), MASKS).value,
      temperature: parseTemperature(this.getAttribute('temperature')).value,
    };
  }

  // Which layer and head (0-based) the attributes ask for: the last layer and the average of
  // the heads (null) when they ask for one the model does not have (#notices says so).
  #chosen(layerCount, headCount) {
    return {
      layer: parseIndex(this.getAttribute('layer'), layerCount) ?? layerCount - 1,
      head: parseIndex(this.getAttribute('head'), headCount),
    };
  }

  #view(model) {
    return this.#chosen(model.info.layerCount, model.info.headCount);
  }

  #draw(model) {
    this.#markerObserver?.disconnect();
    this.#linesPanel?.disconnect();
    this.#linesPanel = null;
    const text = this.#text;
    const { tokens, layers } = this.#analysis;
    const { layer, head } = this.#view(model);
    const grid = head === null ? layers[layer].average : layers[layer].heads[head].weights;
    const n = tokens.length;
    const weightAt = (query, key) => grid.data[query * n + key];

    // Layer and head pickers.
    const controls = element('div', { className: 'controls' });
    const layerSelect = element('select', { className: 'layer' });
    layerSelect.setAttribute('aria-label', text.layer);
    layers.forEach((_, l) => layerSelect.append(element('option', { value: String(l + 1), selected: l === layer }, text.layerNumber(l + 1))));
    const headSelect = element('select', { className: 'head' });
    headSelect.setAttribute('aria-label', text.head);
    headSelect.append(element('option', { value: 'average', selected: head === null }, text.averageOfHeads(model.info.headCount)));
    layers[layer].heads.forEach((h, i) => {
      // The picker names a head by its first role only ("he/she → name 100%"); the heads view
      // shows every role the trainer measured for it.
      const label = h.label ? ` — ${text.headLabel(h.label.split(' · ')[0])}` : '';
      headSelect.append(element('option', { value: String(i + 1), selected: head === i }, `${text.headNumber(i + 1)}${label}`));
    });
    layerSelect.addEventListener('change', () => this.setAttribute('layer', layerSelect.value));
    headSelect.addEventListener('change', () => this.setAttribute('head', headSelect.value));
    const offer = (name, node) => { if (this.#offers(name)) controls.append(node); };
    offer('layer', layerSelect);
    offer('head', headSelect);

    // The toggles that teach: scaling, causal mask, temperature.
    const options = this.#attentionOptions();
    const toggle = (className, text, checked, onChange) => {
      const label = element('label', { className });
      const box = element('input', { type: 'checkbox', checked });
      box.addEventListener('change', () => onChange(box.checked));
      label.append(box, document.createTextNode(` ${text}`));
      return label;
    };
    const temperatureLabel = element('label', { className: 'temperature' }, `${text.temperature} `);
    const slider = element('input', { type: 'range', ...SLIDER, value: sliderValue(options.temperature) });
    const shown = element('output', {}, formatNumber(text.locale, options.temperature, 2));
    // A screen reader says the temperature, not the slider's logarithm.
    slider.setAttribute('aria-valuetext', shown.textContent);
    slider.addEventListener('change', () => this.setAttribute('temperature', String(sliderTemperature(slider.value))));
    slider.addEventListener('input', () => {
      shown.textContent = formatNumber(text.locale, sliderTemperature(slider.value), 2);
      slider.setAttribute('aria-valuetext', shown.textContent);
    });
    temperatureLabel.append(slider, shown);
    offer('scaling', toggle('scaling', text.divideBySqrtDk, options.scaleBySqrtDk, (on) => this.setAttribute('scaling', on ? 'on' : 'off')));
    offer('causal', toggle('causal', text.causalMask, options.mask === 'causal', (on) => this.setAttribute('mask', on ? 'causal' : 'none')));
    offer('temperature', temperatureLabel);

    // The sentence, one button per token (a toggle: pressed = pinned); unknown words are marked.
    // One Tab stop for the whole sentence (roving tabindex): the arrow keys move along it.
    const sentence = element('p', { className: 'sentence' });
    const words = tokens.map((token, i) => {
      const button = element('button', { type: 'button', className: token.known ? 'word' : 'word unknown', tabIndex: i === 0 ? 0 : -1 }, token.text);
      button.setAttribute('aria-pressed', 'false');
      if (!token.known) button.title = text.unknownWord;
      else if (token.wordClass) button.title = text.classWord(kindsModule?.kindInWords(token.wordClass, text.locale) ?? token.wordClass);
      button.dataset.index = String(i);
      sentence.append(button);
      return button;
    });
    const summary = element('p', { className: 'summary' });
    summary.setAttribute('aria-live', 'polite');

    // The grid: a header row of keys, then one row per query with its weights and row sum.
    const table = element('table', { className: 'grid' });
    table.setAttribute('part', 'grid');
    table.append(element('caption', {}, text.gridCaption));
    const headRow = table.createTHead().insertRow();
    headRow.append(element('td'));
    tokens.forEach((token) => headRow.append(element('th', { scope: 'col' }, token.text)));
    headRow.append(element('th', { scope: 'col', className: 'row-sum' }, text.sum));
    const body = table.createTBody();
    const rows = tokens.map((token, query) => {
      const row = body.insertRow();
      const label = element('th', { scope: 'row', tabIndex: query === 0 ? 0 : -1 }, token.text);
      label.dataset.index = String(query);
      row.append(label);
      let sum = 0;
      for (let key = 0; key < n; key++) {
        const weight = weightAt(query, key);
        sum += weight;
        const cell = element('td', { tabIndex: -1 }, String(Math.round(weight * 100)));
        cell.style.setProperty('--weight', weight.toFixed(3));
        cell.setAttribute('aria-label', `${token.text} → ${tokens[key].text}: ${formatPercent(text.locale, weight)}`);
        row.append(cell);
      }
      row.append(element('td', { className: 'row-sum', tabIndex: -1 }, formatNumber(text.locale, sum, 2)));
      return row;
    });
    const scroller = element('div', { className: 'grid-scroll' });
    const axes = element('p', { className: 'axes' }, text.axes);
    const legend = element('p', { className: 'legend' });
    legend.append(element('span', {}, formatPercent(text.locale, 0)), element('span', { className: 'ramp' }), element('span', {}, formatPercent(text.locale, 1)),
      element('span', { className: 'legend-text' }, text.legend));
    legend.querySelector('.ramp').setAttribute('aria-hidden', 'true');
    // The focused row's mark is a box laid over the table, not a style of its cells: the table
    // then paints once and is reused from Chromium's paint cache on every hover, where restyling
    // a row's cells repainted all of a 43-word grid's 1,900 cells (about 6 ms a hover; see
    // docs/benchmarks.md, "Hover").
    const marker = element('div', { className: 'row-marker' });
    marker.setAttribute('aria-hidden', 'true');
    marker.hidden = true;
    scroller.append(axes, legend, table, marker);
    const placeMarker = () => {
      const row = rows[this.#focused];
      marker.hidden = !row || !row.isConnected;
      if (marker.hidden) return;
      // The table is positioned, so it is its rows' offsetParent, and the scroller is its own.
      marker.style.transform = `translate(${table.offsetLeft}px, ${table.offsetTop + row.offsetTop}px)`;
      marker.style.width = `${table.offsetWidth}px`;
      marker.style.height = `${row.offsetHeight}px`;
    };
    this.#markerObserver = new ResizeObserver(placeMarker);
    this.#markerObserver.observe(scroller);
    const math = element('section', { className: 'math' });
    const view = VIEWS.includes(this.getAttribute('view')) ? this.getAttribute('view') : 'grid';
    // The lines view keeps the grid's table for screen readers, out of sight: the lines are a
    // picture of the same numbers.
    const lines = view === 'lines' ? linesModule.linesPanel({ text, tokens, weightAt, quoted }) : null;
    if (lines) scroller.classList.add('visually-hidden');
    this.#linesPanel = lines;
    const sections = {
      grid: () => [scroller, math],
      heads: () => this.#headsOverview(model, layers, tokens),
      math: () => [math],
      lines: () => [lines.node, scroller],
    }[view]();
    // compare="…": the focused word's row in both sentences, below what the view shows.
    let compare = null;
    const comparison = [];
    if (this.#comparison?.analysis && compareModule) {
      const second = this.#comparison.analysis;
      compare = compareModule.comparePanel({
        text, quoted, first: tokens, second: second.tokens, firstGrid: grid,
        secondGrid: head === null ? second.layers[layer].average : second.layers[layer].heads[head].weights,
      });
      comparison.push(compare.node);
    } else if (this.#comparison?.error) {
      const message = element('p', { className: 'error compare-message' }, text.compareCannot(this.#comparison.error));
      message.setAttribute('role', 'alert');
      comparison.push(message);
    }
    this.#content.replaceChildren(...this.#editor(), ...this.#notices(model), controls, sentence, summary, ...sections, ...comparison);

    // The one Tab stop of a list of focusable nodes (roving tabindex): moving it writes two
    // nodes, not the list — the grid's list is every cell (1,900 at 43 words), all of which a
    // hover used to rewrite (docs/benchmarks.md, "Hover").
    const moveStop = (from, to) => {
      if (from !== to) {
        from.tabIndex = -1;
        to.tabIndex = 0;
      }
      return to;
    };
    let wordStop = words[0];
    let gridStop = rows[0].cells[0];
    let showMath = null;  // the math panel, once a word has the focus
    // Only the word and row whose marks change are written (a hover moves one focus).
    let markedFocus = null;
    let markedPinned = null;
    const markFocus = (index, on) => {
      rows[index]?.classList.toggle('is-focus', on);
      words[index]?.classList.toggle('is-focus', on);
    };
    // The math panel rewrites some 130 numbers per word (about half of a hover's work: layout
    // and paint of their text; docs/benchmarks.md, "Hover"). A pointer passing over the words
    // updates it once it rests: two frames after the last move (the first paints the move). The
    // sentence, the summary and the row's mark follow every move at once, and so does the
    // panel for the keyboard, a click and the focus attribute.
    let mathFrame = 0;  // the pending frame of a resting update; every focus change cancels it
    const showMathAtRest = (query) => {
      mathFrame = requestAnimationFrame(() => {
        mathFrame = requestAnimationFrame(() => {
          mathFrame = 0;
          if (math.isConnected) showMath?.(query);
        });
      });
    };
    this.#focusOn = (query, { fromPointer = false } = {}) => {
      this.#focused = query;
      placeMarker();  // first: it reads the layout, which every write below would make stale
      markFocus(markedFocus, false);
      markFocus(markedFocus = query, true);
      if (markedPinned !== this.#pinned) {
        words[markedPinned]?.setAttribute('aria-pressed', 'false');
        words[markedPinned = this.#pinned]?.setAttribute('aria-pressed', 'true');
      }
      lines?.show(query);
      words.forEach((word, key) => word.style.setProperty('--weight', query === null ? '0' : weightAt(query, key).toFixed(3)));
      cancelAnimationFrame(mathFrame);
      mathFrame = 0;
      if (query === null) {
        summary.textContent = '';
        math.replaceChildren();
        showMath = null;
        return;
      }
      // Tab comes back to the focused word, and into the grid at its row (unless the keyboard
      // is on a cell of that row already).
      wordStop = moveStop(wordStop, words[query]);
      if (gridStop.parentElement !== rows[query]) gridStop = moveStop(gridStop, rows[query].cells[0]);
      const top = tokens.map((token, key) => ({ token, weight: weightAt(query, key) }))
        .sort((a, b) => b.weight - a.weight).slice(0, 3)
        .map(({ token, weight }) => `${quoted(token.text)} ${formatPercent(text.locale, weight)}`).join(text.listSeparator);
      summary.textContent = text.looksMostAt(quoted(tokens[query].text), top);
      if (showMath && fromPointer) {
        showMathAtRest(query);
      } else {
        showMath ??= this.#mathPanel(math, tokens, head === null ? null : layers[layer].heads[head]);
        showMath(query);
      }
      compare?.show(query);
      this.dispatchEvent(new CustomEvent('attentionfocus', {
        bubbles: true,
        composed: true,
        detail: { index: query, token: tokens[query].text, layer: layer + 1, head: head === null ? 'average' : head + 1, weights: grid.data.slice(query * n, (query + 1) * n) },
      }));
    };

    const indexOf = (target) => {
      const holder = target.closest('[data-index]');
      return holder ? Number(holder.dataset.index) : null;
    };
    const follow = (event) => {
      const index = indexOf(event.target);
      if (index !== null && this.#pinned === null && index !== this.#focused) this.#focusOn(index, { fromPointer: event.type === 'pointerover' });
    };
    const pin = (index) => {
      this.#pinned = this.#pinned === index ? null : index;
      this.#focusOn(index);
    };
    for (const container of [sentence, body, ...(lines ? [lines.board] : [])]) {
      container.addEventListener('pointerover', follow);
      container.addEventListener('focusin', follow);
      container.addEventListener('click', (event) => {
        const index = indexOf(event.target);
        if (index !== null) pin(index);
      });
    }
    // The keyboard in the grid: one Tab stop; up/down change the row (the word that looks),
    // left/right walk its label, cells and sum, Home/End go to the label and the sum. A cell in
    // focus lights its row like its label, and is scrolled clear of the sticky labels.
    body.addEventListener('focusin', (event) => {
      const row = rows.indexOf(event.target.closest('tr'));
      if (row < 0) return;
      gridStop = moveStop(gridStop, event.target.closest('th, td'));
      if (this.#pinned === null && row !== this.#focused) this.#focusOn(row);
    });
    const reveal = (cell) => {
      cell.focus({ preventScroll: true });
      cell.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const hidden = cell.parentElement.cells[0].getBoundingClientRect().right - cell.getBoundingClientRect().left;
      if (cell.cellIndex > 0 && hidden > 0) scroller.scrollLeft -= hidden;
    };
    body.addEventListener('keydown', (event) => {
      const cell = event.target.closest('th, td');
      if (!cell) return;
      const row = rows.indexOf(cell.parentElement);
      const last = n + 1;  // the row sum's column
      // Row labels and cells are not buttons: Enter and Space pin their row like a click.
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        pin(row);
        return;
      }
      const to = {
        ArrowUp: [row - 1, cell.cellIndex], ArrowDown: [row + 1, cell.cellIndex],
        ArrowLeft: [row, cell.cellIndex - 1], ArrowRight: [row, cell.cellIndex + 1],
        Home: [row, 0], End: [row, last],
      }[event.key];
      if (!to) return;
      event.preventDefault();
      const clamp = (value, max) => Math.min(max, Math.max(0, value));
      reveal(rows[clamp(to[0], n - 1)].cells[clamp(to[1], last)]);
    });
    // The keyboard in the sentence: one Tab stop; the arrow keys walk the words, Home/End jump.
    sentence.addEventListener('keydown', (event) => {
      const index = indexOf(event.target);
      if (index === null) return;
      const to = { ArrowLeft: index - 1, ArrowUp: index - 1, ArrowRight: index + 1, ArrowDown: index + 1, Home: 0, End: n - 1 }[event.key];
      if (to === undefined) return;
      event.preventDefault();
      words[Math.min(n - 1, Math.max(0, to))].focus();
    });
    sentence.addEventListener('focusin', (event) => {
      const index = indexOf(event.target);
      if (index !== null) wordStop = moveStop(wordStop, words[index]);
    });

    this.dispatchEvent(new CustomEvent('attentionchange', {
      bubbles: true,
      composed: true,
      detail: { layer: layer + 1, head: head === null ? 'average' : head + 1 },
    }));
    if (this.#pinned !== null && this.#pinned >= n) this.#pinned = null;
    const keep = this.#focused !== null && this.#focused < n ? this.#focused : null;
    this.#focused = null;
    if (keep !== null) this.#focusOn(keep);
    else this.#focusWord(this.getAttribute('focus'));
  }

  #focusOn = () => {};

  #stopProgress = () => {};

  // Every head of every layer side by side, each as a small grid with its strongest links;
  // choosing one shows it in the grid view.
  #headsOverview(model, layers, tokens) {
    const n = tokens.length;
    const hint = element('p', { className: 'heads-hint', id: 'heads-hint' }, this.#text.headsHint);
    const overview = element('div', { className: 'heads' });
    layers.forEach((layer, l) => {
      layer.heads.forEach((head, h) => {
        const card = element('button', { type: 'button', className: 'head-card' });
        // Named by what it shows (its title and links, label-in-name); what it does is the hint.
        card.setAttribute('aria-describedby', 'heads-hint');
        const title = element('span', { className: 'head-title' }, this.#text.headTitle(l + 1, h + 1));
        const mini = element('span', { className: 'mini' });
        mini.style.setProperty('--n', String(n));
        for (let i = 0; i < n * n; i++) {
          const cell = element('span');
          cell.style.setProperty('--weight', head.weights.data[i].toFixed(3));
          mini.append(cell);
        }
        // Its strongest links: the three largest weights between different words.
        const links = [];
        for (let q = 0; q < n; q++) for (let k = 0; k < n; k++) if (q !== k) links.push({ q, k, w: head.weights.data[q * n + k] });
        links.sort((a, b) => b.w - a.w);
        const list = element('span', { className: 'links' },
          links.slice(0, 3).map(({ q, k, w }) => `${quoted(tokens[q].text)} → ${quoted(tokens[k].text)} ${formatPercent(this.#text.locale, w)}`).join(' · '));
        card.append(title, mini, list);
        if (head.label) card.append(element('span', { className: 'head-label' }, this.#text.headLabel(head.label)));
        card.addEventListener('click', () => {
          this.setAttribute('layer', String(l + 1));
          this.setAttribute('head', String(h + 1));
          this.setAttribute('view', 'grid');
        });
        overview.append(card);
      });
    });
    return [hint, overview];
  }

  // Whether the controls attribute lets the learner have this control (all of them by default).
  #offers(control) {
    return (this.getAttribute('controls') ?? CONTROLS.join(' ')).split(/\s+/).includes(control);
  }

  // The slide's steps for the focused word in one head: its query, each key's Q·K, ÷√d_k,
  // softmax weight, and the weighted sum of the values.
  // The math panel of one head for a focused word: built on the first focus of a draw, then
  // updated in place as the focus moves (the rows are the keys, the same for every query), so a
  // hover rewrites numbers instead of building a 43-row table and its scroller again — that
  // was most of a hover's work under a head (docs/benchmarks.md, "Hover").
  // Returns show(query).
  #mathPanel(section, tokens, head) {
    const text = this.#text;
    if (head === null) {
      // The hint points at the head picker; without one it would ask for the impossible.
      section.replaceChildren(...(this.#offers('head') ? [element('p', { className: 'hint' }, text.pickAHead)] : []));
      return () => {};
    }
    const n = tokens.length;
    const vector = (values) => `[${values.map((v) => formatNumber(text.locale, v, 2)).join(text.listSeparator)}]`;
    const scaleText = head.scale === 1 ? text.noScaling : `× ${formatNumber(text.locale, head.scale, 3)}`;
    const table = element('table', { className: 'math-table' });
    const header = table.createTHead().insertRow();
    for (const title of [text.key, 'Q·K', scaleText, text.softmaxWeight]) header.append(element('th', { scope: 'col' }, title));
    const body = table.createTBody();
    const rows = tokens.map((token) => {
      const row = body.insertRow();
      const score = element('td');
      const scaled = element('td');
      const weight = element('td', { className: 'weight' });
      const bar = element('span', { className: 'bar' });
      const percent = document.createTextNode('');
      weight.append(bar, percent);
      row.append(element('th', { scope: 'row' }, token.text), score, scaled, weight);
      return { score, scaled, bar, percent };
    });
    const title = element('p', { className: 'math-title' });
    const queryLine = element('p');
    const outputLine = element('p');
    const scroller = scrollable(table, '');
    section.replaceChildren(title, queryLine, element('p', {}, text.mathScores), scroller, outputLine);
    return (query) => {
      const steps = mathSteps(head, query);
      const word = quoted(tokens[query].text);
      title.textContent = text.mathTitle(word);
      table.setAttribute('aria-label', text.mathTitle(word));
      scroller.setAttribute('aria-label', text.mathTitle(word));
      queryLine.textContent = text.mathQuery(word, vector(steps.query));
      steps.keys.forEach((key, i) => {
        const masked = head.allowed && head.allowed.data[query * n + key.index] === 0;
        rows[i].score.textContent = formatNumber(text.locale, key.score, 2);
        rows[i].scaled.textContent = masked ? text.masked : formatNumber(text.locale, key.scaled, 2);
        rows[i].bar.style.setProperty('--weight', key.weight.toFixed(4));
        rows[i].percent.data = ` ${formatPercent(text.locale, key.weight, 1)}`;
      });
      outputLine.textContent = text.mathOutput(vector(steps.output));
    };
  }

  #focusWord(word) {
    if (!this.#analysis) return;
    const wanted = (word ?? '').toLowerCase();
    const index = this.#analysis.tokens.findIndex((token) => token.text.toLowerCase() === wanted);
    this.#focusOn(index >= 0 ? index : 0);
  }
}
