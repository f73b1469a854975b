// The first page: waits for its <attention-lens> and says where the numbers came from.
const status = document.getElementById('status');
const lens = document.getElementById('lesson-lens');
await customElements.whenDefined('attention-lens');
await lens.ready;
const failed = lens.shadowRoot.querySelector('.error');
status.textContent = failed
  ? 'The attention engine could not start.'
  : 'Computed in your browser by the Attention Lens engine (WebAssembly).';
status.classList.toggle('error', Boolean(failed));
document.body.dataset.ready = failed ? 'error' : 'true';
