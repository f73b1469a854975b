// The script a lesson page includes for the Q/K/V sandbox:
//   <script type="module" src=".../attention-sandbox.js"></script>
//   <attention-sandbox words="cat sat mat it" focus="it"></attention-sandbox>
// Defining the tag twice (two script tags, two bundles) is harmless.
import { AttentionSandboxElement } from './src/sandbox/attention_sandbox_element.js';

export { AttentionSandboxElement };

export function defineAttentionSandbox(tagName = 'attention-sandbox') {
  if (!customElements.get(tagName)) customElements.define(tagName, AttentionSandboxElement);
}

defineAttentionSandbox();
