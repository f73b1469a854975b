#!/usr/bin/env bash
# Makes a fresh Debian machine ready to build, test and serve Attention Lens, and does nothing
# on a machine that is ready already (safe to run before every command).
#
#   1. Debian packages: the Emscripten toolchain, Eigen, Catch2, Chromium (and cmake/g++/make),
#      installed with apt-get when missing — which needs root; otherwise it says what to run.
#   2. The toolchain versions the project relies on (see ../shared/ENVIRONMENT.md), checked.
#   3. npm packages from package-lock.json (`npm ci`), when node_modules is missing or stale.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'bootstrap: %s\n' "$*"; }
fail() { printf 'bootstrap: ERROR: %s\n' "$*" >&2; exit 1; }

# --- 1. Debian packages --------------------------------------------------------------------
missing=()
command -v cmake >/dev/null || missing+=(cmake)
command -v g++ >/dev/null || missing+=(g++)
command -v make >/dev/null || missing+=(make)
command -v em++ >/dev/null || missing+=(emscripten)
[ -f /usr/include/eigen3/Eigen/Core ] || missing+=(libeigen3-dev)
[ -f /usr/include/catch2/catch.hpp ] || missing+=(catch2)
[ -x /usr/bin/chromium ] || missing+=(chromium)
# clang and libFuzzer's runtime, for the fuzz targets (tests/fuzz). The runtime is only a
# Recommends of Debian 12's clang (14), so an install without recommends lacks it.
if ! command -v clang++ >/dev/null; then
  missing+=(clang libclang-rt-14-dev)
elif [ ! -f "$(clang++ -print-file-name=libclang_rt.fuzzer-x86_64.a)" ]; then
  missing+=(libclang-rt-14-dev)
fi

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    fail "missing Debian packages: ${missing[*]}. Install them as root:
    sudo apt-get update && sudo apt-get install -y ${missing[*]}"
  fi
  say "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || fail "apt-get update failed; is a Debian mirror reachable?"
  apt-get install -y -qq "${missing[@]}" >/dev/null ||
    fail "apt-get install ${missing[*]} failed (see the messages above)"
fi

# --- 2. Versions ---------------------------------------------------------------------------
version_at_least() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]; }

node_version=$(node --version | sed 's/^v//')
version_at_least "$node_version" 20.0.0 || fail "Node.js >= 20 is needed (found $node_version)."

cmake_version=$(cmake --version | head -n1 | awk '{print $3}')
version_at_least "$cmake_version" 3.20.0 || fail "CMake >= 3.20 is needed (found $cmake_version)."

# Emscripten 3.1.x: the build flags and the workarounds in CMakePresets.json were made for it.
emcc_version=$(NODE_PATH=/usr/share/nodejs em++ --version 2>/dev/null | head -n1 | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -n1 || true)
case "$emcc_version" in
  3.1.*) ;;
  "") fail "em++ is installed but does not run (try: NODE_PATH=/usr/share/nodejs em++ --version)." ;;
  *) fail "Emscripten 3.1.x is needed (found $emcc_version); the flags in CMakeLists.txt are tested with 3.1.6." ;;
esac

eigen_version=$(awk '/#define EIGEN_(WORLD|MAJOR)_VERSION/ {printf "%s.", $3}' /usr/include/eigen3/Eigen/src/Core/util/Macros.h)
[ "$eigen_version" = "3.4." ] || fail "Eigen 3.4 is needed (found ${eigen_version%.})."

grep -q '#define CATCH_VERSION_MAJOR 2' /usr/include/catch2/catch.hpp ||
  fail "Catch2 2.x is needed (the tests include <catch2/catch.hpp>)."

# --- 3. npm packages -----------------------------------------------------------------------
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error || fail "npm ci failed (see the messages above)"
fi
