#include "attention.hpp"
#include "attention_kernels.hpp"
#include "exp_kernel.hpp"
#include "validation.hpp"

#include <cmath>
#include <limits>

namespace attention_lens {


void fill_allowed_keys(const Mask& mask, Eigen::Index n_q, Eigen::Index n_k, BoolMatrix& allowed) {
  if (mask.kind == MaskKind::custom) {
    allowed = mask.allowed.cwiseMin(std::uint8_t{1});
    return;
  }
  allowed.resize(n_q, n_k);
  allowed.setOnes();
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
      break;  // filled above
  }
}

BoolMatrix allowed_keys(const Mask& mask, Eigen::Index n_q, Eigen::Index n_k) {
  BoolMatrix allowed;
  fill_allowed_keys(mask, n_q, n_k, allowed);
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

void scaled_dot_product_attention(const MatrixRef& queries, const MatrixRef& keys,
                                  const MatrixRef& values, const AttentionOptions& options,
                                  AttentionTrace& trace) {
  const std::string problem = find_attention_input_problem(queries, keys, values, options);
  if (!problem.empty()) throw InvalidInput(problem);

  const Eigen::Index n_q = queries.rows(), n_k = keys.rows(), d_k = queries.cols(),
                     d_v = values.cols();
  const bool keep = options.keep_intermediate_steps;
  const bool masked = options.mask.kind != MaskKind::none;
  // Matrices the trace does not keep are emptied; the others are resized, which reuses their
  // memory when `trace` already had this shape (Eigen reallocates only on a change of size).
  if (!keep) {
    trace.scores.resize(0, 0);
    trace.scaled.resize(0, 0);
  }
  trace.weights.resize(n_q, n_k);
  trace.output.resize(n_q, d_v);

  // Step 1: similarity of every query with every key. When the trace keeps the scores the
  // product goes straight into them; otherwise into the weights, which step 3 overwrites row
  // by row in place.
  Matrix& scores = keep ? trace.scores : trace.weights;
  if (keep) scores.resize(n_q, n_k);
  kernels::multiply_by_transpose(queries.data(), queries.outerStride(), keys.data(),
                                 keys.outerStride(), n_q, n_k, d_k, scores.data(), n_k);

  // Step 2: scale, so that the spread of the scores does not grow with d_k (the dot product
  // of two random d_k-vectors has variance ~d_k), which would push softmax into saturation.
  trace.scale = (options.scale_by_sqrt_dk ? 1.0f / std::sqrt(static_cast<float>(d_k)) : 1.0f) /
                options.temperature;
  if (keep) trace.scaled.resize(n_q, n_k);

  // Step 3: the mask says which keys each query may see. Without a mask there is nothing to
  // build unless the trace shows it (all ones).
  if (masked || keep)
    fill_allowed_keys(options.mask, n_q, n_k, trace.allowed);
  else
    trace.allowed.resize(0, 0);

  // Steps 2 and 3 fused: each row is scaled, masked and turned into weights that sum to 1
  // while it is in the cache, instead of three passes over the whole n_q×n_k matrix.
  for (Eigen::Index i = 0; i < n_q; ++i) {
    const bool finite = kernels::scale_mask_softmax_row(
        scores.data() + i * n_k, keep ? trace.scaled.data() + i * n_k : nullptr,
        masked ? trace.allowed.data() + i * n_k : nullptr, trace.weights.data() + i * n_k, n_k,
        trace.scale);
    // Finite inputs can still overflow float32 (1e20·1e20); softmax of Inf would be NaN.
    if (!finite)
      throw InvalidInput("The scores Q·Kᵀ overflowed float32 (their size went past about 3.4e38); "
                         "use smaller query and key values.");
  }
  if (!keep) trace.allowed.resize(0, 0);

  // Step 4: each query's output is the weighted sum of the value rows. Under the causal mask
  // query i's weights past key i are 0, and the kernel skips them.
  kernels::multiply(trace.weights.data(), n_k, values.data(), values.outerStride(), n_q, n_k, d_v,
                    trace.output.data(), d_v, options.mask.kind == MaskKind::causal);
}

AttentionTrace scaled_dot_product_attention(const MatrixRef& queries, const MatrixRef& keys,
                                            const MatrixRef& values,
                                            const AttentionOptions& options) {
  AttentionTrace trace;
  scaled_dot_product_attention(queries, keys, values, options, trace);
  return trace;
}

}  // namespace attention_lens
