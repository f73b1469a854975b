// Scaled dot-product attention, written to read like the lesson slide:
//
//   scores  = Q·Kᵀ                     (how well each query matches each key)
//   scaled  = scores · (1/√d_k) / T    (keep the numbers in softmax's useful range)
//   masked  = scaled where allowed, −∞ elsewhere
//   weights = softmax of each row      (each row sums to 1)
//   output  = weights·V                (each query's weighted sum of the values)
//
// Every intermediate is kept in the returned trace, because the widget shows each step.
#pragma once

#include "matrix.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace attention_lens {

enum class MaskKind {
  none,         // every query sees every key
  causal,       // query i sees keys 0..i (GPT-style: no looking ahead)
  key_padding,  // keys marked as padding are hidden from every query
  custom,       // an explicit n_q×n_k matrix of which keys each query may see
};

struct Mask {
  MaskKind kind = MaskKind::none;
  // key_padding only: n_k entries, 1 = this key is padding and no query may see it.
  std::vector<std::uint8_t> key_is_padding;
  // custom only: n_q×n_k, 1 = query i may attend to key j.
  BoolMatrix allowed;
};

struct AttentionOptions {
  // Divide the scores by √d_k. Switching it off shows why it is there: rows saturate.
  bool scale_by_sqrt_dk = true;
  // Divides the scaled scores too: below 1 sharpens each row, above 1 flattens it. Must be > 0.
  float temperature = 1.0f;
  Mask mask;
  // Keep scores, scaled and allowed in the trace: the widget's math panel shows them. Off,
  // the trace holds only the weights and the output — half the memory and time at large N,
  // for timing charts and benchmarks.
  bool keep_intermediate_steps = true;
};

// The steps of one attention computation. scores, scaled and allowed are empty (0×0) when
// the options said keep_intermediate_steps = false.
struct AttentionTrace {
  Matrix scores;       // n_q×n_k  Q·Kᵀ
  float scale = 1.0f;  // the factor applied to the scores: (1/√d_k or 1) / temperature
  Matrix scaled;       // n_q×n_k  scores·scale, before the mask
  BoolMatrix allowed;  // n_q×n_k  1 where query i may attend to key j
  Matrix weights;      // n_q×n_k  row-wise softmax over the allowed keys
  Matrix output;       // n_q×d_v  weights·V
};

// The largest n_q·n_k the engine accepts: the trace keeps several n_q×n_k matrices, and
// 4096×4096 of them already fill ~200 MB of a browser tab.
constexpr long long kMaxScoreEntries = 4096LL * 4096LL;

// Row-wise softmax over the entries a row is allowed to see; hidden entries get weight 0.
// Numerically stable: each row's largest allowed value is subtracted before exp(), so
// scores of ±1e4 give exact 0s and 1s instead of Inf/NaN.
// A row with no allowed entry at all ("fully masked") gets all-zero weights — it attends to
// nothing, so its output is the zero vector — rather than the NaN that 0/0 would give.
// logits: rows×cols; allowed: rows×cols (or empty = everything allowed).
Matrix masked_softmax_rows(const MatrixRef& logits, const BoolMatrix& allowed);
// The same, overwriting `logits` with the weights.
void masked_softmax_rows_in_place(Matrix& logits, const BoolMatrix& allowed);

// Which keys each query may see under `mask`, as an n_q×n_k matrix of 0/1.
BoolMatrix allowed_keys(const Mask& mask, Eigen::Index n_q, Eigen::Index n_k);
// The same, into `allowed` (resized; its memory is reused when the size is unchanged).
void fill_allowed_keys(const Mask& mask, Eigen::Index n_q, Eigen::Index n_k, BoolMatrix& allowed);

// An empty string when Q (n_q×d_k), K (n_k×d_k), V (n_k×d_v) and the options can be used;
// otherwise a message that says what was expected and what arrived.
std::string find_attention_input_problem(const MatrixRef& queries, const MatrixRef& keys,
                                         const MatrixRef& values, const AttentionOptions& options);

// Q: n_q×d_k, K: n_k×d_k, V: n_k×d_v (n_q ≠ n_k is cross-attention). Throws InvalidInput
// with the message of find_attention_input_problem when the inputs cannot be used.
//
// The products run in the 4-wide SIMD kernels of attention_kernels.hpp; attention_reference.hpp
// keeps the plain Eigen version of the same steps, which the tests compare these with.
AttentionTrace scaled_dot_product_attention(const MatrixRef& queries, const MatrixRef& keys,
                                            const MatrixRef& values,
                                            const AttentionOptions& options = {});
// The same, into `trace`: its matrices are resized, so a trace reused across calls of the same
// shape allocates nothing. On an error `trace` holds partial results and should be ignored.
void scaled_dot_product_attention(const MatrixRef& queries, const MatrixRef& keys,
                                  const MatrixRef& values, const AttentionOptions& options,
                                  AttentionTrace& trace);

}  // namespace attention_lens
