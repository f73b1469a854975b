// The tiny Transformer's shape and parameters: what the weights file stores, what the trainer
// learns and what inference runs (docs/model.md, "Model").
//
//   x = E[token] + P[position]                                          n×d
//   every layer but the last:   x += MHA(LN_a(x));   x += FFN(LN_f(x))   (pre-norm residuals)
//   last layer:                 a  = MHA(queries, keys from LN_a(x); values from LN_v(E[token]))
//   logits = LN_o(a)·Eᵀ + c                                              n×classes (a class is a word)
//
// The last layer's values read each token's own embedding, not the residual stream, so what a
// word can predict there comes only from the words it attends to: to name a pronoun's referent
// it has to look at the referent.
#pragma once

#include "multi_head.hpp"

#include <string>
#include <vector>

namespace attention_lens {

using RowVector = Eigen::RowVectorXf;

struct ModelConfig {
  int vocab_size = 0;     // including "[unk]" at id 0
  int class_count = 0;    // the classes the classifier names: one per word, = vocab_size (tied)
  int d_model = 32;
  int head_count = 4;     // d_model % head_count == 0
  int layer_count = 2;    // ≥ 1
  int d_ff = 64;          // feed-forward width (layers but the last)
  int max_positions = 64; // the longest sentence the model reads, in tokens
};

struct LayerNormWeights {
  RowVector gain;  // 1×d
  RowVector bias;  // 1×d
};

struct LayerWeights {
  LayerNormWeights attention_norm;  // LN_a
  MultiHeadWeights attention;       // head_count heads of W_Q, W_K, W_V (d×d_k); W_O (d×d)
  // Feed-forward, in every layer but the last (empty there):
  LayerNormWeights ffn_norm;        // LN_f
  Matrix ffn_in;                    // d×d_ff
  RowVector ffn_in_bias;            // 1×d_ff
  Matrix ffn_out;                   // d_ff×d
  RowVector ffn_out_bias;           // 1×d
};

struct ModelWeights {
  ModelConfig config;
  std::vector<std::string> vocabulary;   // vocab_size words, "[unk]" first
  std::vector<std::string> class_names;  // class_count names
  std::vector<std::string> head_labels;  // layer_count·head_count, layer-major; "" = no label
  Matrix token_embedding;                // vocab_size×d
  Matrix position_embedding;             // max_positions×d
  std::vector<LayerWeights> layers;      // layer_count
  LayerNormWeights value_norm;           // LN_v, for the last layer's values
  LayerNormWeights output_norm;          // LN_o
  RowVector classifier_bias;             // 1×class_count; the classifier's matrix is token_embedding (tied)
};

// An empty string when the config is sane, the vocabulary ("[unk]" first), class names and
// head labels have the config's counts, and every matrix has the shape the config says;
// else which one and how.
std::string find_weights_shape_problem(const ModelWeights& weights);

}  // namespace attention_lens
