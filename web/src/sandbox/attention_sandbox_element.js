// <attention-sandbox>: 3–5 words, each with a 2-D query, key and value the learner moves on a
// plane (drag with a mouse or a finger, arrow keys on a focused dot, or typed numbers), and the
// attention they give, computed live by the engine's attention(): each key's q·k, the scaling
// by √d_k, the softmax weights, every word's row, and the output vector.
// Only draws and listens: every number shown comes from the engine's trace. Nothing an author
// or learner types is inserted as HTML.
import { loadEngine, matrix } from '../engine.js';
import { formatNumber, formatPercent } from '../strings.js';
import { assetUrl } from '../asset_url.js';
import { sandboxStringsFor } from './sandbox_strings.js';
import { LIMIT, PRESETS, WORD_COUNT, defaultVectors, onPlane, parseVectors, parseWords } from './vectors.js';

const STYLESHEET_URL = assetUrl('styles/attention-sandbox.css');
const SVG = 'http://www.w3.org/2000/svg';
const DEFAULT_WORDS = ['cat', 'sat', 'mat', 'it'];
const KINDS = ['queries', 'keys', 'values'];
const SCALING = ['on', 'off'];
// A step of the arrow keys, and of Shift + arrow, in plane units.
const STEP = { small: 0.1, large: 0.5 };

const element = (tag, properties = {}, text) => {
  const node = Object.assign(document.createElement(tag), properties);
  if (text !== undefined) node.textContent = text;
  return node;
};
const svg = (tag, attributes = {}) => {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
};

/**
 * A sandbox of 2-D queries, keys and values whose attention is computed live by the engine.
 *
 * @tagname attention-sandbox
 * @summary Drag 2-D queries, keys and values and watch the scores, softmax weights and output change.
 *
 * @attr {string} words - 3 to 5 words separated by spaces (default "cat sat mat it").
 * @attr {string} queries - One x,y pair per word, separated by spaces, e.g. "1.5,0 0,1.5 -1,1" (each coordinate -3 to 3).
 * @attr {string} keys - The keys, written like queries.
 * @attr {string} values - The values, written like queries.
 * @attr {string} focus - The word whose query is on the plane and whose row is explained (default: the first).
 * @attr {"on"|"off"} scaling - "off" leaves out the division by √d_k (default "on").
 * @attr {string} lang - The UI language, "en" or "es" (default: the nearest ancestor's lang).
 *
 * @fires vectorchange - Bubbling, composed CustomEvent when a vector moves (drag, key, typed number or preset); detail: { word, index, kind: "query"|"key"|"value", vector: [x, y], weights } (weights: the focused word's row).
 *
 * @cssprop --sandbox-ink - Text colour.
 * @cssprop --sandbox-muted - Secondary text colour.
 * @cssprop --sandbox-paper - The element's background.
 * @cssprop --sandbox-query - The query's colour.
 * @cssprop --sandbox-key - The keys' colour.
 * @cssprop --sandbox-value - The values' colour.
 * @cssprop --sandbox-accent - An "r, g, b" triple: a weight w is w of it mixed into the paper.
 * @cssprop --sandbox-focus - The keyboard focus ring.
 * @cssprop --sandbox-error - Messages about what could not be used.
 */
export class AttentionSandboxElement extends HTMLElement {
  static get observedAttributes() {
    return ['words', 'queries', 'keys', 'values', 'focus', 'scaling', 'lang'];
  }

  #root;
  #content;
  #engine = null;
  #state = null;  // { words, queries, keys, values, focus, scaled } — what the learner has now
  #trace = null;
  #update = () => {};  // redraws every number and shape from #state (set by #draw)
  #renderCount = 0;
  #resolveReady;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.append(element('link', { rel: 'stylesheet', href: STYLESHEET_URL }));
    this.#content = element('div', { className: 'sandbox' });
    this.#root.append(this.#content);
    /** Resolves once the sandbox (or its error message) is drawn. */
    this.ready = new Promise((resolve) => { this.#resolveReady = resolve; });
  }

  connectedCallback() {
    this.#render();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (!this.isConnected || oldValue === newValue) return;
    if (name === 'focus' && this.#state) {
      const index = this.#state.words.indexOf(newValue);
      if (index >= 0) this.#setFocus(index);
      return;
    }
    this.#render();
  }

  /** The words as the sandbox shows them. */
  get words() {
    return this.#state ? [...this.#state.words] : [];
  }

  /** The index of the word whose row is explained. */
  get focusIndex() {
    return this.#state?.focus ?? null;
  }

  /**
   * The engine's attention() trace for the vectors shown now: { scores, scale, scaled, weights,
   * output } (n×n, n×n, n×n, n×2 row-major Float32Arrays in { rows, cols, data }), or null.
   */
  get trace() {
    return this.#trace;
  }

  /** The vectors shown now: { queries, keys, values }, each a list of [x, y]. */
  get vectors() {
    if (!this.#state) return null;
    const copy = (list) => list.map(([x, y]) => [x, y]);
    return { queries: copy(this.#state.queries), keys: copy(this.#state.keys), values: copy(this.#state.values) };
  }

  /**
   * Moves one vector, as a drag would: kind 'query' | 'key' | 'value', the word's index, [x, y]
   * (kept on the plane). Fires vectorchange.
   */
  setVector(kind, index, vector) {
    if (!this.#state) throw new Error('The sandbox is not ready yet: await its ready promise.');
    const list = this.#state[`${kind === 'query' ? 'queries' : `${kind}s`}`];
    if (!list || !(index >= 0 && index < list.length)) throw new Error(`There is no ${kind} ${index}.`);
    list[index] = onPlane(vector);
    this.#changed(kind, index);
  }

  /** Applies a preset: 'alike' | 'aligned' | 'long' | 'opposite' (see vectors.js). */
  applyPreset(name) {
    if (!this.#state || !PRESETS[name]) throw new Error(`There is no preset "${name}".`);
    Object.assign(this.#state, PRESETS[name](this.#state));
    this.#update({ preset: name });
    this.#announce('key', (this.#state.focus + 1) % this.#state.words.length);
  }

  get #text() {
    return sandboxStringsFor(this.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang);
  }

  // The author's attributes read into a state, and what could not be used, said in words.
  #readAttributes() {
    const text = this.#text;
    const notices = [];
    const asked = parseWords(this.getAttribute('words') ?? DEFAULT_WORDS.join(' '));
    if (asked.problem === 'too-few') notices.push(text.wordsTooFew(asked.count, WORD_COUNT.min));
    if (asked.problem === 'too-many') notices.push(text.wordsTooMany(asked.count, WORD_COUNT.max));
    const words = asked.words ?? DEFAULT_WORDS;
    const state = { words, ...defaultVectors(words.length) };
    for (const kind of KINDS) {
      const written = this.getAttribute(kind);
      if (written === null) continue;
      const { vectors, problem, count } = parseVectors(written, words.length);
      if (problem === 'not-pairs') notices.push(text.vectorsNotPairs(kind));
      if (problem === 'wrong-count') notices.push(text.vectorsWrongCount(kind, count, words.length));
      if (problem === 'off-plane') notices.push(text.vectorsOffPlane(kind, LIMIT));
      if (vectors) state[kind] = vectors;
    }
    const focus = this.getAttribute('focus');
    state.focus = focus === null ? 0 : Math.max(0, words.indexOf(focus));
    if (focus !== null && !words.includes(focus)) notices.push(text.noFocus(focus));
    const scaling = this.getAttribute('scaling');
    if (scaling !== null && !SCALING.includes(scaling)) notices.push(text.notAChoice('scaling', scaling, SCALING, 'on'));
    state.scaled = scaling !== 'off';
    return { state, notices };
  }

  async #render() {
    const renderId = ++this.#renderCount;
    const text = this.#text;
    if (!this.#engine) {
      const status = element('p', { className: 'loading' }, text.loading);
      status.setAttribute('role', 'status');
      this.#content.replaceChildren(status);
    }
    try {
      this.#engine = await loadEngine();
      if (renderId !== this.#renderCount) return;
      const { state, notices } = this.#readAttributes();
      this.#state = state;
      this.#draw(notices);
    } catch (error) {
      if (renderId !== this.#renderCount) return;
      console.error('Attention Lens could not start the sandbox:', error);
      this.#state = null;
      this.#trace = null;
      const message = element('p', { className: 'error' }, error?.code === 'load-failed' || /load|fetch/i.test(String(error?.message)) ? text.loadFailed : text.engineFailed);
      message.setAttribute('role', 'alert');
      const retry = element('button', { type: 'button', className: 'retry' }, text.retry);
      // The keyboard's place moves to what replaces the button: the first preset, or a new Retry.
      retry.addEventListener('click', () => this.#render().then(() => this.#content.querySelector('.preset, .retry')?.focus()));
      this.#content.replaceChildren(message, retry);
    }
    this.#resolveReady();
  }

  // The engine's trace for the state now.
  #compute() {
    const { words, queries, keys, values, scaled } = this.#state;
    const n = words.length;
    this.#trace = this.#engine.attention(matrix(n, 2, queries.flat()), matrix(n, 2, keys.flat()), matrix(n, 2, values.flat()),
      { scaleBySqrtDk: scaled });
    return this.#trace;
  }

  #changed(kind, index) {
    this.#update();
    this.#announce(kind, index);
  }

  #announce(kind, index) {
    const { words, focus } = this.#state;
    const list = this.#state[kind === 'query' ? 'queries' : `${kind}s`];
    const n = words.length;
    this.dispatchEvent(new CustomEvent('vectorchange', {
      bubbles: true,
      composed: true,
      detail: { word: words[index], index, kind, vector: [...list[index]], weights: Array.from(this.#trace.weights.data.slice(focus * n, (focus + 1) * n)) },
    }));
  }

  #setFocus(index) {
    this.#state.focus = index;
    this.#update();
  }

  #draw(notices) {
    const text = this.#text;
    const state = this.#state;
    const { words } = state;
    const n = words.length;
    const number = (value, digits = 2) => formatNumber(text.locale, value, digits);
    const vectorText = ([x, y]) => `[${number(x)}${text.listSeparator}${number(y)}]`;

    // Presets, and the note that says what the chosen one shows.
    const presets = element('div', { className: 'presets' });
    presets.setAttribute('role', 'group');
    presets.setAttribute('aria-label', text.presets);
    presets.append(element('span', { className: 'presets-title' }, text.presets));
    for (const name of Object.keys(PRESETS)) {
      const button = element('button', { type: 'button', className: 'preset' }, text.presetNames[name]);
      button.dataset.preset = name;
      button.addEventListener('click', () => this.applyPreset(name));
      presets.append(button);
    }
    const presetNote = element('p', { className: 'preset-note' });
    presetNote.setAttribute('aria-live', 'polite');

    // The word that looks: one toggle button per word.
    const chooser = element('div', { className: 'words' });
    chooser.setAttribute('role', 'group');
    chooser.setAttribute('aria-label', text.lookingWord);
    chooser.append(element('span', { className: 'words-title' }, text.lookingWord));
    const wordButtons = words.map((word, i) => {
      const button = element('button', { type: 'button', className: 'word' }, word);
      button.addEventListener('click', () => this.#setFocus(i));
      chooser.append(button);
      return button;
    });

    // The planes: the focused query with every key; every value with the output.
    const keyPlane = this.#plane();
    const valuePlane = this.#plane();
    const keyFigure = element('figure', { className: 'plane' });
    const keyCaption = element('figcaption');
    keyFigure.append(keyCaption, keyPlane.svg);
    const valueFigure = element('figure', { className: 'plane' });
    valueFigure.append(element('figcaption', {}, text.valuePlane), valuePlane.svg);
    const planes = element('div', { className: 'planes' });
    planes.append(keyFigure, valueFigure);
    const help = element('p', { className: 'help' }, text.planeHelp);

    // Labelled as the lessons write them: q(it), k(cat), v(cat).
    const keyArrows = words.map((word, i) => keyPlane.arrow('key', `k(${word})`, (vector) => this.setVector('key', i, vector)));
    const queryArrow = keyPlane.arrow('query', '', (vector) => this.setVector('query', state.focus, vector));
    const valueArrows = words.map((word, i) => valuePlane.arrow('value', `v(${word})`, (vector) => this.setVector('value', i, vector)));
    const outputArrow = valuePlane.arrow('output', '', null);

    // Scaling, as in <attention-lens>.
    const scalingLabel = element('label', { className: 'scaling' });
    const scalingBox = element('input', { type: 'checkbox', checked: state.scaled });
    scalingBox.addEventListener('change', () => {
      state.scaled = scalingBox.checked;
      this.#update();
    });
    scalingLabel.append(scalingBox, document.createTextNode(` ${text.divideBySqrtDk}`));

    // The focused row, step by step: q·k, × 1/√d_k, softmax weight; then the output.
    const steps = element('section', { className: 'steps' });
    // Titles are not headings: the element cannot know the page's heading levels.
    const stepsTitle = element('p', { className: 'section-title' });
    const stepsTable = element('table', { className: 'steps-table' });
    const stepsHead = stepsTable.createTHead().insertRow();
    const scaleHeader = element('th', { scope: 'col' });
    stepsHead.append(element('th', { scope: 'col' }, text.stepsKey), element('th', { scope: 'col' }, text.stepsScore), scaleHeader,
      element('th', { scope: 'col' }, text.stepsWeight));
    const stepsBody = stepsTable.createTBody();
    const stepRows = words.map((word) => {
      const row = stepsBody.insertRow();
      const cells = { score: element('td'), scaled: element('td'), weight: element('td', { className: 'weight' }) };
      cells.bar = element('span', { className: 'bar' });
      cells.percent = document.createTextNode('');
      cells.weight.append(cells.bar, cells.percent);
      row.append(element('th', { scope: 'row' }, word), cells.score, cells.scaled, cells.weight);
      return cells;
    });
    const outputLine = element('p', { className: 'output-line' });
    steps.append(stepsTitle, stepsTable, outputLine);

    // Every word's row: the weights grid.
    const grid = element('table', { className: 'weights' });
    grid.append(element('caption', {}, text.weightsCaption));
    const gridHead = grid.createTHead().insertRow();
    gridHead.append(element('td'));
    for (const word of words) gridHead.append(element('th', { scope: 'col' }, word));
    gridHead.append(element('th', { scope: 'col', className: 'row-sum' }, text.sum));
    const gridBody = grid.createTBody();
    const gridRows = words.map((word) => {
      const row = gridBody.insertRow();
      row.append(element('th', { scope: 'row' }, word));
      const cells = words.map(() => element('td'));
      const sum = element('td', { className: 'row-sum' });
      row.append(...cells, sum);
      return { row, cells, sum };
    });
    const gridSection = element('section', { className: 'grid-section' });
    gridSection.append(element('p', { className: 'section-title' }, text.weightsTitle), grid);

    // The numbers, typed: the alternative to dragging.
    const typed = element('details', { className: 'typed' });
    typed.append(element('summary', {}, text.typeVectors));
    // One group per word: its query, key and value, x and y. Groups wrap on a narrow screen.
    const typedGroups = element('div', { className: 'typed-groups' });
    const typedMessage = element('p', { className: 'error typed-message' });
    typedMessage.setAttribute('role', 'alert');
    const inputs = words.map((word, i) => {
      const group = element('fieldset', { className: 'typed-word' });
      group.append(element('legend', {}, word));
      const fields = {};
      for (const [kind, label] of [['query', text.query], ['key', text.key], ['value', text.value]]) {
        const pair = element('span', { className: 'typed-pair' });
        pair.append(element('span', { className: 'typed-kind' }, label));
        fields[kind] = ['x', 'y'].map((axis, a) => {
          const input = element('input', { type: 'number', step: '0.1', min: String(-LIMIT), max: String(LIMIT), inputMode: 'decimal' });
          input.setAttribute('aria-label', text.axis(label, word, axis));
          input.addEventListener('input', () => {
            const value = input.valueAsNumber;
            if (!Number.isFinite(value)) {
              input.setAttribute('aria-invalid', 'true');
              typedMessage.textContent = text.notANumber(LIMIT);
              return;
            }
            input.removeAttribute('aria-invalid');
            typedMessage.textContent = Math.abs(value) > LIMIT ? text.clamped(LIMIT) : '';
            const list = state[kind === 'query' ? 'queries' : `${kind}s`];
            const vector = [...list[i]];
            vector[a] = value;
            this.setVector(kind, i, vector);
          });
          // Leaving a field shows the value in use (a clamped one, or the last good one).
          input.addEventListener('change', () => this.#update());
          pair.append(input);
          return input;
        });
        group.append(pair);
      }
      typedGroups.append(group);
      return fields;
    });
    typed.append(typedGroups, typedMessage);

    const summary = element('p', { className: 'summary' });
    summary.setAttribute('aria-live', 'polite');
    const noticeNodes = notices.map((notice) => element('p', { className: 'notice' }, notice));
    this.#content.replaceChildren(...noticeNodes, presets, presetNote, chooser, help, planes, scalingLabel, summary, steps, gridSection, typed);

    this.#update = ({ preset } = {}) => {
      const trace = this.#compute();
      const focus = state.focus;
      const row = (q) => trace.weights.data.subarray(q * n, (q + 1) * n);
      const weights = row(focus);
      const focused = words[focus];
      if (preset) presetNote.textContent = text.presetNotes[preset](focused, words[(focus + 1) % n]);
      wordButtons.forEach((button, i) => button.setAttribute('aria-pressed', String(i === focus)));
      keyCaption.textContent = text.queryPlane(focused);
      // Each key's and value's arrow is drawn as strong as the weight it gets.
      keyArrows.forEach((arrow, i) => arrow.show(state.keys[i], weights[i], text.handle(text.key, words[i], number(state.keys[i][0]), number(state.keys[i][1]))));
      queryArrow.show(state.queries[focus], 1, text.handle(text.query, focused, number(state.queries[focus][0]), number(state.queries[focus][1])), `q(${focused})`);
      valueArrows.forEach((arrow, i) => arrow.show(state.values[i], weights[i], text.handle(text.value, words[i], number(state.values[i][0]), number(state.values[i][1]))));
      const output = [trace.output.data[focus * 2], trace.output.data[focus * 2 + 1]];
      outputArrow.show(output, 1, '', `${text.output}(${focused})`);

      let top = 0;
      for (let k = 1; k < n; k++) if (weights[k] > weights[top]) top = k;
      summary.textContent = text.summary(focused, words[top], formatPercent(text.locale, weights[top], 1));
      stepsTitle.textContent = text.stepsTitle(focused);
      scaleHeader.textContent = trace.scale === 1 ? text.stepsNoScaling : text.stepsScaled(number(trace.scale, 3));
      stepRows.forEach((cells, k) => {
        cells.score.textContent = number(trace.scores.data[focus * n + k]);
        cells.scaled.textContent = number(trace.scaled.data[focus * n + k]);
        cells.bar.style.setProperty('--weight', weights[k].toFixed(4));
        cells.percent.data = ` ${formatPercent(text.locale, weights[k], 1)}`;
      });
      outputLine.textContent = text.stepsOutput(vectorText(output));
      gridRows.forEach(({ row: tr, cells, sum }, q) => {
        tr.classList.toggle('is-focus', q === focus);
        let total = 0;
        cells.forEach((cell, k) => {
          const weight = trace.weights.data[q * n + k];
          total += weight;
          cell.textContent = formatPercent(text.locale, weight);
          cell.style.setProperty('--weight', weight.toFixed(3));
        });
        sum.textContent = number(total);
      });
      inputs.forEach((fields, i) => {
        for (const [kind, list] of [['query', state.queries], ['key', state.keys], ['value', state.values]]) {
          fields[kind].forEach((input, a) => {
            // The field being typed in keeps what the learner typed ("1." or "-"), not our rounding.
            if (input !== this.#root.activeElement && (input.value === '' || Number(input.value) !== list[i][a])) input.value = String(list[i][a]);
          });
        }
      });
    };
    this.#update();
  }

  // A square plane from -LIMIT to LIMIT with a grid and axes; arrow(kind, word, onMove) adds a
  // vector from the origin whose tip is a dot to drag or move with the arrow keys (onMove null:
  // drawn, not movable). y points up, as on a slide.
  #plane() {
    const text = this.#text;
    const margin = 0.4;
    const size = 2 * (LIMIT + margin);
    const plane = svg('svg', { viewBox: `${-LIMIT - margin} ${-LIMIT - margin} ${size} ${size}`, class: 'plane-svg' });
    const grid = svg('g', { class: 'plane-grid', 'aria-hidden': 'true' });
    for (let i = -LIMIT; i <= LIMIT; i++) {
      grid.append(svg('line', { x1: i, y1: -LIMIT, x2: i, y2: LIMIT, class: i === 0 ? 'axis' : '' }),
        svg('line', { x1: -LIMIT, y1: i, x2: LIMIT, y2: i, class: i === 0 ? 'axis' : '' }));
    }
    plane.append(grid);
    // Screen coordinates → plane coordinates (y flipped), through the SVG's own transform.
    const toPlane = (event) => {
      const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(plane.getScreenCTM().inverse());
      return [point.x, -point.y];
    };
    const arrow = (kind, word, onMove) => {
      const group = svg('g', { class: `vector ${kind}` });
      const line = svg('line', { x1: 0, y1: 0 });
      const head = svg('polygon', {});
      const label = svg('text', { class: 'vector-label' });
      label.textContent = word;
      group.append(line, head, label);
      let dot = null;
      if (onMove) {
        // A dot big enough for a finger (the hit area), drawn small.
        dot = svg('g', { class: 'handle', tabindex: 0, role: 'application' });
        dot.setAttribute('aria-roledescription', text.handleRole);
        dot.append(svg('circle', { r: 0.42, class: 'hit' }), svg('circle', { r: 0.16, class: 'dot' }));
        group.append(dot);
        let dragging = null;
        dot.addEventListener('pointerdown', (event) => {
          event.preventDefault();
          dot.focus();
          dot.setPointerCapture(event.pointerId);
          dragging = event.pointerId;
        });
        dot.addEventListener('pointermove', (event) => {
          if (event.pointerId !== dragging) return;
          onMove(toPlane(event));
        });
        const stop = (event) => { if (event.pointerId === dragging) dragging = null; };
        dot.addEventListener('pointerup', stop);
        dot.addEventListener('pointercancel', stop);
        dot.addEventListener('keydown', (event) => {
          const step = event.shiftKey ? STEP.large : STEP.small;
          const move = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] }[event.key];
          if (!move) return;
          event.preventDefault();
          const [x, y] = group.vector;
          onMove([x + move[0], y + move[1]]);
        });
      }
      plane.append(group);
      return {
        // Draws the vector [x, y] with the strength `weight` (0–1), names its dot, relabels it.
        show(vector, weight, name, relabel) {
          const [x, y] = vector;
          group.vector = vector;
          line.setAttribute('x2', x);
          line.setAttribute('y2', -y);
          const length = Math.hypot(x, y);
          // An arrowhead along the vector, left out when the vector is too short to point.
          if (length > 0.2) {
            const [ux, uy] = [x / length, -y / length];
            const back = [x - 0.28 * ux, -y - 0.28 * uy];
            head.setAttribute('points', `${x},${-y} ${back[0] - 0.12 * uy},${back[1] + 0.12 * ux} ${back[0] + 0.12 * uy},${back[1] - 0.12 * ux}`);
          } else {
            head.setAttribute('points', '');
          }
          group.style.setProperty('--weight', weight.toFixed(3));
          if (relabel !== undefined) label.textContent = relabel;
          // The label beside the tip, past it and to one side: queries and outputs to the left of
          // their direction, keys and values to the right, so a key that points the way the query
          // points does not hide its name under the query's.
          const away = length > 0 ? [x / length, y / length] : [0, 1];
          const side = kind === 'query' || kind === 'output' ? 1 : -1;
          const at = [x + 0.3 * away[0] - side * 0.28 * away[1], y + 0.3 * away[1] + side * 0.28 * away[0]];
          label.setAttribute('x', Math.min(LIMIT, Math.max(-LIMIT, at[0])));
          label.setAttribute('y', Math.min(LIMIT + 0.3, Math.max(-LIMIT, -at[1])) + 0.1);
          let anchor = at[0] < x - 0.15 ? 'end' : at[0] > x + 0.15 ? 'start' : 'middle';
          // Near the plane's side edges a label runs back toward the middle, so it is never cut off.
          if (anchor !== 'end' && at[0] > LIMIT - 1.2) anchor = 'end';
          else if (anchor !== 'start' && at[0] < -LIMIT + 1.2) anchor = 'start';
          label.setAttribute('text-anchor', anchor);
          if (dot) {
            dot.setAttribute('transform', `translate(${x} ${-y})`);
            dot.setAttribute('aria-label', name);
          }
        },
      };
    };
    return { svg: plane, arrow };
  }
}
