// The script a lesson page includes:
//   <script type="module" src=".../attention-lens.js"></script>
//   <attention-lens sentence="The animal didn't cross the street because it was too tired" focus="it"></attention-lens>
// Defining the tag twice (two script tags, two bundles) is harmless.
import { AttentionLensElement } from './src/attention_lens_element.js';

export { AttentionLensElement };

export function defineAttentionLens(tagName = 'attention-lens') {
  if (!customElements.get(tagName)) customElements.define(tagName, AttentionLensElement);
}

defineAttentionLens();
