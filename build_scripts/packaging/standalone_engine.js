// Runs first in the single-file page (standalone_page.mjs bundles it before the page's own
// scripts): the engine's glue, its wasm and the model's weights are all inside the page, and are
// handed to engine.js before any element asks for them, so the page loads nothing, even when it
// is opened from disk (file://). Every widget's loadModel() then shares this model.
import createModule from '../../web/generated/attention_engine.mjs';
import { loadEngine, loadModel } from '../../web/src/engine.js';
// { base64, byteLength, sha256 } of each file, made by standalone_page.mjs at build time.
import engineWasm from 'inlined-bytes:generated/attention_engine.wasm';
import modelWeights from 'inlined-bytes:model/attention_lens_model.bin';

loadEngine({ createModule, wasmBinary: inlinedBytes(engineWasm, 'the attention engine (attention_engine.wasm)') });
loadModel({ bytes: inlinedBytes(modelWeights, 'the model’s weights (attention_lens_model.bin)') });

// The bytes, checked against what the build inlined: a page mangled on its way (an e-mail
// program, a CMS that rewrites text) should say so, not show wrong numbers or nothing.
async function inlinedBytes({ base64, byteLength, sha256 }, what) {
  // code 'damaged-copy': the element says so in the page's language; this detail goes to the console.
  const damaged = (how) => Object.assign(new Error(`This page’s copy of ${what} is damaged (${how}). `
    + 'Download attention-lens-standalone.html again, and open it without editing it.'), { code: 'damaged-copy' });
  let text;
  try {
    text = atob(base64);
  } catch {
    throw damaged('its text is not base64 any more');
  }
  if (text.length !== byteLength) throw damaged(`${text.length} bytes instead of ${byteLength}`);
  const bytes = new Uint8Array(byteLength);
  for (let i = 0; i < byteLength; i += 1) bytes[i] = text.charCodeAt(i);
  // crypto.subtle exists in secure contexts only; file:// is one, plain http from another host
  // is not, and there the length check has to do.
  if (globalThis.crypto?.subtle) {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    const hex = Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
    if (hex !== sha256) throw damaged('its checksum does not match');
  }
  return bytes;
}
