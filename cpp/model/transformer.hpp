// The tiny Transformer encoder of model_weights.hpp: its forward pass, kept whole as a trace
// (the widget shows every layer's attention, the trainer backpropagates through it), and its
// backward pass.
#pragma once

#include "layer_norm.hpp"
#include "model_weights.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace attention_lens {

struct FeedForwardTrace {
  LayerNormTrace norm;             // LN_f(x)
  Matrix hidden_before_activation; // n×d_ff
  Matrix hidden;                   // n×d_ff  ReLU
  Matrix output;                   // n×d
};

struct LayerTrace {
  Matrix input;                    // n×d  the residual stream entering the layer
  LayerNormTrace attention_norm;   // LN_a(input): what queries and keys are projected from
  MultiHeadTrace attention;        // every head's Q, K, V, scores, weights, output
  Matrix head_scale;               // training only (head routing): n×heads, each head's factor before W_O
  bool has_feed_forward = false;   // every layer but the last
  FeedForwardTrace feed_forward;
  Matrix output;                   // n×d  leaving the layer (the last: its attention output)
};

struct TransformerTrace {
  std::vector<int> token_ids;
  int position_offset = 0;         // token i sits at position position_offset + i
  Matrix embedded;                 // n×d  E[token] + P[position]
  LayerNormTrace value_norm;       // LN_v(E[token]): the last layer's value input
  std::vector<LayerTrace> layers;
  LayerNormTrace output_norm;      // LN_o(last layer's output)
  Matrix logits;                   // n×class_count
};

// token_ids: 1..max_positions ids, each < vocab_size. The options (scaling, temperature, mask)
// apply to every layer's attention. Throws InvalidInput for ids or lengths it cannot use.
// last_layer_head_scale: training only — n×heads: for each token, one factor per head of the last
// layer, multiplying that head's output row before W_O (0 leaves the head out of that token's
// prediction: head routing, see trainer.cpp). Empty: every factor 1.
// position_offset: training only — token i reads position embedding P[position_offset + i], so
// that a word's position says nothing about its role (see trainer.cpp); inference starts at 0.
TransformerTrace run_transformer(const ModelWeights& weights, const std::vector<int>& token_ids,
                                 const AttentionOptions& options = {},
                                 const Matrix& last_layer_head_scale = Matrix(),
                                 int position_offset = 0);

// Cross-entropy of the tokens that have a target (target_class[i] ≥ 0), summed. Adds
// `scale` × its gradient with respect to every parameter into `gradients` (shaped like the
// weights: see zeros_like).
// head_overlap_scale > 0 (training only) adds `head_overlap_scale` × the gradient of the last
// layer's head overlap: over the tokens without a target, the mean over pairs of heads of the dot
// product of their two rows of weights, summed over those tokens. It is what the heads share
// where nothing asks them to look anywhere in particular; the overlap itself goes into
// *head_overlap (if given), unscaled.
//
// attention_targets (training only): a cross-entropy on the last layer's attention itself. For
// each token i with look_at[i] ≥ 0, −log of the heads' average weight from i to look_at[i] —
// the row the widget's grid shows — summed; `scale` × its gradient is added, and the sum itself,
// unscaled, goes into *value (if given).
struct AttentionTargetLoss {
  const std::vector<int>* look_at = nullptr;  // per token: the key it should look at, or -1
  float scale = 0.0f;
  double* value = nullptr;
};
double add_loss_gradients(const ModelWeights& weights, const TransformerTrace& trace,
                          const std::vector<int>& target_class, float scale,
                          ModelWeights& gradients, float head_overlap_scale = 0.0f,
                          double* head_overlap = nullptr,
                          const AttentionTargetLoss& attention_targets = {});

// A ModelWeights of the same shapes, all zeros (gradients, Adam moments).
ModelWeights zeros_like(const ModelWeights& weights);

// Fresh weights for training: small random projections (seeded), layer norms at identity.
ModelWeights initialize_weights(const ModelConfig& config, std::vector<std::string> vocabulary,
                                std::vector<std::string> class_names, std::uint32_t seed);

// Every parameter as a flat run of floats, in a fixed order: what Adam and the gradient
// checks walk over. The pointers stay valid while the weights are not resized.
struct ParameterView {
  std::string name;
  float* data;
  Eigen::Index size;
};
std::vector<ParameterView> parameter_views(ModelWeights& weights);

}  // namespace attention_lens
