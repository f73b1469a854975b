#!/usr/bin/env bash
# The libFuzzer targets of tests/fuzz (Debian's clang: clang++ -fsanitize=fuzzer,address,undefined)
# in build/fuzz/. build_scripts/fuzz.mjs runs them.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang++ >/dev/null || { echo "build_fuzz: clang++ is needed (Debian package clang)." >&2; exit 1; }
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j"$(nproc)"
