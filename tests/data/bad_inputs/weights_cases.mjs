// The bad-input corpus for the weights loader (engine.loadModel): files cut short, with the
// wrong signature or version, with flipped bits or bytes appended, and things that are not
// bytes at all. Every case must be refused with a message that names the problem; none may
// load a model, and none may leave memory behind (tests/node/bad_inputs.test.mjs checks).
import { seededRandom } from '../../../web/src/seeded_random.js';

const u32 = (bytes, offset, value) => {
  const copy = bytes.slice();
  new DataView(copy.buffer).setUint32(offset, value, true);
  return copy;
};

/**
 * @param {Uint8Array} good the shipped weights file
 * @returns {Array<{ id: string, bytes: () => unknown, error: RegExp }>}
 */
export function weightsCases(good) {
  const cases = [
    // Not bytes: the loader must say it wants bytes, not that "the file is empty".
    { id: 'not bytes: a string', bytes: () => 'x', error: /(must be|as) (a Uint8Array|bytes)/i },
    { id: 'not bytes: null', bytes: () => null, error: /(must be|as) (a Uint8Array|bytes)/i },
    { id: 'not bytes: undefined', bytes: () => undefined, error: /(must be|as) (a Uint8Array|bytes)/i },
    { id: 'not bytes: a number', bytes: () => 42, error: /(must be|as) (a Uint8Array|bytes)/i },
    { id: 'not bytes: an object', bytes: () => ({ length: 3 }), error: /(must be|as) (a Uint8Array|bytes)/i },
    // Empty, wrong signature, wrong version
    { id: 'empty file', bytes: () => new Uint8Array(0), error: /should start with "ATTNLENS"; it is empty/ },
    { id: 'an HTML error page', bytes: () => new TextEncoder().encode('<!doctype html><title>404</title>'), error: /not an Attention Lens weights file.*starts with "<!doctyp"/ },
    { id: 'a PNG', bytes: () => Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13), error: /not an Attention Lens weights file/ },
    { id: 'signature in lower case', bytes: () => { const b = good.slice(); b.set(new TextEncoder().encode('attnlens')); return b; }, error: /should start with "ATTNLENS"/ },
    { id: 'format version 1', bytes: () => u32(good, 8, 1), error: /format version 1 .*Regenerate it with `npm run train`/ },
    { id: 'format version 2', bytes: () => u32(good, 8, 2), error: /format version 2 .*this build reads version 3.*Regenerate it with `npm run train`/ },
    { id: 'format version 4', bytes: () => u32(good, 8, 4), error: /format version 4; this build reads version 3/ },
    { id: 'format version 2^32-1', bytes: () => u32(good, 8, 0xffffffff), error: /format version 4294967295; this build reads version 3/ },
    { id: 'format version 0', bytes: () => u32(good, 8, 0), error: /format version 0; this build reads version 3/ },
    // Appended bytes
    { id: '16 bytes appended', bytes: () => { const b = new Uint8Array(good.length + 16); b.set(good); return b; }, error: /16 trailing bytes after its checksum/ },
  ];
  // Cut short at every interesting length: inside the signature, the version, the header, halfway, one byte short.
  for (const length of [1, 7, 8, 11, 12, 20, 64, good.length >> 1, good.length - 4, good.length - 1]) {
    cases.push({ id: `truncated to ${length} bytes`, bytes: () => good.slice(0, length),
      error: length < 8 ? /should start with "ATTNLENS"/ : /(truncated|corrupted|checksum)/ });
  }
  // Bit flips anywhere after the version: the checksum catches every one.
  const random = seededRandom(10);
  for (let i = 0; i < 24; i++) {
    const byte = 12 + Math.floor(random() * (good.length - 12));
    const bit = Math.floor(random() * 8);
    cases.push({ id: `bit ${bit} of byte ${byte} flipped`, bytes: () => { const b = good.slice(); b[byte] ^= 1 << bit; return b; },
      error: /(corrupted: checksum mismatch|checksum)/ });
  }
  return cases;
}
