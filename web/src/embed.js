// web/embed.html: one <attention-lens> for an <iframe>. The query string sets its attributes
// (?sentence=…&focus=…&layer=…&head=…&view=…&controls=…&lang=…&compare=…&editable), and the page tells
// its parent how tall it is whenever that changes, so the iframe can fit it without scrollbars:
//   { type: 'attention-lens:height', height } by postMessage (docs/embedding.md).
//
// Where the height goes: ?report-origin=https://lessons.example.org sends it only to a parent on
// that origin, ?report-origin=* to any parent. Without it, to the origin the browser says the
// parent has (never '*'): a height is not private, and the self-sizing snippets already pasted
// into lesson platforms keep working. A value that is not an origin sends nothing and says so.
import { parentOrigin, parseReportOrigin } from './report_origin.js';
import { stringsFor } from './strings.js';

const ALLOWED = ['sentence', 'focus', 'layer', 'head', 'view', 'controls', 'lang', 'scaling', 'mask', 'temperature', 'editable', 'compare'];
const lens = document.getElementById('lens');
const query = new URLSearchParams(location.search);
for (const name of ALLOWED) if (query.has(name)) lens.setAttribute(name, query.get(name));
// The frame's heading (for screen readers) names its sentence: two frames on one lesson page are
// two landmarks that a reader tells apart by name.
const sentence = lens.getAttribute('sentence');
if (sentence) document.getElementById('title').textContent = `Attention Lens: ${sentence}`;

// The target of the height messages, or null for none. A value that is not an origin is
// reported even outside a frame: an author checks the frame's address by opening it directly.
function heightTarget() {
  const named = query.get('report-origin');
  if (named === null) return window.parent === window ? null : parentOrigin(location, document.referrer);
  const { target, error } = parseReportOrigin(named);
  if (error) {
    const notice = Object.assign(document.createElement('p'), { className: 'notice', textContent: stringsFor(query.get('lang')).badReportOrigin(named) });
    notice.setAttribute('role', 'alert');
    lens.before(notice);
    return null;
  }
  // Where the browser names the parent's origin, a height meant for another origin is not
  // posted: postMessage would drop it anyway, with an error in the console.
  const parent = location.ancestorOrigins?.[0];
  if (target !== '*' && parent && parent !== target) {
    console.warn(`Attention Lens embed: report-origin is ${target}, but this frame is inside a page from ${parent}, so its height is not sent there.`);
    return null;
  }
  return target;
}
const target = heightTarget();

// The body's own height, not the document's scrollHeight: that is never less than the frame,
// so a frame that starts taller than the widget would never be told to shrink.
let lastHeight = 0;
const report = () => {
  const height = Math.ceil(document.body.getBoundingClientRect().height);
  if (height === lastHeight || !target || window.parent === window) return;
  lastHeight = height;
  window.parent.postMessage({ type: 'attention-lens:height', height }, target);
};
new ResizeObserver(report).observe(document.body);
await customElements.whenDefined('attention-lens');
await lens.ready;
report();
document.body.dataset.ready = 'true';
