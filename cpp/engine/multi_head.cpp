#include "multi_head.hpp"
#include "validation.hpp"

namespace attention_lens {

std::string find_multi_head_input_problem(const MatrixRef& query_input,
                                          const MatrixRef& key_input,
                                          const MatrixRef& value_input,
                                          const MultiHeadWeights& weights,
                                          const AttentionOptions& options) {
  const bool shared_key_value = key_input.data() == value_input.data() &&
                                key_input.rows() == value_input.rows() &&
                                key_input.cols() == value_input.cols();
  const std::string key_name = shared_key_value ? "The key/value input" : "The key input";
  std::string problem = find_matrix_problem("The query input", query_input);
  if (problem.empty()) problem = find_matrix_problem(key_name, key_input);
  if (problem.empty() && !shared_key_value) problem = find_matrix_problem("The value input", value_input);
  if (!problem.empty()) return problem;

  const Eigen::Index d_model = query_input.cols();
  if (key_input.cols() != d_model)
    return "The query input and the " + std::string(shared_key_value ? "key/value" : "key") +
           " input must both have d_model columns; they are " +
           shape_text(query_input.rows(), query_input.cols()) + " and " +
           shape_text(key_input.rows(), key_input.cols()) + ".";
  if (value_input.rows() != key_input.rows() || value_input.cols() != d_model)
    return "The value input must be n_k×d_model = " + shape_text(key_input.rows(), d_model) +
           " like the key input; it is " + shape_text(value_input.rows(), value_input.cols()) + ".";
  const auto head_count = static_cast<Eigen::Index>(weights.heads.size());
  if (head_count == 0) return "Multi-head attention needs at least one head; it was given 0.";
  if (d_model % head_count != 0)
    return std::to_string(head_count) + " heads do not divide d_model = " +
           std::to_string(d_model) + ": d_model must be a multiple of the number of heads, "
           "so that each head gets d_k = d_model / h columns.";

  const Eigen::Index d_k = d_model / head_count;
  for (Eigen::Index h = 0; h < head_count; ++h) {
    const HeadWeights& head = weights.heads[static_cast<std::size_t>(h)];
    const std::string prefix = "Head " + std::to_string(h) + "'s ";
    problem = find_shape_problem(prefix + "W_Q", head.w_query, d_model, d_k);
    if (problem.empty()) problem = find_shape_problem(prefix + "W_K", head.w_key, d_model, d_k);
    if (problem.empty()) problem = find_shape_problem(prefix + "W_V", head.w_value, d_model, d_k);
    if (!problem.empty()) return problem + " (d_model = " + std::to_string(d_model) + ", h = " +
                                 std::to_string(head_count) + ", d_k = d_model / h)";
  }
  problem = find_shape_problem("W_O", weights.w_output, head_count * d_k, d_model);
  if (!problem.empty()) return problem;

  // The per-head attention sees n_q×d_k queries and n_k×d_k keys; check its own limits
  // (mask shapes, temperature, size) on matrices of those shapes.
  const Matrix probe_q = Matrix::Zero(query_input.rows(), 1);
  const Matrix probe_kv = Matrix::Zero(key_input.rows(), 1);
  return find_attention_input_problem(probe_q, probe_kv, probe_kv, options);
}

MultiHeadTrace multi_head_attention(const MatrixRef& query_input, const MatrixRef& key_value_input,
                                    const MultiHeadWeights& weights,
                                    const AttentionOptions& options) {
  return multi_head_attention(query_input, key_value_input, key_value_input, weights, options);
}

MultiHeadTrace multi_head_attention(const MatrixRef& query_input, const MatrixRef& key_input,
                                    const MatrixRef& value_input, const MultiHeadWeights& weights,
                                    const AttentionOptions& options) {
  const std::string problem =
      find_multi_head_input_problem(query_input, key_input, value_input, weights, options);
  if (!problem.empty()) throw InvalidInput(problem);

  const Eigen::Index d_k = query_input.cols() / static_cast<Eigen::Index>(weights.heads.size());
  MultiHeadTrace trace;
  trace.concatenated.resize(query_input.rows(), d_k * static_cast<Eigen::Index>(weights.heads.size()));
  trace.heads.reserve(weights.heads.size());

  for (std::size_t h = 0; h < weights.heads.size(); ++h) {
    const HeadWeights& w = weights.heads[h];
    HeadTrace head;
    // Each head projects the input into its own query, key and value spaces.
    head.queries.noalias() = query_input * w.w_query;
    head.keys.noalias() = key_input * w.w_key;
    head.values.noalias() = value_input * w.w_value;
    head.attention = scaled_dot_product_attention(head.queries, head.keys, head.values, options);
    trace.concatenated.middleCols(static_cast<Eigen::Index>(h) * d_k, d_k) = head.attention.output;
    trace.heads.push_back(std::move(head));
  }
  // W_O mixes what the heads found back into the model's d_model dimensions.
  trace.output.noalias() = trace.concatenated * weights.w_output;
  return trace;
}

}  // namespace attention_lens
