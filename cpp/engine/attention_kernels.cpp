#include "attention_kernels.hpp"
#include "exp_kernel.hpp"
#include "simd4.hpp"

#include <algorithm>
#include <limits>
#include <vector>

namespace attention_lens::kernels {

namespace {

using namespace simd4;

// The register tile: kRows rows of the result × kCols columns (two 4-lane vectors), so 8
// accumulators plus 2 loaded vectors and a broadcast — 11 of the 16 registers x86-64 has for
// SSE, which is also what V8 maps WebAssembly SIMD values onto. A 4×12 or 6×8 tile needs 15+
// and spilled in V8's register allocator.
constexpr Index kRows = 4;
constexpr Index kCols = 8;

// The right-hand operand, packed: column panel p holds columns 8p..8p+7 of B, one row of 8
// after another (depth × 8 floats), zero-padded past B's last column. The tile then reads it
// strictly sequentially. Kept between calls so that a call of the same size allocates nothing.
thread_local std::vector<float> packed_buffer;

float* packed_storage(Index depth, Index columns) {
  const Index panels = (columns + kCols - 1) / kCols;
  const auto needed = static_cast<std::size_t>(panels * depth * kCols);
  if (packed_buffer.size() < needed) packed_buffer.resize(needed);
  return packed_buffer.data();
}

// B = Kᵀ (d×n_k) from K (n_k×d): panel p, row c holds K(8p..8p+7, c).
const float* pack_transposed(const float* k, Index ldk, Index n_k, Index d) {
  float* packed = packed_storage(d, n_k);
  float* out = packed;
  for (Index j0 = 0; j0 < n_k; j0 += kCols) {
    const Index width = std::min(kCols, n_k - j0);
    for (Index c = 0; c < d; ++c) {
      for (Index j = 0; j < width; ++j) out[j] = k[(j0 + j) * ldk + c];
      for (Index j = width; j < kCols; ++j) out[j] = 0.0f;
      out += kCols;
    }
  }
  return packed;
}

// B = V (n_k×d_v) as it is: panel p, row j holds V(j, 8p..8p+7).
const float* pack(const float* v, Index ldv, Index n_k, Index d_v) {
  float* packed = packed_storage(n_k, d_v);
  float* out = packed;
  for (Index c0 = 0; c0 < d_v; c0 += kCols) {
    const Index width = std::min(kCols, d_v - c0);
    for (Index j = 0; j < n_k; ++j) {
      const float* row = v + j * ldv + c0;
      for (Index c = 0; c < width; ++c) out[c] = row[c];
      for (Index c = width; c < kCols; ++c) out[c] = 0.0f;
      out += kCols;
    }
  }
  return packed;
}

// C(rows × width) = A(rows × depth) · panel(depth × 8), for rows ≤ 4 and width ≤ 8.
// Each step of the shared dimension broadcasts one A entry per row and adds its product with
// the panel's 8 entries into that row's two accumulators.
template <int Rows>
inline void tile(const float* a, Index lda, const float* panel, Index depth, float* c, Index ldc,
                 Index width) {
  f32x4 low[Rows], high[Rows];
  for (int r = 0; r < Rows; ++r) low[r] = high[r] = zero();
  for (Index p = 0; p < depth; ++p) {
    const f32x4 b_low = load(panel + p * kCols);
    const f32x4 b_high = load(panel + p * kCols + 4);
    for (int r = 0; r < Rows; ++r) {
      const f32x4 a_rp = broadcast(a + r * lda + p);
      low[r] = add(low[r], mul(a_rp, b_low));
      high[r] = add(high[r], mul(a_rp, b_high));
    }
  }
  for (int r = 0; r < Rows; ++r) {
    float* out = c + r * ldc;
    if (width == kCols) {
      store(out, low[r]);
      store(out + 4, high[r]);
    } else {  // the last panel of a matrix whose width is not a multiple of 8
      float lanes[kCols];
      store(lanes, low[r]);
      store(lanes + 4, high[r]);
      std::copy(lanes, lanes + width, out);
    }
  }
}

// One block of rows against every panel. `depth` is the panels' length; only the first `used`
// steps of it are summed (the causal product stops where the block's weights become 0).
template <int Rows>
void row_block(const float* a, Index lda, const float* packed, Index depth, Index used,
               Index columns, float* c, Index ldc) {
  for (Index j0 = 0; j0 < columns; j0 += kCols)
    tile<Rows>(a, lda, packed + j0 * depth, used, c + j0, ldc, std::min(kCols, columns - j0));
}

// C (m × columns) = A (m × depth) · B, with B packed. Row blocks of 4 run over every panel,
// so the block's rows of A (4·depth floats) stay in the first-level cache while the panels
// stream past. With `causal`, row block i0.. reads only the first i0 + rows entries of A's rows.
void multiply_packed(const float* a, Index lda, Index m, Index depth, const float* packed,
                     Index columns, float* c, Index ldc, bool causal) {
  Index i = 0;
  for (; i + kRows <= m; i += kRows) {
    const Index used = causal ? std::min(depth, i + kRows) : depth;
    row_block<kRows>(a + i * lda, lda, packed, depth, used, columns, c + i * ldc, ldc);
  }
  const Index rest = m - i;
  const Index used = causal ? std::min(depth, i + rest) : depth;
  if (rest == 3) row_block<3>(a + i * lda, lda, packed, depth, used, columns, c + i * ldc, ldc);
  if (rest == 2) row_block<2>(a + i * lda, lda, packed, depth, used, columns, c + i * ldc, ldc);
  if (rest == 1) row_block<1>(a + i * lda, lda, packed, depth, used, columns, c + i * ldc, ldc);
}

}  // namespace

void multiply_by_transpose(const float* q, Index ldq, const float* k, Index ldk, Index n_q,
                           Index n_k, Index d, float* scores, Index lds) {
  const float* packed = pack_transposed(k, ldk, n_k, d);
  multiply_packed(q, ldq, n_q, d, packed, n_k, scores, lds, false);
}

void multiply(const float* w, Index ldw, const float* v, Index ldv, Index n_q, Index n_k, Index d_v,
              float* output, Index ldo, bool causal) {
  const float* packed = pack(v, ldv, n_k, d_v);
  multiply_packed(w, ldw, n_q, n_k, packed, d_v, output, ldo, causal);
}

bool scale_mask_softmax_row(const float* scores, float* scaled, const std::uint8_t* allowed,
                            float* weights, Index n_k, float scale) {
  constexpr float hidden = -std::numeric_limits<float>::infinity();
  // Pass 1 — scale, mask, and find the row's largest allowed value. x·0 is 0 for every finite
  // x and NaN for ±Inf or NaN, so summing x·0 over the row tells whether the scaling (or the
  // product before it) overflowed float32, without a branch per entry.
  float row_max = hidden;
  float overflow_probe = 0.0f;
  Index j = 0;
  if (!allowed) {
    const f32x4 scale4 = splat(scale);
    f32x4 max4 = splat(hidden), probe4 = zero();
    for (; j + 4 <= n_k; j += 4) {
      const f32x4 x = mul(load(scores + j), scale4);
      if (scaled) store(scaled + j, x);
      store(weights + j, x);
      max4 = max(max4, x);
      probe4 = add(probe4, mul(x, zero()));
    }
    row_max = horizontal_max(max4);
    overflow_probe = horizontal_sum(probe4);
  }
  for (; j < n_k; ++j) {  // the masked path, and the unmasked row's last n_k mod 4 entries
    const float x = scores[j] * scale;
    if (scaled) scaled[j] = x;
    overflow_probe += x * 0.0f;
    // Hidden entries become −∞ so that they neither win the row maximum nor get weight.
    const bool visible = !allowed || allowed[j] != 0;
    weights[j] = visible ? x : hidden;
    if (visible && x > row_max) row_max = x;
  }
  if (overflow_probe != 0.0f) return false;  // NaN: some entry was not finite

  if (row_max == hidden) {  // fully masked: the query attends to nothing, so its weights are 0
    std::fill(weights, weights + n_k, 0.0f);
    return true;
  }
  // Pass 2 — e^(x − max): subtracting the row's largest allowed value keeps exp() from
  // overflowing to Inf (Inf/Inf would be NaN); the largest term is e⁰ = 1.
  exp_shifted_in_place(weights, n_k, row_max);
  // Hidden keys came out as a tiny e^−87.3, not 0: make them exactly 0.
  if (allowed)
    for (Index i = 0; i < n_k; ++i)
      if (!allowed[i]) weights[i] = 0.0f;

  // Pass 3 — normalise. The sum is ≥ 1 (the max contributes 1), so its reciprocal is safe.
  f32x4 sum4 = zero();
  Index i = 0;
  for (; i + 4 <= n_k; i += 4) sum4 = add(sum4, load(weights + i));
  float sum = horizontal_sum(sum4);
  for (; i < n_k; ++i) sum += weights[i];
  const float inverse = 1.0f / sum;
  const f32x4 inverse4 = splat(inverse);
  i = 0;
  for (; i + 4 <= n_k; i += 4) store(weights + i, mul(load(weights + i), inverse4));
  for (; i < n_k; ++i) weights[i] *= inverse;
  return true;
}

}  // namespace attention_lens::kernels
