#!/usr/bin/env bash
# WebAssembly build (Emscripten): the engine module, copied to web/generated/ where the page
# and web/src/engine.js find it.
set -euo pipefail
cd "$(dirname "$0")/.."
# Emscripten 3.1.6 from Debian needs Debian's node modules (acorn) on NODE_PATH.
export NODE_PATH=/usr/share/nodejs
cmake --preset wasm >/dev/null
cmake --build --preset wasm -j"$(nproc)"
mkdir -p web/generated
# Only when changed, and by a rename: the browser tests run two files at a time, and a file that
# rebuilds dist/ (which runs this script) must not cut the .wasm short under a page loading it.
for file in attention_engine.mjs attention_engine.wasm; do
  if ! cmp -s "build/wasm/$file" "web/generated/$file"; then
    cp "build/wasm/$file" "web/generated/.$file.partial"
    mv "web/generated/.$file.partial" "web/generated/$file"
  fi
done
