#include "attention_backward.hpp"

namespace attention_lens {

AttentionGradients attention_backward(const HeadTrace& head, const MatrixRef& output_gradient,
                                      const Matrix* weights_gradient_extra) {
  const Matrix& weights = head.attention.weights;  // n_q×n_k
  AttentionGradients gradients;
  // output = W·V
  gradients.values.noalias() = weights.transpose() * output_gradient;
  Matrix weights_gradient = output_gradient * head.values.transpose();
  if (weights_gradient_extra) weights_gradient += *weights_gradient_extra;
  // Softmax, row by row: dS = W ⊙ (dW − Σ_j dW_j·W_j). Hidden keys have W = 0, so they get 0.
  const Eigen::VectorXf row_dot = (weights_gradient.array() * weights.array()).rowwise().sum();
  const Matrix scores_gradient =
      (weights.array() * (weights_gradient.array().colwise() - row_dot.array())).matrix() *
      head.attention.scale;
  // scores = Q·Kᵀ
  gradients.queries.noalias() = scores_gradient * head.keys;
  gradients.keys.noalias() = scores_gradient.transpose() * head.queries;
  return gradients;
}

MultiHeadInputGradients multi_head_backward(const MatrixRef& query_input,
                                            const MatrixRef& key_input,
                                            const MatrixRef& value_input,
                                            const MultiHeadWeights& weights,
                                            const MultiHeadTrace& trace,
                                            const MatrixRef& output_gradient,
                                            MultiHeadWeights& gradients,
                                            const Matrix& head_scale,
                                            const std::vector<Matrix>& weights_gradients_extra) {
  // output = concatenated·W_O
  gradients.w_output.noalias() += trace.concatenated.transpose() * output_gradient;
  const Matrix concatenated_gradient = output_gradient * weights.w_output.transpose();

  MultiHeadInputGradients inputs{Matrix::Zero(query_input.rows(), query_input.cols()),
                                 Matrix::Zero(key_input.rows(), key_input.cols()),
                                 Matrix::Zero(value_input.rows(), value_input.cols())};
  const auto d_k = trace.heads.front().queries.cols();
  for (std::size_t h = 0; h < trace.heads.size(); ++h) {
    const HeadWeights& w = weights.heads[h];
    HeadWeights& g = gradients.heads[h];
    Matrix head_output_gradient = concatenated_gradient.middleCols(static_cast<Eigen::Index>(h) * d_k, d_k);
    if (head_scale.size() > 0)
      head_output_gradient.array().colwise() *= head_scale.col(static_cast<Eigen::Index>(h)).array();
    const AttentionGradients head = attention_backward(
        trace.heads[h], head_output_gradient,
        weights_gradients_extra.empty() ? nullptr : &weights_gradients_extra[h]);
    // Q = X_q·W_Q, K = X_k·W_K, V = X_v·W_V
    g.w_query.noalias() += query_input.transpose() * head.queries;
    g.w_key.noalias() += key_input.transpose() * head.keys;
    g.w_value.noalias() += value_input.transpose() * head.values;
    inputs.query_input.noalias() += head.queries * w.w_query.transpose();
    inputs.key_input.noalias() += head.keys * w.w_key.transpose();
    inputs.value_input.noalias() += head.values * w.w_value.transpose();
  }
  return inputs;
}

}  // namespace attention_lens
