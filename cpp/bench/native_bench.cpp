// Native benchmark of single-head attention (the same work the wasm module does), printed as
// JSON lines so build_scripts/bench/run_bench.mjs can put it in one table beside the browser
// peers. The wasm build compiles it too (build/wasm/engine_bench.cjs, run by Node), so the
// kernels can be compared across the two targets without the JS boundary.
// Usage: engine_bench [N ...]     (default: 16 64 256 1024; d = 64)
#include "attention.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

using namespace attention_lens;

namespace {

Matrix random_matrix(Eigen::Index rows, Eigen::Index cols, std::uint32_t seed) {
  std::mt19937 generator(seed);
  Matrix m(rows, cols);
  for (Eigen::Index i = 0; i < m.size(); ++i)
    m.data()[i] = static_cast<float>(generator()) / 4294967295.0f * 2.0f - 1.0f;
  return m;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<int> sizes;
  for (int i = 1; i < argc; ++i) sizes.push_back(std::atoi(argv[i]));
  if (sizes.empty()) sizes = {16, 64, 256, 1024};
  const Eigen::Index d = 64;

  for (const int n : sizes) {
    const Matrix Q = random_matrix(n, d, 1), K = random_matrix(n, d, 2), V = random_matrix(n, d, 3);
    // Repeat until ~0.3 s of samples (at least 5), then report the median.
    // One trace reused across calls, as the module's bindings keep one: a fresh trace per call
    // would time the allocator too (glibc maps every block over 128 KB afresh, and first-touch
    // page faults cost ~11 µs a page on this project's CI machines: 12 ms of 13 MB at N = 1024),
    // which the wasm build, whose heap is reused, never pays.
    AttentionTrace trace;
    std::vector<double> samples;
    double total = 0.0;
    float checksum = 0.0f;
    while (samples.size() < 5 || (total < 0.3 && samples.size() < 2000)) {
      const auto start = std::chrono::steady_clock::now();
      scaled_dot_product_attention(Q, K, V, AttentionOptions{}, trace);
      const auto stop = std::chrono::steady_clock::now();
      checksum += trace.output(0, 0);  // keep the work observable
      const double seconds = std::chrono::duration<double>(stop - start).count();
      samples.push_back(seconds * 1e3);
      total += seconds;
    }
    std::sort(samples.begin(), samples.end());
    const double median_ms = samples[samples.size() / 2];
    // The fastest sample too: on a shared machine it is the one least disturbed by other work.
    std::printf("{\"n\":%d,\"d\":%d,\"median_ms\":%.6f,\"min_ms\":%.6f,\"runs\":%zu,\"checksum\":%.6f}\n", n,
                static_cast<int>(d), median_ms, samples.front(), samples.size(),
                static_cast<double>(checksum));
  }
  return 0;
}
