// Four float32 lanes, the width the browser gives us: WebAssembly SIMD (128-bit) in the
// module, SSE on x86-64 natively, four plain floats anywhere else. Internal to the engine's
// kernels (attention_kernels.cpp); nothing outside cpp/engine includes it.
//
// Only what the kernels need: load, store, broadcast, add, subtract, multiply, max, and the
// float ↔ int32 conversions of the exponential (exp_kernel.cpp). No fused
// multiply-add, because neither WebAssembly SIMD nor SSE4.1 has one: the native SSE build
// then does the same arithmetic as the module, which makes it the fair ceiling to compare with.
#pragma once

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>  // clang's header for the -msimd128 instructions, not Emscripten's
#elif defined(__SSE2__)
#include <emmintrin.h>
#else
#include <cstdint>
#include <cstring>
#endif

namespace attention_lens::simd4 {

#if defined(__wasm_simd128__)
constexpr const char* kName = "wasm-simd128";
using f32x4 = v128_t;
inline f32x4 zero() { return wasm_f32x4_splat(0.0f); }
inline f32x4 load(const float* p) { return wasm_v128_load(p); }     // unaligned is fine
inline void store(float* p, f32x4 v) { wasm_v128_store(p, v); }
inline f32x4 broadcast(const float* p) { return wasm_v128_load32_splat(p); }
inline f32x4 splat(float x) { return wasm_f32x4_splat(x); }
inline f32x4 add(f32x4 a, f32x4 b) { return wasm_f32x4_add(a, b); }
inline f32x4 mul(f32x4 a, f32x4 b) { return wasm_f32x4_mul(a, b); }
inline f32x4 sub(f32x4 a, f32x4 b) { return wasm_f32x4_sub(a, b); }
inline f32x4 max(f32x4 a, f32x4 b) { return wasm_f32x4_pmax(a, b); }  // maxps semantics, no NaN work
// Toward zero to a whole number, as the bits of four int32 (in range: |x| < 2³¹).
inline f32x4 truncate_to_int(f32x4 x) { return wasm_i32x4_trunc_sat_f32x4(x); }
inline f32x4 int_to_float(f32x4 i) { return wasm_f32x4_convert_i32x4(i); }
// 2^k from int32 lanes k in [−126, 127]: k + 127 placed in the float's exponent bits.
inline f32x4 power_of_two(f32x4 k) { return wasm_i32x4_shl(wasm_i32x4_add(k, wasm_i32x4_splat(127)), 23); }
inline float horizontal_sum(f32x4 v) {
  return (wasm_f32x4_extract_lane(v, 0) + wasm_f32x4_extract_lane(v, 1)) +
         (wasm_f32x4_extract_lane(v, 2) + wasm_f32x4_extract_lane(v, 3));
}
inline float horizontal_max(f32x4 v) {
  const float a = wasm_f32x4_extract_lane(v, 0), b = wasm_f32x4_extract_lane(v, 1);
  const float c = wasm_f32x4_extract_lane(v, 2), d = wasm_f32x4_extract_lane(v, 3);
  const float ab = a > b ? a : b, cd = c > d ? c : d;
  return ab > cd ? ab : cd;
}
#elif defined(__SSE2__)
constexpr const char* kName = "sse";
using f32x4 = __m128;
inline f32x4 zero() { return _mm_setzero_ps(); }
inline f32x4 load(const float* p) { return _mm_loadu_ps(p); }
inline void store(float* p, f32x4 v) { _mm_storeu_ps(p, v); }
inline f32x4 broadcast(const float* p) { return _mm_set1_ps(*p); }
inline f32x4 splat(float x) { return _mm_set1_ps(x); }
inline f32x4 add(f32x4 a, f32x4 b) { return _mm_add_ps(a, b); }
inline f32x4 mul(f32x4 a, f32x4 b) { return _mm_mul_ps(a, b); }
inline f32x4 sub(f32x4 a, f32x4 b) { return _mm_sub_ps(a, b); }
inline f32x4 max(f32x4 a, f32x4 b) { return _mm_max_ps(a, b); }
inline f32x4 truncate_to_int(f32x4 x) { return _mm_castsi128_ps(_mm_cvttps_epi32(x)); }
inline f32x4 int_to_float(f32x4 i) { return _mm_cvtepi32_ps(_mm_castps_si128(i)); }
inline f32x4 power_of_two(f32x4 k) {
  return _mm_castsi128_ps(_mm_slli_epi32(_mm_add_epi32(_mm_castps_si128(k), _mm_set1_epi32(127)), 23));
}
inline float horizontal_sum(f32x4 v) {
  alignas(16) float lanes[4];
  _mm_store_ps(lanes, v);
  return (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]);
}
inline float horizontal_max(f32x4 v) {
  alignas(16) float lanes[4];
  _mm_store_ps(lanes, v);
  const float ab = lanes[0] > lanes[1] ? lanes[0] : lanes[1];
  const float cd = lanes[2] > lanes[3] ? lanes[2] : lanes[3];
  return ab > cd ? ab : cd;
}
#else
constexpr const char* kName = "portable";
struct f32x4 {
  float lane[4];
};
inline f32x4 zero() { return {{0.0f, 0.0f, 0.0f, 0.0f}}; }
inline f32x4 load(const float* p) { return {{p[0], p[1], p[2], p[3]}}; }
inline void store(float* p, f32x4 v) {
  for (int i = 0; i < 4; ++i) p[i] = v.lane[i];
}
inline f32x4 splat(float x) { return {{x, x, x, x}}; }
inline f32x4 broadcast(const float* p) { return splat(*p); }
inline f32x4 add(f32x4 a, f32x4 b) {
  for (int i = 0; i < 4; ++i) a.lane[i] += b.lane[i];
  return a;
}
inline f32x4 mul(f32x4 a, f32x4 b) {
  for (int i = 0; i < 4; ++i) a.lane[i] *= b.lane[i];
  return a;
}
inline f32x4 sub(f32x4 a, f32x4 b) {
  for (int i = 0; i < 4; ++i) a.lane[i] -= b.lane[i];
  return a;
}
inline f32x4 max(f32x4 a, f32x4 b) {
  for (int i = 0; i < 4; ++i) a.lane[i] = a.lane[i] < b.lane[i] ? b.lane[i] : a.lane[i];
  return a;
}
// The int32 lanes are kept in the float storage bit for bit (memcpy), like the vector types do.
inline f32x4 truncate_to_int(f32x4 x) {
  for (int i = 0; i < 4; ++i) {
    const std::int32_t k = static_cast<std::int32_t>(x.lane[i]);
    std::memcpy(&x.lane[i], &k, sizeof k);
  }
  return x;
}
inline f32x4 int_to_float(f32x4 x) {
  for (int i = 0; i < 4; ++i) {
    std::int32_t k;
    std::memcpy(&k, &x.lane[i], sizeof k);
    x.lane[i] = static_cast<float>(k);
  }
  return x;
}
inline f32x4 power_of_two(f32x4 x) {
  for (int i = 0; i < 4; ++i) {
    std::int32_t k;
    std::memcpy(&k, &x.lane[i], sizeof k);
    const std::int32_t bits = (k + 127) * (1 << 23);
    std::memcpy(&x.lane[i], &bits, sizeof bits);
  }
  return x;
}
inline float horizontal_sum(f32x4 v) { return (v.lane[0] + v.lane[1]) + (v.lane[2] + v.lane[3]); }
inline float horizontal_max(f32x4 v) {
  const float ab = v.lane[0] > v.lane[1] ? v.lane[0] : v.lane[1];
  const float cd = v.lane[2] > v.lane[3] ? v.lane[2] : v.lane[3];
  return ab > cd ? ab : cd;
}
#endif

}  // namespace attention_lens::simd4
