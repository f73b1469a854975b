#include "model_weights.hpp"

namespace attention_lens {
namespace {

// "layer 1 head 0 W_Q": layers and heads are counted from 0, as they are stored.
std::string layer_name(std::size_t layer) { return "layer " + std::to_string(layer); }

// `name` must be rows×cols; `formula` says where that shape comes from ("vocab_size×d_model").
template <typename Tensor>
std::string check_shape(const std::string& name, const Tensor& tensor, Eigen::Index rows,
                        Eigen::Index cols, const char* formula) {
  if (tensor.rows() == rows && tensor.cols() == cols) return {};
  return name + " must be " + formula + " = " + shape_text(rows, cols) + "; it is " +
         shape_text(tensor.rows(), tensor.cols()) + ".";
}

std::string check_norm(const std::string& name, const LayerNormWeights& norm, Eigen::Index d) {
  std::string problem = check_shape(name + " gain", norm.gain, 1, d, "1×d_model");
  if (problem.empty()) problem = check_shape(name + " bias", norm.bias, 1, d, "1×d_model");
  return problem;
}

// The last layer has no feed-forward: its members must hold nothing at all.
template <typename Tensor>
std::string check_empty(const std::string& name, const Tensor& tensor) {
  if (tensor.size() == 0) return {};
  return name + " must be empty (the last layer has no feed-forward); it is " +
         shape_text(tensor.rows(), tensor.cols()) + ".";
}

std::string check_config(const ModelConfig& c) {
  const auto at_least_one = [](const char* name, int value) -> std::string {
    if (value >= 1) return {};
    return std::string(name) + " must be at least 1; it is " + std::to_string(value) + ".";
  };
  std::string problem = at_least_one("vocab_size", c.vocab_size);
  if (problem.empty()) problem = at_least_one("d_model", c.d_model);
  if (problem.empty()) problem = at_least_one("head_count", c.head_count);
  if (problem.empty()) problem = at_least_one("layer_count", c.layer_count);
  if (problem.empty()) problem = at_least_one("d_ff", c.d_ff);
  if (problem.empty()) problem = at_least_one("max_positions", c.max_positions);
  if (!problem.empty()) return problem;
  if (c.class_count != c.vocab_size)  // the classifier is the token embedding (tied): a class is a word
    return "class_count must equal vocab_size = " + std::to_string(c.vocab_size) +
           " (the classifier is tied to the token embedding); it is " + std::to_string(c.class_count) + ".";
  if (c.d_model % c.head_count != 0)
    return "head_count = " + std::to_string(c.head_count) + " does not divide d_model = " +
           std::to_string(c.d_model) + "; each head needs d_k = d_model / head_count columns.";
  return {};
}

std::string check_count(const char* name, std::size_t actual, long long expected,
                        const char* formula) {
  if (static_cast<long long>(actual) == expected) return {};
  return std::string(name) + " must have " + formula + " = " + std::to_string(expected) +
         " entries; it has " + std::to_string(actual) + ".";
}

std::string check_layer(const LayerWeights& layer, std::size_t l, const ModelConfig& c) {
  const Eigen::Index d = c.d_model, d_k = c.d_model / c.head_count, d_ff = c.d_ff;
  const std::string prefix = layer_name(l) + " ";
  std::string problem = check_norm(prefix + "attention_norm", layer.attention_norm, d);
  if (!problem.empty()) return problem;
  if (layer.attention.heads.size() != static_cast<std::size_t>(c.head_count))
    return prefix + "must have head_count = " + std::to_string(c.head_count) + " heads; it has " +
           std::to_string(layer.attention.heads.size()) + ".";
  for (std::size_t h = 0; h < layer.attention.heads.size(); ++h) {
    const HeadWeights& head = layer.attention.heads[h];
    const std::string head_prefix = prefix + "head " + std::to_string(h) + " ";
    problem = check_shape(head_prefix + "W_Q", head.w_query, d, d_k, "d_model×d_k");
    if (problem.empty()) problem = check_shape(head_prefix + "W_K", head.w_key, d, d_k, "d_model×d_k");
    if (problem.empty()) problem = check_shape(head_prefix + "W_V", head.w_value, d, d_k, "d_model×d_k");
    if (!problem.empty()) return problem;
  }
  problem = check_shape(prefix + "W_O", layer.attention.w_output, d, d, "d_model×d_model");
  if (!problem.empty()) return problem;

  if (l + 1 == static_cast<std::size_t>(c.layer_count)) {
    problem = check_empty(prefix + "ffn_norm gain", layer.ffn_norm.gain);
    if (problem.empty()) problem = check_empty(prefix + "ffn_norm bias", layer.ffn_norm.bias);
    if (problem.empty()) problem = check_empty(prefix + "ffn_in", layer.ffn_in);
    if (problem.empty()) problem = check_empty(prefix + "ffn_in_bias", layer.ffn_in_bias);
    if (problem.empty()) problem = check_empty(prefix + "ffn_out", layer.ffn_out);
    if (problem.empty()) problem = check_empty(prefix + "ffn_out_bias", layer.ffn_out_bias);
    return problem;
  }
  problem = check_norm(prefix + "ffn_norm", layer.ffn_norm, d);
  if (problem.empty()) problem = check_shape(prefix + "ffn_in", layer.ffn_in, d, d_ff, "d_model×d_ff");
  if (problem.empty()) problem = check_shape(prefix + "ffn_in_bias", layer.ffn_in_bias, 1, d_ff, "1×d_ff");
  if (problem.empty()) problem = check_shape(prefix + "ffn_out", layer.ffn_out, d_ff, d, "d_ff×d_model");
  if (problem.empty()) problem = check_shape(prefix + "ffn_out_bias", layer.ffn_out_bias, 1, d, "1×d_model");
  return problem;
}

}  // namespace

std::string find_weights_shape_problem(const ModelWeights& w) {
  const ModelConfig& c = w.config;
  std::string problem = check_config(c);
  if (!problem.empty()) return problem;

  // 1. The names the widget shows.
  problem = check_count("The vocabulary", w.vocabulary.size(), c.vocab_size, "vocab_size");
  if (!problem.empty()) return problem;
  if (w.vocabulary[0] != "[unk]")  // id 0 is where every unknown word goes
    return "The vocabulary must start with \"[unk]\"; its first word is \"" + w.vocabulary[0] + "\".";
  problem = check_count("class_names", w.class_names.size(), c.class_count, "class_count");
  if (problem.empty())
    problem = check_count("head_labels", w.head_labels.size(),
                          static_cast<long long>(c.layer_count) * c.head_count,
                          "layer_count·head_count");
  if (!problem.empty()) return problem;

  // 2. Every parameter, in the order of the weights file.
  const Eigen::Index d = c.d_model;
  problem = check_shape("token_embedding", w.token_embedding, c.vocab_size, d, "vocab_size×d_model");
  if (problem.empty())
    problem = check_shape("position_embedding", w.position_embedding, c.max_positions, d,
                          "max_positions×d_model");
  if (!problem.empty()) return problem;
  if (w.layers.size() != static_cast<std::size_t>(c.layer_count))
    return "The model must have layer_count = " + std::to_string(c.layer_count) +
           " layers; it has " + std::to_string(w.layers.size()) + ".";
  for (std::size_t l = 0; l < w.layers.size(); ++l) {
    problem = check_layer(w.layers[l], l, c);
    if (!problem.empty()) return problem;
  }
  problem = check_norm("value_norm", w.value_norm, d);
  if (problem.empty()) problem = check_norm("output_norm", w.output_norm, d);
  if (problem.empty())
    problem = check_shape("classifier_bias", w.classifier_bias, 1, c.class_count, "1×class_count");
  return problem;
}

}  // namespace attention_lens
