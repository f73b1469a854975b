// In the page: when the first grid is painted (ms since navigation began), and the time from a
// pointer moving onto a word to the next painted frame, for every word under every head.
const lens = document.getElementById('lens');
await customElements.whenDefined('attention-lens');
await lens.ready;
const nextPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
await new Promise((resolve) => requestAnimationFrame(resolve));
window.firstGridMs = performance.now();

window.measureHover = async () => {
  const samples = [];
  const heads = ['average', '1', '2', '3', '4'];
  for (const layer of ['1', '2']) {
    for (const head of heads) {
      lens.setAttribute('layer', layer);
      lens.setAttribute('head', head);
      await lens.ready;
      await new Promise((resolve) => setTimeout(resolve, 50));  // the re-render settles
      const labels = [...lens.shadowRoot.querySelectorAll('.grid tbody th')];
      for (const label of labels) {
        const start = performance.now();
        label.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
        await nextPaint();
        samples.push(performance.now() - start);
      }
    }
  }
  return { samples, tokens: lens.shadowRoot.querySelectorAll('.grid tbody th').length };
};
window.widgetReady = true;
