#!/usr/bin/env bash
# Native build (g++): the engine library, its Catch2 tests, the golden values for the wasm
# tests (build/native/golden.json) and the native benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset native >/dev/null
cmake --build --preset native -j"$(nproc)"
./build/native/write_golden build/native/golden.json
