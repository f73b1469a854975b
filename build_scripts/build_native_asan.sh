#!/usr/bin/env bash
# The Catch2 tests built under AddressSanitizer + UndefinedBehaviorSanitizer (g++), for
# `ctest --preset native-asan`: build/native-asan/.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset native-asan >/dev/null
cmake --build --preset native-asan -j"$(nproc)"
