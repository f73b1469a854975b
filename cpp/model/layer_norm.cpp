#include "layer_norm.hpp"

#include <cmath>

namespace attention_lens {

LayerNormTrace layer_norm(const MatrixRef& input, const LayerNormWeights& weights) {
  const Eigen::Index n = input.rows(), d = input.cols();
  LayerNormTrace trace;
  trace.normalized.resize(n, d);
  trace.inverse_std.resize(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const float mean = input.row(i).mean();
    const auto centered = (input.row(i).array() - mean).matrix();
    const float variance = centered.squaredNorm() / static_cast<float>(d);
    trace.inverse_std(i) = 1.0f / std::sqrt(variance + kLayerNormEpsilon);
    trace.normalized.row(i) = centered * trace.inverse_std(i);
  }
  trace.output = (trace.normalized.array().rowwise() * weights.gain.array()).rowwise() +
                 weights.bias.array();
  return trace;
}

Matrix layer_norm_backward(const LayerNormTrace& trace, const LayerNormWeights& weights,
                           const MatrixRef& output_gradient, LayerNormWeights& gradients) {
  gradients.gain += (output_gradient.array() * trace.normalized.array()).colwise().sum().matrix();
  gradients.bias += output_gradient.colwise().sum();

  // With x̂ the normalized row and g = dL/dx̂ = dL/dy · gain:
  //   dL/dx = (g − mean(g) − x̂ · mean(g ⊙ x̂)) / std
  const Matrix normalized_gradient = output_gradient.array().rowwise() * weights.gain.array();
  const auto d = static_cast<float>(trace.normalized.cols());
  Matrix input_gradient(trace.normalized.rows(), trace.normalized.cols());
  for (Eigen::Index i = 0; i < input_gradient.rows(); ++i) {
    const auto g = normalized_gradient.row(i);
    const auto x_hat = trace.normalized.row(i);
    const float mean_g = g.sum() / d;
    const float mean_g_x = g.dot(x_hat) / d;
    input_gradient.row(i) =
        ((g.array() - mean_g) - x_hat.array() * mean_g_x) * trace.inverse_std(i);
  }
  return input_gradient;
}

}  // namespace attention_lens
