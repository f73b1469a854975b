#!/usr/bin/env bash
# `npm run train`: rebuilds the native trainer and regenerates the shipped weights,
# web/model/attention_lens_model.bin (a few minutes on 2 cores). Extra arguments go to the
# trainer, e.g. `npm run train -- --steps 500`.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset native >/dev/null
cmake --build --preset native -j"$(nproc)" --target train_model
mkdir -p web/model
./build/native/train_model --out web/model/attention_lens_model.bin "$@"
