// web/embed.html: one <attention-lens> for an <iframe>. The query string sets its attributes
// (?sentence=…&focus=…&layer=…&head=…&view=…&controls=…&lang=…&editable), and the page tells
// its parent how tall it is whenever that changes, so the iframe can fit it without scrollbars:
//   { type: 'attention-lens:height', height } by postMessage (docs/embedding.md).
const ALLOWED = ['sentence', 'focus', 'layer', 'head', 'view', 'controls', 'lang', 'scaling', 'mask', 'temperature', 'editable'];
const lens = document.getElementById('lens');
const query = new URLSearchParams(location.search);
for (const name of ALLOWED) if (query.has(name)) lens.setAttribute(name, query.get(name));

// The body's own height, not the document's scrollHeight: that is never less than the frame,
// so a frame that starts taller than the widget would never be told to shrink.
let lastHeight = 0;
const report = () => {
  const height = Math.ceil(document.body.getBoundingClientRect().height);
  if (height === lastHeight || window.parent === window) return;
  lastHeight = height;
  window.parent.postMessage({ type: 'attention-lens:height', height }, '*');
};
new ResizeObserver(report).observe(document.body);
await customElements.whenDefined('attention-lens');
await lens.ready;
report();
document.body.dataset.ready = 'true';
