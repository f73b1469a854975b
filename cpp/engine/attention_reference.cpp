#include "attention_reference.hpp"
#include "validation.hpp"

#include <cmath>

namespace attention_lens {

AttentionTrace reference_attention(const MatrixRef& queries, const MatrixRef& keys,
                                   const MatrixRef& values, const AttentionOptions& options) {
  const std::string problem = find_attention_input_problem(queries, keys, values, options);
  if (!problem.empty()) throw InvalidInput(problem);

  AttentionTrace trace;
  // Step 1: similarity of every query with every key.
  trace.scores.noalias() = queries * keys.transpose();
  // Step 2: scale by 1/√d_k (and the temperature).
  const auto d_k = static_cast<float>(queries.cols());
  trace.scale = (options.scale_by_sqrt_dk ? 1.0f / std::sqrt(d_k) : 1.0f) / options.temperature;
  trace.scaled = trace.scores * trace.scale;
  if (!all_finite(trace.scaled))
    throw InvalidInput("The scores Q·Kᵀ overflowed float32 (their size went past about 3.4e38); "
                       "use smaller query and key values.");
  // Step 3: mask and softmax each row.
  trace.allowed = allowed_keys(options.mask, queries.rows(), keys.rows());
  trace.weights =
      masked_softmax_rows(trace.scaled, options.mask.kind == MaskKind::none ? BoolMatrix() : trace.allowed);
  // Step 4: weighted sum of the values.
  trace.output.noalias() = trace.weights * values;
  return trace;
}

}  // namespace attention_lens
