#include "exp_kernel.hpp"
#include "simd4.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace attention_lens {

namespace {

// exp(x) for x ≤ 0, the only inputs softmax has once the row maximum is subtracted. Accurate
// to ~2 ulp (the Cephes expf polynomial): exp(x) = 2^k · e^r with k = round(x·log₂e),
// |r| ≤ ln2/2. The constants are shared by the 4-wide and the scalar version, which do the
// same operations in the same order and so give the same bits.
constexpr float kLowest = -87.3f;  // below this e^x is under float32's smallest normal number; also maps −∞ here
constexpr float kLog2e = 1.44269504f;
constexpr float kLn2High = 0.693359375f, kLn2Low = -2.12194440e-4f;  // ln 2 in two parts, for precision
constexpr float kP0 = 1.9875691500e-4f, kP1 = 1.3981999507e-3f, kP2 = 8.3334519073e-3f,
                kP3 = 4.1665795894e-2f, kP4 = 1.6666665459e-1f, kP5 = 5.0000001201e-1f;

inline float exp_of_nonpositive(float x) {
  x = std::max(x, kLowest);
  // k = x·log₂e rounded to nearest. x ≤ 0, so truncating x·log₂e − 0.5 (toward 0) rounds it.
  const std::int32_t k_int = static_cast<std::int32_t>(x * kLog2e - 0.5f);
  const float k = static_cast<float>(k_int);
  const float r = x - k * kLn2High - k * kLn2Low;
  float p = kP0;
  p = p * r + kP1;
  p = p * r + kP2;
  p = p * r + kP3;
  p = p * r + kP4;
  p = p * r + kP5;
  const float e_r = p * r * r + r + 1.0f;
  const std::int32_t exponent_bits = (k_int + 127) << 23;  // 2^k
  float two_to_k;
  std::memcpy(&two_to_k, &exponent_bits, sizeof two_to_k);
  return e_r * two_to_k;
}

// The same on four lanes, written with simd4.hpp: GCC does not vectorise the scalar loop
// (std::max is control flow to it), and clang's auto-vectorised WebAssembly was no faster.
inline simd4::f32x4 exp_of_nonpositive(simd4::f32x4 x) {
  using namespace simd4;
  x = max(x, splat(kLowest));
  const f32x4 k_int = truncate_to_int(sub(mul(x, splat(kLog2e)), splat(0.5f)));
  const f32x4 k = int_to_float(k_int);
  const f32x4 r = sub(sub(x, mul(k, splat(kLn2High))), mul(k, splat(kLn2Low)));
  f32x4 p = splat(kP0);
  p = add(mul(p, r), splat(kP1));
  p = add(mul(p, r), splat(kP2));
  p = add(mul(p, r), splat(kP3));
  p = add(mul(p, r), splat(kP4));
  p = add(mul(p, r), splat(kP5));
  const f32x4 e_r = add(add(mul(mul(p, r), r), r), splat(1.0f));
  return mul(e_r, power_of_two(k_int));
}

}  // namespace

void exp_shifted_in_place(float* values, Eigen::Index count, float shift) {
  const simd4::f32x4 shift4 = simd4::splat(shift);
  Eigen::Index j = 0;
  for (; j + 4 <= count; j += 4)
    simd4::store(values + j, exp_of_nonpositive(simd4::sub(simd4::load(values + j), shift4)));
  for (; j < count; ++j) values[j] = exp_of_nonpositive(values[j] - shift);
}

}  // namespace attention_lens
