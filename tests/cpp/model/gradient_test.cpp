// Every backward pass against finite differences: layer norm, attention (softmax included,
// with and without a mask), multi-head attention, and the whole model (feed-forward,
// embeddings, classifier and loss) parameter by parameter.
#include "attention_backward.hpp"
#include "layer_norm.hpp"
#include "seeded_matrix.hpp"
#include "transformer.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <utility>

using namespace attention_lens;
using attention_lens::testing::seeded_matrix;

namespace {

// Central difference of `loss` with respect to `value`, in float with a step large enough
// that float rounding of the loss (~1e-7 relative) stays far below the tolerance.
double numeric_derivative(float& value, const std::function<double()>& loss, float step = 1e-2f) {
  const float saved = value;
  value = saved + step;
  const double up = loss();
  value = saved - step;
  const double down = loss();
  value = saved;
  return (up - down) / (2.0 * static_cast<double>(step));
}

// The feed-forward's ReLU has kinks; a step that straddles one gives a wrong slope. So when
// the first step disagrees, a 4× smaller one gets a second chance (seen here: a pre-activation
// of 0.0013 made step 1e-2 read 0.088 where the limit is 0.0963 = the analytic value).
void require_gradient_matches(const std::string& what, float& value, float analytic,
                              const std::function<double()>& loss, float step = 1e-2f) {
  const auto close = [analytic](double numeric) {
    return std::abs(numeric - analytic) <= 2e-3 + 2e-2 * std::abs(numeric);
  };
  double numeric = numeric_derivative(value, loss, step);
  if (!close(numeric)) numeric = numeric_derivative(value, loss, step / 4);
  INFO(what << ": analytic " << analytic << ", numeric " << numeric);
  REQUIRE(close(numeric));
}

// A 3-head, 2-layer model of 11 words, its query and key projections 4× larger than at
// initialisation, so that the heads' rows are far from uniform (the terms on attention weights
// then have gradients worth checking).
ModelWeights sharp_three_head_model(std::uint32_t seed) {
  ModelConfig config;
  config.vocab_size = 11;
  config.class_count = 11;
  config.d_model = 9;
  config.head_count = 3;  // three pairs of heads, d_k 3
  config.layer_count = 2;
  config.d_ff = 12;
  config.max_positions = 5;
  std::vector<std::string> vocabulary{"[unk]"};
  for (int i = 1; i < config.vocab_size; ++i) vocabulary.push_back("w" + std::to_string(i));
  ModelWeights weights = initialize_weights(config, vocabulary, vocabulary, seed);
  for (ParameterView& view : parameter_views(weights))
    if (view.name.find("w_query") != std::string::npos || view.name.find("w_key") != std::string::npos)
      for (Eigen::Index i = 0; i < view.size; ++i) view.data[i] *= 4.0f;
  return weights;
}

// Every parameter of `weights` (a spread of entries of the large ones) against `loss`'s finite
// differences.
void require_model_gradients_match(ModelWeights& weights, ModelWeights& gradients,
                                   const std::function<double()>& loss, float step) {
  std::vector<ParameterView> parameters = parameter_views(weights);
  const std::vector<ParameterView> analytic = parameter_views(gradients);
  for (std::size_t p = 0; p < parameters.size(); ++p) {
    const Eigen::Index stride = parameters[p].size > 40 ? 5 : 1;
    for (Eigen::Index i = 0; i < parameters[p].size; i += stride)
      require_gradient_matches(parameters[p].name + "[" + std::to_string(i) + "]",
                               parameters[p].data[i], analytic[p].data[i], loss, step);
  }
}

// A fixed random linear read-out of a matrix, so that d(loss)/d(matrix) = probe.
double probe_loss(const MatrixRef& m, const Matrix& probe) {
  return static_cast<double>((m.array() * probe.array()).sum());
}

}  // namespace

TEST_CASE("layer norm backward matches finite differences", "[gradients]") {
  Matrix input = seeded_matrix(4, 6, 1, 2.0f);
  LayerNormWeights weights{seeded_matrix(1, 6, 2) + Matrix::Ones(1, 6), seeded_matrix(1, 6, 3)};
  const Matrix probe = seeded_matrix(4, 6, 4);
  const auto loss = [&] { return probe_loss(layer_norm(input, weights).output, probe); };

  LayerNormWeights gradients{RowVector::Zero(6), RowVector::Zero(6)};
  const Matrix input_gradient = layer_norm_backward(layer_norm(input, weights), weights, probe, gradients);
  for (Eigen::Index i = 0; i < input.size(); ++i)
    require_gradient_matches("input " + std::to_string(i), input.data()[i], input_gradient.data()[i], loss);
  for (Eigen::Index j = 0; j < 6; ++j) {
    require_gradient_matches("gain", weights.gain(j), gradients.gain(j), loss);
    require_gradient_matches("bias", weights.bias(j), gradients.bias(j), loss);
  }
}

TEST_CASE("attention backward (softmax included) matches finite differences", "[gradients]") {
  for (const MaskKind mask : {MaskKind::none, MaskKind::causal}) {
    Matrix q = seeded_matrix(5, 4, 10, 1.5f), k = seeded_matrix(5, 4, 11, 1.5f), v = seeded_matrix(5, 3, 12);
    AttentionOptions options;
    options.mask.kind = mask;
    const Matrix probe = seeded_matrix(5, 3, 13);
    const auto run = [&] {
      HeadTrace head{q, k, v, scaled_dot_product_attention(q, k, v, options)};
      return head;
    };
    const auto loss = [&] { return probe_loss(run().attention.output, probe); };
    const AttentionGradients gradients = attention_backward(run(), probe);
    for (Eigen::Index i = 0; i < q.size(); ++i) {
      require_gradient_matches("dQ", q.data()[i], gradients.queries.data()[i], loss);
      require_gradient_matches("dK", k.data()[i], gradients.keys.data()[i], loss);
    }
    for (Eigen::Index i = 0; i < v.size(); ++i)
      require_gradient_matches("dV", v.data()[i], gradients.values.data()[i], loss);
  }
}

TEST_CASE("multi-head backward matches finite differences for inputs and weights", "[gradients]") {
  const Eigen::Index d = 6, heads = 2, d_k = 3;
  Matrix x_q = seeded_matrix(4, d, 20), x_k = seeded_matrix(5, d, 21), x_v = seeded_matrix(5, d, 22);
  MultiHeadWeights weights;
  for (Eigen::Index h = 0; h < heads; ++h)
    weights.heads.push_back({seeded_matrix(d, d_k, 30 + h), seeded_matrix(d, d_k, 40 + h), seeded_matrix(d, d_k, 50 + h)});
  weights.w_output = seeded_matrix(d, d, 60);
  const Matrix probe = seeded_matrix(4, d, 61);
  const auto loss = [&] { return probe_loss(multi_head_attention(x_q, x_k, x_v, weights).output, probe); };

  MultiHeadWeights gradients = weights;
  for (HeadWeights& h : gradients.heads) { h.w_query.setZero(); h.w_key.setZero(); h.w_value.setZero(); }
  gradients.w_output.setZero();
  const MultiHeadInputGradients inputs = multi_head_backward(
      x_q, x_k, x_v, weights, multi_head_attention(x_q, x_k, x_v, weights), probe, gradients);

  for (Eigen::Index i = 0; i < x_q.size(); ++i) require_gradient_matches("query input", x_q.data()[i], inputs.query_input.data()[i], loss);
  for (Eigen::Index i = 0; i < x_k.size(); ++i) require_gradient_matches("key input", x_k.data()[i], inputs.key_input.data()[i], loss);
  for (Eigen::Index i = 0; i < x_v.size(); ++i) require_gradient_matches("value input", x_v.data()[i], inputs.value_input.data()[i], loss);
  for (std::size_t h = 0; h < weights.heads.size(); ++h)
    for (Eigen::Index i = 0; i < d * d_k; ++i) {
      require_gradient_matches("W_Q", weights.heads[h].w_query.data()[i], gradients.heads[h].w_query.data()[i], loss);
      require_gradient_matches("W_K", weights.heads[h].w_key.data()[i], gradients.heads[h].w_key.data()[i], loss);
      require_gradient_matches("W_V", weights.heads[h].w_value.data()[i], gradients.heads[h].w_value.data()[i], loss);
    }
  for (Eigen::Index i = 0; i < weights.w_output.size(); ++i)
    require_gradient_matches("W_O", weights.w_output.data()[i], gradients.w_output.data()[i], loss);
}

TEST_CASE("the whole model's gradients match finite differences, every parameter tensor", "[gradients]") {
  ModelConfig config;
  config.vocab_size = 13;
  config.class_count = 13;  // = vocab_size: the classifier is the token embedding (tied)
  config.d_model = 8;
  config.head_count = 2;
  config.layer_count = 2;
  config.d_ff = 12;
  config.max_positions = 6;
  std::vector<std::string> vocabulary{"[unk]"}, classes;
  for (int i = 1; i < config.vocab_size; ++i) vocabulary.push_back("w" + std::to_string(i));
  classes = vocabulary;
  ModelWeights weights = initialize_weights(config, vocabulary, classes, 7);
  // Move the layer norms and biases off their initial values so their gradients are general.
  for (ParameterView& view : parameter_views(weights))
    if (view.name.find("norm") != std::string::npos || view.name.find("bias") != std::string::npos)
      for (Eigen::Index i = 0; i < view.size; ++i) view.data[i] += 0.3f * std::sin(static_cast<float>(i) + 1.0f);

  const std::vector<int> tokens{3, 1, 4, 1, 5};  // a repeated token: its embedding gradient adds up
  const std::vector<int> targets{-1, 12, 2, -1, 7};
  // With head routing: per token, the last layer's heads kept (1) or left out (0) — here every
  // pattern, and a factor other than 0 and 1.
  Matrix routed(5, 2);
  routed << 1, 1, 0, 1, 1, 0, 0.5f, 2, 1, 1;
  const Matrix head_scale = GENERATE_COPY(Matrix(), routed);
  // Positions from 0, and shifted by one as the trainer's position offsets do (5 tokens, 6
  // positions): the gradient must land on the rows that were read, and row 0 then gets none.
  const int offset = GENERATE(0, 1);
  const auto loss = [&] {
    ModelWeights unused = zeros_like(weights);
    return add_loss_gradients(weights, run_transformer(weights, tokens, {}, head_scale, offset), targets, 1.0f, unused);
  };
  ModelWeights gradients = zeros_like(weights);
  add_loss_gradients(weights, run_transformer(weights, tokens, {}, head_scale, offset), targets, 1.0f, gradients);
  if (offset == 1) REQUIRE(gradients.position_embedding.row(0).isZero());

  std::vector<ParameterView> parameters = parameter_views(weights);
  const std::vector<ParameterView> analytic = parameter_views(gradients);
  REQUIRE(parameters.size() == analytic.size());
  // The classifier is the token embedding (tied): only its bias is a tensor of its own.
  REQUIRE(parameters.size() == 2 + (2 + 2 * 3 + 1 + 6) + (2 + 2 * 3 + 1) + 2 + 2 + 1);
  for (std::size_t p = 0; p < parameters.size(); ++p) {
    // Every entry of small tensors, a spread of entries of large ones.
    const Eigen::Index stride = parameters[p].size > 40 ? 7 : 1;
    for (Eigen::Index i = 0; i < parameters[p].size; i += stride)
      require_gradient_matches(parameters[p].name + "[" + std::to_string(i) + "]",
                               parameters[p].data[i], analytic[p].data[i], loss, 4e-3f);
  }
}

TEST_CASE("the heads' overlap term: its value, and its gradients match finite differences", "[gradients]") {
  ModelWeights weights = sharp_three_head_model(9);
  const std::vector<int> tokens{2, 7, 3, 9};
  const std::vector<int> targets{-1, 4, -1, -1};  // token 1 has a target: its row is left out

  // The value by hand: rows 0, 2, 3, each the mean over the 3 pairs of heads of their dot product.
  const TransformerTrace trace = run_transformer(weights, tokens);
  const std::vector<HeadTrace>& heads = trace.layers.back().attention.heads;
  double expected = 0.0;
  for (const Eigen::Index i : {0, 2, 3})
    for (std::size_t h = 0; h < heads.size(); ++h)
      for (std::size_t g = h + 1; g < heads.size(); ++g)
        expected += heads[h].attention.weights.row(i).dot(heads[g].attention.weights.row(i)) / 3.0;
  double overlap = -1.0;
  ModelWeights unused = zeros_like(weights);
  add_loss_gradients(weights, trace, targets, 1.0f, unused, 0.0f, &overlap);
  REQUIRE(overlap == Approx(expected).epsilon(1e-5));
  REQUIRE(expected > 0.0);

  // The cross-entropy (scale 0.5) and the overlap (scale 2) together.
  const auto loss = [&] {
    ModelWeights ignored = zeros_like(weights);
    double head_overlap = 0.0;
    const double cross_entropy =
        add_loss_gradients(weights, run_transformer(weights, tokens), targets, 0.5f, ignored, 0.0f, &head_overlap);
    return 0.5 * cross_entropy + 2.0 * head_overlap;
  };
  ModelWeights gradients = zeros_like(weights);
  add_loss_gradients(weights, run_transformer(weights, tokens), targets, 0.5f, gradients, 2.0f);
  require_model_gradients_match(weights, gradients, loss, 4e-3f);
  // And the term is not lost on the way: the last layer's queries get another gradient with it.
  ModelWeights without = zeros_like(weights);
  add_loss_gradients(weights, run_transformer(weights, tokens), targets, 0.5f, without);
  REQUIRE_FALSE(without.layers[1].attention.heads[0].w_query.isApprox(gradients.layers[1].attention.heads[0].w_query, 1e-3f));
}

TEST_CASE("the attention-target term: its value, and its gradients match finite differences", "[gradients]") {
  ModelWeights weights = sharp_three_head_model(13);
  const std::vector<int> tokens{2, 7, 3, 9};
  const std::vector<int> targets{-1, 4, -1, 5};
  const std::vector<int> look_at{-1, 0, -1, 1};  // token 1 should look at token 0, token 3 at token 1

  // The value by hand: −log of the heads' average weight, rows 1 and 3.
  const TransformerTrace trace = run_transformer(weights, tokens);
  const std::vector<HeadTrace>& heads = trace.layers.back().attention.heads;
  double expected = 0.0;
  for (const auto& [row, key] : {std::pair{1, 0}, std::pair{3, 1}}) {
    double average = 0.0;
    for (const HeadTrace& head : heads) average += head.attention.weights(row, key) / 3.0;
    expected -= std::log(average);
  }
  double value = -1.0;
  ModelWeights unused = zeros_like(weights);
  add_loss_gradients(weights, trace, targets, 1.0f, unused, 0.0f, nullptr, {&look_at, 0.0f, &value});
  REQUIRE(value == Approx(expected).epsilon(1e-5));
  REQUIRE(expected > 0.0);

  // The cross-entropy (scale 0.5) and the attention targets (scale 1.5) together.
  const auto loss = [&] {
    ModelWeights ignored = zeros_like(weights);
    double attention = 0.0;
    const double cross_entropy = add_loss_gradients(weights, run_transformer(weights, tokens), targets, 0.5f,
                                                    ignored, 0.0f, nullptr, {&look_at, 0.0f, &attention});
    return 0.5 * cross_entropy + 1.5 * attention;
  };
  ModelWeights gradients = zeros_like(weights);
  add_loss_gradients(weights, run_transformer(weights, tokens), targets, 0.5f, gradients, 0.0f, nullptr,
                     {&look_at, 1.5f});
  // A smaller step: −log has more curvature than the overlap's products.
  require_model_gradients_match(weights, gradients, loss, 1e-3f);
  // The term alone (the cross-entropy's scale 0) reaches the last layer's keys and the layer
  // below, but not the last layer's values: it is about where the heads look, not what they carry.
  ModelWeights alone = zeros_like(weights);
  add_loss_gradients(weights, run_transformer(weights, tokens), targets, 0.0f, alone, 0.0f, nullptr, {&look_at, 1.5f});
  float last_keys = 0.0f, last_values = 0.0f, first_layer = 0.0f;
  for (const auto& head : alone.layers[1].attention.heads) {
    last_keys += head.w_key.norm();
    last_values += head.w_value.norm();
  }
  for (const auto& head : alone.layers[0].attention.heads) first_layer += head.w_value.norm();
  REQUIRE(last_keys > 1e-3f);
  REQUIRE(last_values == 0.0f);
  REQUIRE(first_layer > 1e-3f);
}

TEST_CASE("a position offset must leave room for the sentence, and shifts which positions are read", "[gradients]") {
  ModelConfig config;
  config.vocab_size = 5;
  config.class_count = 5;
  config.d_model = 8;
  config.head_count = 2;
  config.layer_count = 2;
  config.d_ff = 12;
  config.max_positions = 6;
  const ModelWeights weights = initialize_weights(config, {"[unk]", "a", "b", "c", "d"}, {"0", "1", "2", "3", "4"}, 3);
  const std::vector<int> tokens{1, 2, 3, 4};
  // Positions 2..5 are the last ones there are; 3..6 would read past them.
  const TransformerTrace shifted = run_transformer(weights, tokens, {}, {}, 2);
  const Matrix expected = weights.position_embedding.middleRows(2, 4) +
                          weights.token_embedding(std::vector<int>{1, 2, 3, 4}, Eigen::all);
  CHECK((shifted.embedded - expected).cwiseAbs().maxCoeff() == 0.0f);
  CHECK_THROWS_WITH(run_transformer(weights, tokens, {}, {}, 3),
                    "A position offset of 3 leaves no room for 4 tokens in 6 positions.");
  CHECK_THROWS_WITH(run_transformer(weights, tokens, {}, {}, -1),
                    "A position offset of -1 leaves no room for 4 tokens in 6 positions.");
}
