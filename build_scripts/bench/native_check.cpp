// Correctness check for the native builds: runs the engine's scaled_dot_product_attention on
// the benchmark's own inputs (written by run_bench.mjs) and writes the output back, so the
// native result can be compared with the wasm one on identical data. (build/native*/engine_bench
// does the timing; it makes its own random inputs, and timing does not depend on the values.)
//
// Usage: native_check <in.bin> <out.bin>
//   in.bin:  int32 n, int32 d, then Q, K, V as n·d little-endian float32 each (row-major)
//   out.bin: the output, n·d float32
#include "attention.hpp"

#include <cstdint>
#include <cstdio>
#include <vector>

using namespace attention_lens;

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: native_check <in.bin> <out.bin>\n");
    return 2;
  }
  std::FILE* in = std::fopen(argv[1], "rb");
  if (!in) { std::fprintf(stderr, "cannot open %s\n", argv[1]); return 1; }
  std::int32_t header[2];
  if (std::fread(header, sizeof header, 1, in) != 1) { std::fprintf(stderr, "short header\n"); return 1; }
  const Eigen::Index n = header[0], d = header[1];
  std::vector<float> data(static_cast<std::size_t>(3 * n * d));
  if (std::fread(data.data(), sizeof(float), data.size(), in) != data.size()) {
    std::fprintf(stderr, "short data\n");
    return 1;
  }
  std::fclose(in);
  const Eigen::Map<const Matrix> q(data.data(), n, d), k(data.data() + n * d, n, d),
      v(data.data() + 2 * n * d, n, d);
  const AttentionTrace trace = scaled_dot_product_attention(q, k, v);
  std::FILE* out = std::fopen(argv[2], "wb");
  if (!out) { std::fprintf(stderr, "cannot open %s\n", argv[2]); return 1; }
  std::fwrite(trace.output.data(), sizeof(float), static_cast<std::size_t>(trace.output.size()), out);
  std::fclose(out);
  return 0;
}
