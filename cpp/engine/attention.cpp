#include "attention.hpp"
#include "exp_kernel.hpp"
#include "validation.hpp"

#include <cmath>
#include <limits>

namespace attention_lens {


BoolMatrix allowed_keys(const Mask& mask, Eigen::Index n_q, Eigen::Index n_k) {
  BoolMatrix allowed = BoolMatrix::Ones(n_q, n_k);
  switch (mask.kind) {
    case MaskKind::none:
      break;
    case MaskKind::causal:
      // Query i may not look ahead: keys j > i are hidden. With n_q ≠ n_k the diagonal
      // starts at the top-left corner (query 0 sees key 0 only).
      for (Eigen::Index i = 0; i < n_q; ++i)
        for (Eigen::Index j = i + 1; j < n_k; ++j) allowed(i, j) = 0;
      break;
    case MaskKind::key_padding:
      for (Eigen::Index j = 0; j < n_k; ++j)
        if (mask.key_is_padding[static_cast<std::size_t>(j)]) allowed.col(j).setZero();
      break;
    case MaskKind::custom:
      allowed = mask.allowed.cwiseMin(std::uint8_t{1});
      break;
  }
  return allowed;
}

void masked_softmax_rows_in_place(Matrix& logits, const BoolMatrix& allowed) {
  constexpr float hidden = -std::numeric_limits<float>::infinity();
  const bool everything_allowed = allowed.size() == 0;
  // Hidden entries become −∞ so that they neither win the row maximum nor get weight.
  if (!everything_allowed) logits = (allowed.array() != 0).select(logits, hidden);
  for (Eigen::Index i = 0; i < logits.rows(); ++i) {
    auto row = logits.row(i);
    // Subtract the row's largest allowed logit, for numerical stability: exp() of a large
    // positive score would overflow to Inf, and Inf/Inf is NaN.
    const float row_max = row.maxCoeff();
    if (row_max == hidden) {  // fully masked: the query attends to nothing
      row.setZero();
      continue;
    }
    exp_shifted_in_place(row.data(), row.size(), row_max);  // row-major: the row is contiguous
    // Hidden keys came out as a tiny e^−87.3, not 0: make them exactly 0.
    if (!everything_allowed) row.array() *= allowed.row(i).cast<float>().array();
    // Normalise. The sum is ≥ 1 because the max entry contributes exp(0) = 1.
    row /= row.sum();
  }
}

Matrix masked_softmax_rows(const MatrixRef& logits, const BoolMatrix& allowed) {
  Matrix weights = logits;
  masked_softmax_rows_in_place(weights, allowed);
  return weights;
}

std::string find_attention_input_problem(const MatrixRef& queries, const MatrixRef& keys,
                                         const MatrixRef& values,
                                         const AttentionOptions& options) {
  std::string problem = find_matrix_problem("Q (queries)", queries);
  if (problem.empty()) problem = find_matrix_problem("K (keys)", keys);
  if (problem.empty()) problem = find_matrix_problem("V (values)", values);
  if (!problem.empty()) return problem;

  if (queries.cols() != keys.cols())
    return "Q and K must have the same number of columns d_k, because each score is a dot "
           "product of a query row with a key row; Q is " + shape_text(queries.rows(), queries.cols()) +
           " and K is " + shape_text(keys.rows(), keys.cols()) + ".";
  if (keys.rows() != values.rows())
    return "K and V must have the same number of rows n_k (one value per key); K is " +
           shape_text(keys.rows(), keys.cols()) + " and V is " +
           shape_text(values.rows(), values.cols()) + ".";
  const long long score_entries = static_cast<long long>(queries.rows()) * keys.rows();
  if (score_entries > kMaxScoreEntries)
    return "Too many scores: n_q×n_k = " + shape_text(queries.rows(), keys.rows()) + " = " +
           std::to_string(score_entries) + " entries; at most " + std::to_string(kMaxScoreEntries) +
           " (for example 4096×4096) are allowed.";
  if (!std::isfinite(options.temperature) || options.temperature <= 0.0f)
    return "The temperature must be a finite number above 0; it was " +
           number_text(options.temperature) + ".";

  const Mask& mask = options.mask;
  if (mask.kind == MaskKind::key_padding &&
      static_cast<Eigen::Index>(mask.key_is_padding.size()) != keys.rows())
    return "The key-padding mask needs one entry per key (n_k = " + std::to_string(keys.rows()) +
           "); it has " + std::to_string(mask.key_is_padding.size()) + ".";
  if (mask.kind == MaskKind::custom &&
      (mask.allowed.rows() != queries.rows() || mask.allowed.cols() != keys.rows()))
    return "The custom mask must be n_q×n_k = " + shape_text(queries.rows(), keys.rows()) +
           "; it is " + shape_text(mask.allowed.rows(), mask.allowed.cols()) + ".";
  return {};
}

AttentionTrace scaled_dot_product_attention(const MatrixRef& queries, const MatrixRef& keys,
                                            const MatrixRef& values,
                                            const AttentionOptions& options) {
  const std::string problem = find_attention_input_problem(queries, keys, values, options);
  if (!problem.empty()) throw InvalidInput(problem);

  const auto d_k = static_cast<float>(queries.cols());
  const bool keep = options.keep_intermediate_steps;
  AttentionTrace trace;

  // Step 1: similarity of every query with every key. `logits` is the working matrix that
  // becomes the weights in place; the trace keeps a copy of each step only when asked to.
  Matrix logits;
  logits.noalias() = queries * keys.transpose();
  if (keep) trace.scores = logits;

  // Step 2: scale, so that the spread of the scores does not grow with d_k (the dot product
  // of two random d_k-vectors has variance ~d_k), which would push softmax into saturation.
  trace.scale = (options.scale_by_sqrt_dk ? 1.0f / std::sqrt(d_k) : 1.0f) / options.temperature;
  logits *= trace.scale;
  // Finite inputs can still overflow float32 (1e20·1e20); softmax of Inf would be NaN.
  if (!all_finite(logits))
    throw InvalidInput("The scores Q·Kᵀ overflowed float32 (their size went past about 3.4e38); "
                       "use smaller query and key values.");
  if (keep) trace.scaled = logits;

  // Step 3: the mask says which keys each query may see; softmax turns each row of allowed
  // scores into weights that sum to 1. Without a mask there is nothing to build.
  const bool masked = options.mask.kind != MaskKind::none;
  if (masked || keep) trace.allowed = allowed_keys(options.mask, queries.rows(), keys.rows());
  masked_softmax_rows_in_place(logits, masked ? trace.allowed : BoolMatrix());
  trace.weights = std::move(logits);

  // Step 4: each query's output is the weighted sum of the value rows.
  trace.output.noalias() = trace.weights * values;
  if (!keep) trace.allowed.resize(0, 0);
  return trace;
}

}  // namespace attention_lens
