#include "exp_kernel.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace attention_lens {

namespace {

// exp(x) for x ≤ 0, the only inputs softmax has once the row maximum is subtracted.
// Written without calls or branches so that compilers vectorise the loop that uses it: in
// WebAssembly std::exp is a scalar library call and took ~70% of softmax's time. Accurate to
// ~2 ulp (the Cephes expf polynomial): exp(x) = 2^k · e^r with k = round(x·log₂e), |r| ≤ ln2/2.
inline float exp_of_nonpositive(float x) {
  x = std::max(x, -87.3f);  // below this e^x is under float32's smallest normal number; also maps −∞ here
  // k = x·log₂e rounded to nearest. x ≤ 0, so truncating x·log₂e − 0.5 (toward 0) rounds it;
  // float↔int conversions vectorise everywhere (SSE2, wasm SIMD), floor() does not.
  const std::int32_t k_int = static_cast<std::int32_t>(x * 1.44269504f - 0.5f);
  const float k = static_cast<float>(k_int);
  const float r = x - k * 0.693359375f + k * 2.12194440e-4f;  // x − k·ln2, in two parts for precision
  float p = 1.9875691500e-4f;
  p = p * r + 1.3981999507e-3f;
  p = p * r + 8.3334519073e-3f;
  p = p * r + 4.1665795894e-2f;
  p = p * r + 1.6666665459e-1f;
  p = p * r + 5.0000001201e-1f;
  const float e_r = p * r * r + r + 1.0f;
  const std::int32_t exponent_bits = (k_int + 127) << 23;  // 2^k
  float two_to_k;
  std::memcpy(&two_to_k, &exponent_bits, sizeof two_to_k);
  return e_r * two_to_k;
}

}  // namespace

// __restrict: nothing else aliases the row, which the compiler must know before it vectorises.
void exp_shifted_in_place(float* __restrict values, Eigen::Index count, float shift) {
  for (Eigen::Index j = 0; j < count; ++j) values[j] = exp_of_nonpositive(values[j] - shift);
}


}  // namespace attention_lens
