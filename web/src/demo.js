// The first page: restores the view from the link (#sentence=…&layer=…&head=…&focus=…), keeps
// the link up to date so it can be shared, and says where the numbers came from.
const status = document.getElementById('status');
const lens = document.getElementById('lesson-lens');

// A shared link restores the view. Only these attributes, and only as attribute text.
const SHARED = ['sentence', 'layer', 'head', 'focus'];
const linked = new URLSearchParams(location.hash.slice(1));
for (const name of SHARED) if (linked.has(name)) lens.setAttribute(name, linked.get(name));

const rememberView = (focusWord) => {
  const view = new URLSearchParams();
  for (const name of ['sentence', 'layer', 'head']) if (lens.hasAttribute(name)) view.set(name, lens.getAttribute(name));
  if (focusWord) view.set('focus', focusWord);
  try {
    history.replaceState(null, '', `#${view}`);
  } catch {
    // A page with no address of its own (an about:srcdoc frame: the H5P package) has no link to
    // keep the view in; everything else works the same.
  }
};
lens.addEventListener('attentionfocus', (event) => rememberView(event.detail.token));

// Said by the script, so that a page whose scripts do not run does not wait forever.
status.textContent = 'Loading the engine…';

// No top-level await: in the single-file page every script of the page runs as one module, and
// waiting here would hold back the scripts after this one until the first grid is drawn.
const firstGrid = customElements.whenDefined('attention-lens').then(() => lens.ready);
firstGrid.then(() => {
  const failed = lens.shadowRoot.querySelector('.error');
  status.textContent = failed
    ? 'The attention engine could not start.'
    : 'Computed in your browser by the Attention Lens engine (WebAssembly).';
  status.classList.toggle('error', Boolean(failed));
  document.body.dataset.ready = failed ? 'error' : 'true';
});

// What the first screen does not show — the quick checks, part 3's sandbox and part 7's cost lab — is fetched once
// the first grid is drawn (or has failed: the quizzes' own questions work without the engine).
// The first grid then needs only the lens, the engine and the weights: the lesson's 150 KB
// (gzipped) budget for the first painted grid, and less to wait for on a slow link.
// A task later, so that the grid's frame is not held up by parsing them.
firstGrid.catch(() => {}).then(() => setTimeout(() => {
  import('../attention-quiz.js');
  import('../attention-sandbox.js');
  import('./lesson/cost_lab.js');
}, 0));
