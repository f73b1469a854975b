#include "transformer.hpp"

#include "attention_backward.hpp"

#include <cmath>
#include <random>

namespace attention_lens {

namespace {

FeedForwardTrace feed_forward(const MatrixRef& input, const LayerWeights& layer) {
  FeedForwardTrace trace;
  trace.norm = layer_norm(input, layer.ffn_norm);
  trace.hidden_before_activation =
      (trace.norm.output * layer.ffn_in).rowwise() + layer.ffn_in_bias;
  trace.hidden = trace.hidden_before_activation.cwiseMax(0.0f);
  trace.output = (trace.hidden * layer.ffn_out).rowwise() + layer.ffn_out_bias;
  return trace;
}

// Returns dL/d(input of the feed-forward block) through its layer norm.
Matrix feed_forward_backward(const FeedForwardTrace& trace, const LayerWeights& layer,
                             const MatrixRef& output_gradient, LayerWeights& gradients) {
  gradients.ffn_out.noalias() += trace.hidden.transpose() * output_gradient;
  gradients.ffn_out_bias += output_gradient.colwise().sum();
  const Matrix hidden_gradient =
      ((output_gradient * layer.ffn_out.transpose()).array() *
       (trace.hidden_before_activation.array() > 0.0f).cast<float>())
          .matrix();
  gradients.ffn_in.noalias() += trace.norm.output.transpose() * hidden_gradient;
  gradients.ffn_in_bias += hidden_gradient.colwise().sum();
  const Matrix norm_gradient = hidden_gradient * layer.ffn_in.transpose();
  return layer_norm_backward(trace.norm, layer.ffn_norm, norm_gradient, gradients.ffn_norm);
}

Matrix embedding_rows(const Matrix& table, const std::vector<int>& ids) {
  Matrix rows(static_cast<Eigen::Index>(ids.size()), table.cols());
  for (std::size_t i = 0; i < ids.size(); ++i) rows.row(static_cast<Eigen::Index>(i)) = table.row(ids[i]);
  return rows;
}

}  // namespace

TransformerTrace run_transformer(const ModelWeights& weights, const std::vector<int>& token_ids,
                                 const AttentionOptions& options,
                                 const Matrix& last_layer_head_scale,
                                 int position_offset) {
  const ModelConfig& config = weights.config;
  const auto n = static_cast<int>(token_ids.size());
  if (n == 0) throw InvalidInput("The model needs at least one token; the sentence has none.");
  if (n > config.max_positions)
    throw InvalidInput("The model reads at most " + std::to_string(config.max_positions) +
                       " tokens; this sentence has " + std::to_string(n) + ".");
  if (position_offset < 0 || position_offset > config.max_positions - n)
    throw InvalidInput("A position offset of " + std::to_string(position_offset) + " leaves no room for " +
                       std::to_string(n) + " tokens in " + std::to_string(config.max_positions) +
                       " positions.");
  for (int i = 0; i < n; ++i)
    if (token_ids[i] < 0 || token_ids[i] >= config.vocab_size)
      throw InvalidInput("Token " + std::to_string(i) + " has id " + std::to_string(token_ids[i]) +
                         "; ids run from 0 to " + std::to_string(config.vocab_size - 1) + ".");

  TransformerTrace trace;
  trace.token_ids = token_ids;
  trace.position_offset = position_offset;
  const Matrix token_rows = embedding_rows(weights.token_embedding, token_ids);
  trace.embedded = token_rows + weights.position_embedding.middleRows(position_offset, n);
  trace.value_norm = layer_norm(token_rows, weights.value_norm);

  const Matrix* stream = &trace.embedded;
  for (int l = 0; l < config.layer_count; ++l) {
    const LayerWeights& layer = weights.layers[static_cast<std::size_t>(l)];
    const bool last = l == config.layer_count - 1;
    LayerTrace layer_trace;
    layer_trace.input = *stream;
    layer_trace.attention_norm = layer_norm(layer_trace.input, layer.attention_norm);
    const Matrix& normed = layer_trace.attention_norm.output;
    if (last) {
      // Queries and keys from the context; values from each token's own embedding.
      layer_trace.attention = multi_head_attention(normed, normed, trace.value_norm.output,
                                                   layer.attention, options);
      if (last_layer_head_scale.size() > 0) {
        if (last_layer_head_scale.rows() != n || last_layer_head_scale.cols() != config.head_count)
          throw InvalidInput("The last layer's head scale must be tokens×heads = " + std::to_string(n) + "×" +
                             std::to_string(config.head_count) + "; it is " + std::to_string(last_layer_head_scale.rows()) +
                             "×" + std::to_string(last_layer_head_scale.cols()) + ".");
        MultiHeadTrace& attention = layer_trace.attention;
        const Eigen::Index d_k = config.d_model / config.head_count;
        for (int h = 0; h < config.head_count; ++h)
          attention.concatenated.middleCols(h * d_k, d_k).array().colwise() *= last_layer_head_scale.col(h).array();
        attention.output.noalias() = attention.concatenated * layer.attention.w_output;
        layer_trace.head_scale = last_layer_head_scale;
      }
      layer_trace.output = layer_trace.attention.output;
    } else {
      layer_trace.attention = multi_head_attention(normed, normed, layer.attention, options);
      const Matrix after_attention = layer_trace.input + layer_trace.attention.output;
      layer_trace.has_feed_forward = true;
      layer_trace.feed_forward = feed_forward(after_attention, layer);
      layer_trace.output = after_attention + layer_trace.feed_forward.output;
    }
    trace.layers.push_back(std::move(layer_trace));
    stream = &trace.layers.back().output;
  }
  trace.output_norm = layer_norm(*stream, weights.output_norm);
  // The classifier is tied to the token embedding (a class is a word): logit of word c = LN_o(a)·E[c].
  trace.logits = (trace.output_norm.output * weights.token_embedding.transpose()).rowwise() + weights.classifier_bias;
  return trace;
}

double add_loss_gradients(const ModelWeights& weights, const TransformerTrace& trace,
                          const std::vector<int>& target_class, float scale,
                          ModelWeights& gradients, float head_overlap_scale,
                          double* head_overlap, const AttentionTargetLoss& attention_targets) {
  const ModelConfig& config = weights.config;
  const Eigen::Index n = trace.logits.rows();

  // Gradients with respect to the last layer's attention weights, one matrix per head (empty:
  // none), from the two terms on attention itself below.
  std::vector<Matrix> weight_gradients;
  // The last layer's head overlap: O = Σ_{i untargeted} (1/P) Σ_{h<g} a_h[i]·a_g[i] over the P
  // pairs of heads, so dO/da_h[i] = (1/P)·(Σ_g a_g[i] − a_h[i]).
  if (head_overlap_scale > 0.0f || head_overlap) {
    const std::vector<HeadTrace>& heads = trace.layers.back().attention.heads;
    const auto head_count = static_cast<double>(heads.size());
    const double pairs = head_count * (head_count - 1.0) / 2.0;
    Matrix sum = Matrix::Zero(n, n);
    for (const HeadTrace& head : heads) sum += head.attention.weights;
    double overlap = 0.0;
    Eigen::VectorXf untargeted(n);
    for (Eigen::Index i = 0; i < n; ++i) {
      untargeted(i) = target_class[static_cast<std::size_t>(i)] < 0 ? 1.0f : 0.0f;
      if (untargeted(i) == 0.0f || pairs == 0.0) continue;
      double squares = 0.0;  // Σ_{h<g} a_h·a_g = (|Σ a|² − Σ |a_h|²) / 2
      for (const HeadTrace& head : heads) squares += head.attention.weights.row(i).squaredNorm();
      overlap += (sum.row(i).squaredNorm() - squares) / 2.0 / pairs;
    }
    if (head_overlap) *head_overlap = overlap;
    if (head_overlap_scale > 0.0f && pairs > 0.0)
      for (const HeadTrace& head : heads)
        weight_gradients.push_back(((sum - head.attention.weights).array().colwise() * untargeted.array()).matrix() *
                                    static_cast<float>(head_overlap_scale / pairs));
  }

  // The attention targets: T = Σ_i −log(ā[i, t_i]) with ā = (1/H) Σ_h a_h, so
  // dT/da_h[i, t_i] = −1 / (H · ā[i, t_i]) for every head h, and 0 elsewhere.
  if (attention_targets.look_at && (attention_targets.scale > 0.0f || attention_targets.value)) {
    const std::vector<HeadTrace>& heads = trace.layers.back().attention.heads;
    const auto head_count = static_cast<float>(heads.size());
    if (weight_gradients.empty())
      for (const HeadTrace& head : heads) weight_gradients.push_back(Matrix::Zero(n, head.attention.weights.cols()));
    double value = 0.0;
    for (Eigen::Index i = 0; i < n; ++i) {
      const int key = (*attention_targets.look_at)[static_cast<std::size_t>(i)];
      if (key < 0) continue;
      float average = 0.0f;
      for (const HeadTrace& head : heads) average += head.attention.weights(i, key) / head_count;
      average = std::max(average, 1e-12f);  // a weight is a softmax: never 0 but by underflow
      value -= std::log(static_cast<double>(average));
      for (Matrix& gradient : weight_gradients) gradient(i, key) -= attention_targets.scale / (head_count * average);
    }
    if (attention_targets.value) *attention_targets.value = value;
  }

  // Cross-entropy at the targeted tokens: d(loss)/d(logits) = softmax − one-hot.
  double loss = 0.0;
  Matrix logits_gradient = Matrix::Zero(n, trace.logits.cols());
  for (Eigen::Index i = 0; i < n; ++i) {
    const int target = target_class[static_cast<std::size_t>(i)];
    if (target < 0) continue;
    const auto row = trace.logits.row(i);
    const float row_max = row.maxCoeff();
    const Eigen::RowVectorXf exps = (row.array() - row_max).exp().matrix();
    const float sum = exps.sum();
    loss += std::log(static_cast<double>(sum)) - static_cast<double>(row(target) - row_max);
    logits_gradient.row(i) = exps / sum;
    logits_gradient(i, target) -= 1.0f;
  }
  logits_gradient *= scale;

  // Classifier and output norm.
  gradients.token_embedding.noalias() += logits_gradient.transpose() * trace.output_norm.output;
  gradients.classifier_bias += logits_gradient.colwise().sum();
  Matrix stream_gradient = layer_norm_backward(
      trace.output_norm, weights.output_norm, logits_gradient * weights.token_embedding,
      gradients.output_norm);

  static const std::vector<Matrix> kNoExtraGradients;  // the layers below the last (no copy)
  Matrix token_gradient = Matrix::Zero(n, config.d_model);  // into E[token]
  for (int l = config.layer_count - 1; l >= 0; --l) {
    const LayerWeights& layer = weights.layers[static_cast<std::size_t>(l)];
    LayerWeights& layer_gradients = gradients.layers[static_cast<std::size_t>(l)];
    const LayerTrace& layer_trace = trace.layers[static_cast<std::size_t>(l)];
    const Matrix& normed = layer_trace.attention_norm.output;
    const bool last = l == config.layer_count - 1;

    Matrix attention_output_gradient;
    Matrix residual_gradient;  // the part that skips the attention block
    if (last) {
      attention_output_gradient = stream_gradient;
      residual_gradient = Matrix::Zero(n, config.d_model);
    } else {
      // output = a + FFN(a), with a = input + attention
      const Matrix after_attention_gradient =
          stream_gradient + feed_forward_backward(layer_trace.feed_forward, layer,
                                                  stream_gradient, layer_gradients);
      attention_output_gradient = after_attention_gradient;
      residual_gradient = after_attention_gradient;
    }
    const Matrix& value_input = last ? trace.value_norm.output : normed;
    const MultiHeadInputGradients inputs =
        multi_head_backward(normed, normed, value_input, layer.attention, layer_trace.attention,
                            attention_output_gradient, layer_gradients.attention,
                            layer_trace.head_scale, last ? weight_gradients : kNoExtraGradients);
    Matrix normed_gradient = inputs.query_input + inputs.key_input;
    if (last) {
      token_gradient += layer_norm_backward(trace.value_norm, weights.value_norm,
                                            inputs.value_input, gradients.value_norm);
    } else {
      normed_gradient += inputs.value_input;
    }
    stream_gradient = residual_gradient + layer_norm_backward(layer_trace.attention_norm,
                                                              layer.attention_norm, normed_gradient,
                                                              layer_gradients.attention_norm);
  }

  // x0 = E[token] + P[position]
  token_gradient += stream_gradient;
  for (Eigen::Index i = 0; i < n; ++i) {
    gradients.token_embedding.row(trace.token_ids[static_cast<std::size_t>(i)]) += token_gradient.row(i);
    gradients.position_embedding.row(trace.position_offset + i) += stream_gradient.row(i);
  }
  return loss;
}

ModelWeights zeros_like(const ModelWeights& weights) {
  ModelWeights zeros = weights;
  for (ParameterView& view : parameter_views(zeros)) std::fill(view.data, view.data + view.size, 0.0f);
  return zeros;
}

std::vector<ParameterView> parameter_views(ModelWeights& weights) {
  std::vector<ParameterView> views;
  const auto add = [&views](const std::string& name, auto& matrix) {
    if (matrix.size() > 0) views.push_back({name, matrix.data(), matrix.size()});
  };
  const auto add_norm = [&add](const std::string& name, LayerNormWeights& norm) {
    add(name + ".gain", norm.gain);
    add(name + ".bias", norm.bias);
  };
  add("token_embedding", weights.token_embedding);
  add("position_embedding", weights.position_embedding);
  for (std::size_t l = 0; l < weights.layers.size(); ++l) {
    LayerWeights& layer = weights.layers[l];
    const std::string prefix = "layer" + std::to_string(l) + ".";
    add_norm(prefix + "attention_norm", layer.attention_norm);
    for (std::size_t h = 0; h < layer.attention.heads.size(); ++h) {
      const std::string head = prefix + "head" + std::to_string(h) + ".";
      add(head + "w_query", layer.attention.heads[h].w_query);
      add(head + "w_key", layer.attention.heads[h].w_key);
      add(head + "w_value", layer.attention.heads[h].w_value);
    }
    add(prefix + "w_output", layer.attention.w_output);
    add_norm(prefix + "ffn_norm", layer.ffn_norm);
    add(prefix + "ffn_in", layer.ffn_in);
    add(prefix + "ffn_in_bias", layer.ffn_in_bias);
    add(prefix + "ffn_out", layer.ffn_out);
    add(prefix + "ffn_out_bias", layer.ffn_out_bias);
  }
  add_norm("value_norm", weights.value_norm);
  add_norm("output_norm", weights.output_norm);
  add("classifier_bias", weights.classifier_bias);
  return views;
}

ModelWeights initialize_weights(const ModelConfig& config, std::vector<std::string> vocabulary,
                                std::vector<std::string> class_names, std::uint32_t seed) {
  std::mt19937 generator(seed);
  std::normal_distribution<float> normal(0.0f, 1.0f);
  // Gaussian entries with standard deviation 1/√fan_in: activations keep their scale.
  const auto random = [&](Eigen::Index rows, Eigen::Index cols, float stddev) {
    Matrix m(rows, cols);
    for (Eigen::Index i = 0; i < m.size(); ++i) m.data()[i] = stddev * normal(generator);
    return m;
  };
  const auto identity_norm = [&config] {
    return LayerNormWeights{RowVector::Ones(config.d_model), RowVector::Zero(config.d_model)};
  };
  const int d = config.d_model, d_k = d / config.head_count;
  const float projection_scale = 1.0f / std::sqrt(static_cast<float>(d));

  ModelWeights w;
  w.config = config;
  w.vocabulary = std::move(vocabulary);
  w.class_names = std::move(class_names);
  w.head_labels.assign(static_cast<std::size_t>(config.layer_count * config.head_count), "");
  w.token_embedding = random(config.vocab_size, d, 1.0f);
  w.position_embedding = random(config.max_positions, d, 0.3f);
  for (int l = 0; l < config.layer_count; ++l) {
    LayerWeights layer;
    layer.attention_norm = identity_norm();
    for (int h = 0; h < config.head_count; ++h)
      layer.attention.heads.push_back({random(d, d_k, projection_scale), random(d, d_k, projection_scale),
                                       random(d, d_k, projection_scale)});
    layer.attention.w_output = random(d, d, projection_scale);
    if (l < config.layer_count - 1) {
      layer.ffn_norm = identity_norm();
      layer.ffn_in = random(d, config.d_ff, projection_scale);
      layer.ffn_in_bias = RowVector::Zero(config.d_ff);
      layer.ffn_out = random(config.d_ff, d, 1.0f / std::sqrt(static_cast<float>(config.d_ff)));
      layer.ffn_out_bias = RowVector::Zero(d);
    }
    w.layers.push_back(std::move(layer));
  }
  w.value_norm = identity_norm();
  w.output_norm = identity_norm();
  w.classifier_bias = RowVector::Zero(config.class_count);
  return w;
}

}  // namespace attention_lens
