// Layer normalisation of each row, forward and backward (the model's LN_a, LN_f, LN_v, LN_o).
//   y = (x − mean(x)) / sqrt(var(x) + ε) · gain + bias        per row of n×d
#pragma once

#include "model_weights.hpp"

namespace attention_lens {

constexpr float kLayerNormEpsilon = 1e-5f;

struct LayerNormTrace {
  Matrix normalized;   // n×d  (x − mean) / std, before gain and bias
  Eigen::VectorXf inverse_std;  // n  1 / sqrt(var + ε)
  Matrix output;       // n×d
};

LayerNormTrace layer_norm(const MatrixRef& input, const LayerNormWeights& weights);

// Given dL/d(output), returns dL/d(input) and adds dL/d(gain), dL/d(bias) into `gradients`.
Matrix layer_norm_backward(const LayerNormTrace& trace, const LayerNormWeights& weights,
                           const MatrixRef& output_gradient, LayerNormWeights& gradients);

}  // namespace attention_lens
