#!/usr/bin/env bash
# WebAssembly build (Emscripten): the engine module, copied to web/generated/ where the page
# and web/src/engine.js find it, with the word readings it loads when a sentence has words the
# model has no row for (cpp/model/data/word_readings.tsv, docs/model.md "Vocabulary").
set -euo pipefail
cd "$(dirname "$0")/.."
# Emscripten 3.1.6 from Debian needs Debian's node modules (acorn) on NODE_PATH.
export NODE_PATH=/usr/share/nodejs
cmake --preset wasm >/dev/null
cmake --build --preset wasm -j"$(nproc)"
mkdir -p web/generated
# Only when changed, and by a rename: the browser tests run two files at a time, and a file that
# rebuilds dist/ (which runs this script) must not cut the .wasm short under a page loading it.
for source in build/wasm/attention_engine.mjs build/wasm/attention_engine.wasm cpp/model/data/word_readings.tsv; do
  file=$(basename "$source")
  if ! cmp -s "$source" "web/generated/$file"; then
    cp "$source" "web/generated/.$file.partial"
    mv "web/generated/.$file.partial" "web/generated/$file"
  fi
done
