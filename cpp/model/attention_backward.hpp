// Backpropagation through the engine's attention, from the trace it already keeps: the
// softmax weights and each head's Q, K, V are exactly what the gradients need.
#pragma once

#include "multi_head.hpp"

#include <vector>

namespace attention_lens {

struct AttentionGradients {
  Matrix queries;  // n_q×d_k
  Matrix keys;     // n_k×d_k
  Matrix values;   // n_k×d_v
};

// One head: output = softmax(scale·Q·Kᵀ, mask)·V, given dL/d(output) (n_q×d_v), and optionally
// a loss's own gradient with respect to the softmax weights (n_q×n_k; null: none), such as the
// heads' overlap in training (transformer.hpp).
AttentionGradients attention_backward(const HeadTrace& head, const MatrixRef& output_gradient,
                                      const Matrix* weights_gradient_extra = nullptr);

struct MultiHeadInputGradients {
  Matrix query_input;  // n_q×d_model
  Matrix key_input;    // n_k×d_model
  Matrix value_input;  // n_k×d_model
};

// Multi-head attention as computed by multi_head_attention(query_input, key_input,
// value_input, weights): returns the inputs' gradients and adds the weights' into `gradients`.
// `head_scale` (empty, or n_q×heads: one factor per token and head) is the factor each head's
// output row was multiplied by before W_O (head routing in training); trace.concatenated must
// hold the scaled outputs. `weights_gradients_extra`: empty, or one n_q×n_k matrix per head,
// added to that head's gradient with respect to its softmax weights.
MultiHeadInputGradients multi_head_backward(const MatrixRef& query_input,
                                            const MatrixRef& key_input,
                                            const MatrixRef& value_input,
                                            const MultiHeadWeights& weights,
                                            const MultiHeadTrace& trace,
                                            const MatrixRef& output_gradient,
                                            MultiHeadWeights& gradients,
                                            const Matrix& head_scale = Matrix(),
                                            const std::vector<Matrix>& weights_gradients_extra = {});

}  // namespace attention_lens
