// Multi-head attention: h heads each project the input into their own d_k-dimensional
// queries, keys and values, attend independently, and W_O mixes their outputs back into
// d_model dimensions. Each head can learn a different kind of link (pronoun → noun,
// verb → subject), which is why the widget shows every head's trace.
#pragma once

#include "attention.hpp"

#include <string>
#include <vector>

namespace attention_lens {

struct HeadWeights {
  Matrix w_query;  // d_model×d_k
  Matrix w_key;    // d_model×d_k
  Matrix w_value;  // d_model×d_k
};

struct MultiHeadWeights {
  std::vector<HeadWeights> heads;  // h heads; d_k = d_model / h
  Matrix w_output;                 // (h·d_k)×d_model, applied to the concatenated head outputs
};

struct HeadTrace {
  Matrix queries;  // n_q×d_k  query_input·W_Q
  Matrix keys;     // n_k×d_k  key_value_input·W_K
  Matrix values;   // n_k×d_k  key_value_input·W_V
  AttentionTrace attention;
};

struct MultiHeadTrace {
  std::vector<HeadTrace> heads;
  Matrix concatenated;  // n_q×(h·d_k)  the heads' outputs side by side
  Matrix output;        // n_q×d_model  concatenated·W_O
};

// An empty string when the inputs can be used, else what was expected and what arrived.
std::string find_multi_head_input_problem(const MatrixRef& query_input,
                                          const MatrixRef& key_input,
                                          const MatrixRef& value_input,
                                          const MultiHeadWeights& weights,
                                          const AttentionOptions& options);

// query_input: n_q×d_model; key_value_input: n_k×d_model (pass the same matrix twice for
// self-attention). Throws InvalidInput when the inputs cannot be used.
MultiHeadTrace multi_head_attention(const MatrixRef& query_input, const MatrixRef& key_value_input,
                                    const MultiHeadWeights& weights,
                                    const AttentionOptions& options = {});

// The same with keys and values projected from different inputs (both n_k×d_model): the
// model's last layer reads its values from each token's own embedding.
MultiHeadTrace multi_head_attention(const MatrixRef& query_input, const MatrixRef& key_input,
                                    const MatrixRef& value_input, const MultiHeadWeights& weights,
                                    const AttentionOptions& options = {});

}  // namespace attention_lens
