// Scaled dot-product attention: the slide's four steps, checked by hand and by property.
#include "attention.hpp"
#include "test_helpers.hpp"

#include <cmath>

using namespace attention_lens;
using namespace attention_lens::testing;

TEST_CASE("a small example worked out by hand, step by step", "[attention]") {
  // d_k = 4, so 1/√d_k = 0.5 exactly.
  const Matrix Q = matrix_of(2, 4, {1, 1, 1, 1,
                                    0, 0, 2, 2});
  const Matrix K = matrix_of(3, 4, {1, 1, 1, 1,
                                    1, 1, 0, 0,
                                    0, 0, 0, 0});
  const Matrix V = matrix_of(3, 2, {1, 0,
                                    0, 1,
                                    10, 10});
  const AttentionTrace trace = scaled_dot_product_attention(Q, K, V);

  // Step 1: scores = Q·Kᵀ. Row 0: 1+1+1+1, 1+1, 0. Row 1: 2+2, 0, 0.
  require_close(trace.scores, matrix_of(2, 3, {4, 2, 0,
                                               4, 0, 0}));
  // Step 2: ÷√4.
  REQUIRE(trace.scale == 0.5f);
  require_close(trace.scaled, matrix_of(2, 3, {2, 1, 0,
                                               2, 0, 0}));
  // Step 3: softmax. Row 0: e²,e¹,e⁰ / (e²+e+1) = 7.389056/11.107338, ...
  //                  Row 1: e²/(e²+2) = 7.389056/9.389056, 1/9.389056, 1/9.389056.
  require_close(trace.weights, matrix_of(2, 3, {0.6652410f, 0.2447285f, 0.0900306f,
                                                0.7869860f, 0.1065070f, 0.1065070f}));
  // Step 4: output = weights·V. Row 0: (0.665241 + 0.900306, 0.244728 + 0.900306).
  require_close(trace.output, matrix_of(2, 2, {1.5655467f, 1.1450342f,
                                               1.8520558f, 1.1715768f}), 2e-6f);
  // No mask: every key allowed.
  REQUIRE(trace.allowed.minCoeff() == 1);
}

TEST_CASE("every row of weights sums to 1 and every weight is in [0, 1]", "[attention]") {
  const auto [n_q, n_k, d_k] = GENERATE(table<int, int, int>({{1, 1, 1}, {7, 7, 8}, {16, 5, 64}, {3, 40, 16}}));
  const Matrix Q = seeded_matrix(n_q, d_k, 1, 3.0f);
  const Matrix K = seeded_matrix(n_k, d_k, 2, 3.0f);
  const Matrix V = seeded_matrix(n_k, 3, 3);
  const AttentionTrace trace = scaled_dot_product_attention(Q, K, V);
  for (Eigen::Index i = 0; i < n_q; ++i) REQUIRE(std::abs(trace.weights.row(i).sum() - 1.0f) <= 1e-6f);
  REQUIRE(trace.weights.minCoeff() >= 0.0f);
  REQUIRE(trace.weights.maxCoeff() <= 1.0f);
}

TEST_CASE("scores are divided by √d_k, unless scaling is switched off", "[attention][scaling]") {
  const Matrix Q = seeded_matrix(4, 64, 11), K = seeded_matrix(6, 64, 12), V = seeded_matrix(6, 2, 13);

  const AttentionTrace scaled = scaled_dot_product_attention(Q, K, V);
  REQUIRE(scaled.scale == Approx(1.0 / 8.0));  // √64 = 8
  require_close(scaled.scaled, scaled.scores / 8.0f);

  AttentionOptions unscaled_options;
  unscaled_options.scale_by_sqrt_dk = false;
  const AttentionTrace unscaled = scaled_dot_product_attention(Q, K, V, unscaled_options);
  REQUIRE(unscaled.scale == 1.0f);
  require_close(unscaled.scaled, unscaled.scores);

  // Without the scaling the rows are sharper: their largest weight grows.
  for (Eigen::Index i = 0; i < 4; ++i)
    REQUIRE(unscaled.weights.row(i).maxCoeff() >= scaled.weights.row(i).maxCoeff());
}

TEST_CASE("temperature divides the scaled scores", "[attention][scaling]") {
  const Matrix Q = seeded_matrix(3, 16, 21), K = seeded_matrix(5, 16, 22), V = seeded_matrix(5, 4, 23);
  AttentionOptions options;
  options.temperature = 2.0f;
  const AttentionTrace hot = scaled_dot_product_attention(Q, K, V, options);
  REQUIRE(hot.scale == Approx(1.0 / (4.0 * 2.0)));
  require_close(hot.scaled, hot.scores / 8.0f);

  // T = 2 at √d_k = 4 is the same as no scaling at T = 8.
  AttentionOptions same;
  same.scale_by_sqrt_dk = false;
  same.temperature = 8.0f;
  require_close(scaled_dot_product_attention(Q, K, V, same).weights, hot.weights);
}

TEST_CASE("softmax does not change when a constant is added to a row", "[attention][softmax]") {
  const Matrix logits = seeded_matrix(5, 9, 31, 4.0f);
  Matrix shifted = logits;
  for (Eigen::Index i = 0; i < shifted.rows(); ++i) shifted.row(i).array() += 100.0f * static_cast<float>(i) - 250.0f;
  // Tolerance: adding 250 to a float32 logit rounds it to within ~1.5e-5, and the weights
  // move by that relative amount; without the max-subtraction they would be Inf/NaN.
  require_close(masked_softmax_rows(shifted, BoolMatrix()), masked_softmax_rows(logits, BoolMatrix()), 2e-5f);
}

TEST_CASE("scores of ±1e4 give exact 0s and 1s, never NaN or Inf", "[attention][softmax]") {
  const Matrix logits = matrix_of(3, 3, {1e4f, -1e4f, 0,
                                         -1e4f, -1e4f, -1e4f,
                                         1e4f, 1e4f, -1e4f});
  const Matrix weights = masked_softmax_rows(logits, BoolMatrix());
  REQUIRE(weights.allFinite());
  require_close(weights, matrix_of(3, 3, {1, 0, 0,
                                          1.0f / 3, 1.0f / 3, 1.0f / 3,
                                          0.5f, 0.5f, 0}));

  // The same through the whole attention: huge queries and keys, unscaled.
  const Matrix Q = matrix_of(1, 1, {100}), K = matrix_of(2, 1, {100, -100}), V = matrix_of(2, 1, {1, 2});
  AttentionOptions options;
  options.scale_by_sqrt_dk = false;
  const AttentionTrace trace = scaled_dot_product_attention(Q, K, V, options);
  REQUIRE(trace.weights.allFinite());
  REQUIRE(trace.output(0, 0) == 1.0f);
}

TEST_CASE("causal mask: no weight above the diagonal", "[attention][mask]") {
  const Eigen::Index n = 6;
  const Matrix X = seeded_matrix(n, 8, 41);
  AttentionOptions options;
  options.mask.kind = MaskKind::causal;
  const AttentionTrace trace = scaled_dot_product_attention(X, X, X, options);
  for (Eigen::Index i = 0; i < n; ++i) {
    for (Eigen::Index j = i + 1; j < n; ++j) {
      REQUIRE(trace.weights(i, j) == 0.0f);
      REQUIRE(trace.allowed(i, j) == 0);
    }
    REQUIRE(std::abs(trace.weights.row(i).sum() - 1.0f) <= 1e-6f);
  }
  // The first token can only look at itself.
  REQUIRE(trace.weights(0, 0) == 1.0f);
  require_close(trace.output.row(0), X.row(0));
}

TEST_CASE("key-padding mask hides the padded keys from every query", "[attention][mask]") {
  const Matrix Q = seeded_matrix(3, 4, 51), K = seeded_matrix(5, 4, 52), V = seeded_matrix(5, 2, 53);
  AttentionOptions options;
  options.mask.kind = MaskKind::key_padding;
  options.mask.key_is_padding = {0, 0, 0, 1, 1};
  const AttentionTrace padded = scaled_dot_product_attention(Q, K, V, options);
  REQUIRE(padded.weights.rightCols(2).cwiseAbs().maxCoeff() == 0.0f);
  // Same as attending over the first three keys only.
  const AttentionTrace shorter =
      scaled_dot_product_attention(Q, K.topRows(3), V.topRows(3));
  require_close(padded.weights.leftCols(3), shorter.weights);
  require_close(padded.output, shorter.output);
}

TEST_CASE("custom mask, and a fully masked row gets zero weights and a zero output", "[attention][mask]") {
  const Matrix Q = seeded_matrix(3, 4, 61), K = seeded_matrix(4, 4, 62), V = seeded_matrix(4, 2, 63);
  AttentionOptions options;
  options.mask.kind = MaskKind::custom;
  options.mask.allowed = BoolMatrix(3, 4);
  options.mask.allowed << 1, 0, 1, 0,
                          0, 0, 0, 0,  // this query may see nothing
                          0, 0, 0, 1;  // this one only the last key
  const AttentionTrace trace = scaled_dot_product_attention(Q, K, V, options);
  REQUIRE(trace.weights.allFinite());
  REQUIRE(trace.output.allFinite());
  REQUIRE(trace.weights(0, 1) == 0.0f);
  REQUIRE(trace.weights(0, 3) == 0.0f);
  REQUIRE(std::abs(trace.weights.row(0).sum() - 1.0f) <= 1e-6f);
  REQUIRE(trace.weights.row(1).cwiseAbs().maxCoeff() == 0.0f);
  REQUIRE(trace.output.row(1).cwiseAbs().maxCoeff() == 0.0f);
  REQUIRE(trace.weights(2, 3) == 1.0f);
  require_close(trace.output.row(2), V.row(3));
}

TEST_CASE("cross-attention: n_q queries over n_k keys", "[attention]") {
  const Matrix Q = seeded_matrix(2, 8, 71), K = seeded_matrix(5, 8, 72), V = seeded_matrix(5, 3, 73);
  const AttentionTrace trace = scaled_dot_product_attention(Q, K, V);
  REQUIRE(trace.scores.rows() == 2);
  REQUIRE(trace.scores.cols() == 5);
  REQUIRE(trace.weights.rows() == 2);
  REQUIRE(trace.weights.cols() == 5);
  REQUIRE(trace.output.rows() == 2);
  REQUIRE(trace.output.cols() == 3);
  // Reference: each output row is Σ_j weight_j · V_j.
  for (Eigen::Index i = 0; i < 2; ++i) {
    Eigen::RowVectorXf expected = Eigen::RowVectorXf::Zero(3);
    for (Eigen::Index j = 0; j < 5; ++j) expected += trace.weights(i, j) * V.row(j);
    require_close(trace.output.row(i), expected);
  }
}

TEST_CASE("without the intermediate steps the weights and output are the same", "[attention]") {
  const Matrix Q = seeded_matrix(9, 16, 81), K = seeded_matrix(9, 16, 82), V = seeded_matrix(9, 4, 83);
  for (const MaskKind kind : {MaskKind::none, MaskKind::causal}) {
    AttentionOptions full;
    full.mask.kind = kind;
    AttentionOptions lean = full;
    lean.keep_intermediate_steps = false;
    const AttentionTrace with_steps = scaled_dot_product_attention(Q, K, V, full);
    const AttentionTrace without = scaled_dot_product_attention(Q, K, V, lean);
    REQUIRE(without.scores.size() == 0);
    REQUIRE(without.scaled.size() == 0);
    REQUIRE(without.allowed.size() == 0);
    REQUIRE(without.scale == with_steps.scale);
    REQUIRE(without.weights == with_steps.weights);
    REQUIRE(without.output == with_steps.output);
  }
}
