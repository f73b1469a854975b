// The two matrix products of attention, as hand-blocked 4-wide SIMD kernels (simd4.hpp:
// WebAssembly SIMD in the module, SSE natively), and the fused scale → mask → softmax of one row.
//
// Why not Eigen's products: Eigen 3.4 has no WebAssembly SIMD path, so in the module its
// products ran at the speed of whatever the compiler could auto-vectorise (8–10 GFLOP/s at
// d = 64). These kernels keep a 4×8 tile of the result in registers while they walk the shared
// dimension, reading the right-hand operand from a packed copy laid out in the order the tile
// consumes it (docs/benchmarks.md has the figures).
//
// All matrices are row-major float32; `ld*` is the distance between two rows, in floats.
#pragma once

#include <Eigen/Core>

#include <cstdint>

namespace attention_lens::kernels {

using Index = Eigen::Index;

// scores = Q·Kᵀ.  Q: n_q×d (row stride ldq), K: n_k×d (row stride ldk),
// scores: n_q×n_k (row stride lds).
void multiply_by_transpose(const float* q, Index ldq, const float* k, Index ldk, Index n_q,
                           Index n_k, Index d, float* scores, Index lds);

// output = W·V.  W: n_q×n_k (row stride ldw), V: n_k×d_v (row stride ldv),
// output: n_q×d_v (row stride ldo). Only the first `depth_limit(i)` columns of W's row i may be
// non-zero when `causal` is set (query i sees keys 0..i), which lets the kernel skip the rest.
void multiply(const float* w, Index ldw, const float* v, Index ldv, Index n_q, Index n_k, Index d_v,
              float* output, Index ldo, bool causal = false);

// One row of attention weights from one row of raw scores, in one visit of the row:
//   scaled[j]  = scores[j] · scale                      (written only if `scaled` is not null)
//   weights[j] = softmax over the allowed j of scaled   (allowed = null: every key allowed)
// A row with no allowed key gets weights of 0 (it attends to nothing). `scores` may be the same
// array as `weights` (the lean path computes in place). Returns false, leaving the row
// unfinished, if some scaled score is not finite (float32 overflow), which the caller reports.
// scores, scaled, weights: n_k floats; allowed: n_k bytes, 1 = may attend.
bool scale_mask_softmax_row(const float* scores, float* scaled, const std::uint8_t* allowed,
                            float* weights, Index n_k, float scale);

}  // namespace attention_lens::kernels
