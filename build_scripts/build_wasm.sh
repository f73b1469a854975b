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
cp build/wasm/attention_engine.mjs build/wasm/attention_engine.wasm web/generated/
