// Multi-head attention: projections, concatenation and W_O.
#include "multi_head.hpp"
#include "test_helpers.hpp"

using namespace attention_lens;
using namespace attention_lens::testing;

namespace {

MultiHeadWeights seeded_weights(Eigen::Index d_model, Eigen::Index head_count, std::uint32_t seed) {
  const Eigen::Index d_k = d_model / head_count;
  MultiHeadWeights weights;
  for (Eigen::Index h = 0; h < head_count; ++h) {
    const auto s = seed + 10 * static_cast<std::uint32_t>(h);
    weights.heads.push_back({seeded_matrix(d_model, d_k, s), seeded_matrix(d_model, d_k, s + 1),
                             seeded_matrix(d_model, d_k, s + 2)});
  }
  weights.w_output = seeded_matrix(head_count * d_k, d_model, seed + 999);
  return weights;
}

}  // namespace

TEST_CASE("one head with identity projections is plain attention", "[multi-head]") {
  const Eigen::Index d_model = 8;
  const Matrix X = seeded_matrix(5, d_model, 101, 2.0f);
  const Matrix identity = Matrix::Identity(d_model, d_model);
  const MultiHeadWeights weights{{{identity, identity, identity}}, identity};

  const MultiHeadTrace multi = multi_head_attention(X, X, weights);
  const AttentionTrace plain = scaled_dot_product_attention(X, X, X);
  REQUIRE(multi.heads.size() == 1);
  require_close(multi.heads[0].attention.weights, plain.weights);
  require_close(multi.output, plain.output);
}

TEST_CASE("each head attends on its own, and W_O mixes the concatenation", "[multi-head]") {
  const Eigen::Index d_model = 12, head_count = 3, d_k = 4;
  const Matrix X = seeded_matrix(6, d_model, 201);
  const MultiHeadWeights weights = seeded_weights(d_model, head_count, 300);
  const MultiHeadTrace trace = multi_head_attention(X, X, weights);

  REQUIRE(trace.heads.size() == 3);
  for (Eigen::Index h = 0; h < head_count; ++h) {
    const HeadWeights& w = weights.heads[static_cast<std::size_t>(h)];
    const HeadTrace& head = trace.heads[static_cast<std::size_t>(h)];
    require_close(head.queries, X * w.w_query, 1e-5f);
    require_close(head.keys, X * w.w_key, 1e-5f);
    require_close(head.values, X * w.w_value, 1e-5f);
    const AttentionTrace expected =
        scaled_dot_product_attention(X * w.w_query, X * w.w_key, X * w.w_value);
    require_close(head.attention.weights, expected.weights, 1e-5f);
    require_close(trace.concatenated.middleCols(h * d_k, d_k), expected.output, 1e-5f);
  }
  REQUIRE(trace.output.rows() == 6);
  REQUIRE(trace.output.cols() == d_model);
  require_close(trace.output, trace.concatenated * weights.w_output, 1e-5f);
}

TEST_CASE("multi-head cross-attention and masks reach every head", "[multi-head]") {
  const Eigen::Index d_model = 8;
  const Matrix queries_from = seeded_matrix(3, d_model, 401);
  const Matrix keys_from = seeded_matrix(7, d_model, 402);
  const MultiHeadWeights weights = seeded_weights(d_model, 2, 500);
  AttentionOptions options;
  options.mask.kind = MaskKind::causal;
  const MultiHeadTrace trace = multi_head_attention(queries_from, keys_from, weights, options);
  REQUIRE(trace.output.rows() == 3);
  REQUIRE(trace.output.cols() == d_model);
  for (const HeadTrace& head : trace.heads) {
    REQUIRE(head.attention.weights.rows() == 3);
    REQUIRE(head.attention.weights.cols() == 7);
    REQUIRE(head.attention.weights(0, 1) == 0.0f);  // causal: query 0 sees key 0 only
  }
}

TEST_CASE("keys and values may come from different inputs", "[multi-head]") {
  const Eigen::Index d_model = 8;
  const Matrix X = seeded_matrix(4, d_model, 601), Y = seeded_matrix(4, d_model, 602);
  const MultiHeadWeights weights = seeded_weights(d_model, 2, 700);
  const MultiHeadTrace split = multi_head_attention(X, X, Y, weights);
  for (std::size_t h = 0; h < 2; ++h) {
    const HeadWeights& w = weights.heads[h];
    require_close(split.heads[h].values, Y * w.w_value, 1e-5f);
    const AttentionTrace expected = scaled_dot_product_attention(X * w.w_query, X * w.w_key, Y * w.w_value);
    require_close(split.heads[h].attention.weights, expected.weights, 1e-5f);
    require_close(split.heads[h].attention.output, expected.output, 1e-5f);
  }
  REQUIRE_THROWS_WITH(multi_head_attention(X, X, seeded_matrix(3, d_model, 1), weights),
                      Catch::Matchers::Contains("The value input must be n_k×d_model = 4×8") &&
                          Catch::Matchers::Contains("it is 3×8"));
}
