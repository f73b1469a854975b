// Every way the engine can refuse its input, and what it says. Each message must name what
// was expected and what arrived, because the widget shows it to a person as it is.
#include "attention.hpp"
#include "multi_head.hpp"
#include "test_helpers.hpp"
#include "validation.hpp"

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <random>

using namespace attention_lens;
using namespace attention_lens::testing;
using Catch::Matchers::Contains;

namespace {
const Matrix Q = seeded_matrix(2, 4, 1), K = seeded_matrix(3, 4, 2), V = seeded_matrix(3, 5, 3);
}

TEST_CASE("attention rejects matrices that do not fit together", "[errors]") {
  REQUIRE_THROWS_WITH(scaled_dot_product_attention(Q, seeded_matrix(3, 6, 2), V),
                      Contains("same number of columns d_k") && Contains("Q is 2×4") &&
                          Contains("K is 3×6"));
  REQUIRE_THROWS_WITH(scaled_dot_product_attention(Q, K, seeded_matrix(4, 5, 3)),
                      Contains("same number of rows n_k") && Contains("K is 3×4") &&
                          Contains("V is 4×5"));
  REQUIRE_THROWS_AS(scaled_dot_product_attention(Q, K, seeded_matrix(4, 5, 3)), InvalidInput);
}

TEST_CASE("attention rejects empty matrices", "[errors]") {
  REQUIRE_THROWS_WITH(scaled_dot_product_attention(Matrix(0, 4), K, V),
                      Contains("Q (queries) is empty (0×4)"));
  REQUIRE_THROWS_WITH(scaled_dot_product_attention(Q, Matrix(3, 0), V),
                      Contains("K (keys) is empty (3×0)"));
  REQUIRE_THROWS_WITH(scaled_dot_product_attention(Q, K, Matrix(0, 0)),
                      Contains("V (values) is empty (0×0)"));
}

TEST_CASE("attention rejects NaN and Inf with their position", "[errors]") {
  Matrix bad = Q;
  bad(1, 2) = std::numeric_limits<float>::quiet_NaN();
  REQUIRE_THROWS_WITH(scaled_dot_product_attention(bad, K, V),
                      Contains("Q (queries) has NaN at row 1, column 2") && Contains("finite"));
  Matrix infinite = V;
  infinite(0, 0) = -std::numeric_limits<float>::infinity();
  REQUIRE_THROWS_WITH(scaled_dot_product_attention(Q, K, infinite),
                      Contains("V (values) has -Infinity at row 0, column 0"));
}

TEST_CASE("attention rejects scores that overflow float32", "[errors]") {
  const Matrix huge = matrix_of(1, 1, {1e20f});
  REQUIRE_THROWS_WITH(scaled_dot_product_attention(huge, huge, huge), Contains("overflowed float32"));
}

TEST_CASE("attention rejects a bad temperature and mismatched masks", "[errors]") {
  AttentionOptions options;
  options.temperature = 0.0f;
  REQUIRE_THROWS_WITH(scaled_dot_product_attention(Q, K, V, options),
                      Contains("temperature must be a finite number above 0; it was 0"));
  options.temperature = -2.5f;
  REQUIRE_THROWS_WITH(scaled_dot_product_attention(Q, K, V, options), Contains("it was -2.5"));

  AttentionOptions padding;
  padding.mask.kind = MaskKind::key_padding;
  padding.mask.key_is_padding = {0, 1};
  REQUIRE_THROWS_WITH(scaled_dot_product_attention(Q, K, V, padding),
                      Contains("one entry per key (n_k = 3); it has 2"));

  AttentionOptions custom;
  custom.mask.kind = MaskKind::custom;
  custom.mask.allowed = BoolMatrix::Ones(3, 2);
  REQUIRE_THROWS_WITH(scaled_dot_product_attention(Q, K, V, custom),
                      Contains("must be n_q×n_k = 2×3; it is 3×2"));
}

TEST_CASE("attention refuses more scores than a browser tab can hold", "[errors]") {
  const Matrix many_queries = Matrix::Zero(5000, 1), many_keys = Matrix::Zero(4000, 1);
  REQUIRE_THROWS_WITH(scaled_dot_product_attention(many_queries, many_keys, many_keys),
                      Contains("Too many scores: n_q×n_k = 5000×4000"));
}

TEST_CASE("multi-head attention rejects heads that do not divide d_model", "[errors][multi-head]") {
  const Matrix X = seeded_matrix(3, 10, 5);
  const Matrix w = seeded_matrix(10, 3, 6);
  MultiHeadWeights weights{{{w, w, w}, {w, w, w}, {w, w, w}}, seeded_matrix(9, 10, 7)};
  REQUIRE_THROWS_WITH(multi_head_attention(X, X, weights),
                      Contains("3 heads do not divide d_model = 10"));
  REQUIRE_THROWS_WITH(multi_head_attention(X, X, MultiHeadWeights{}),
                      Contains("at least one head; it was given 0"));
}

TEST_CASE("multi-head attention names the projection with the wrong shape", "[errors][multi-head]") {
  const Matrix X = seeded_matrix(3, 8, 5);
  const Matrix good = seeded_matrix(8, 4, 6);
  MultiHeadWeights weights{{{good, good, good}, {good, seeded_matrix(8, 3, 7), good}},
                           seeded_matrix(8, 8, 8)};
  REQUIRE_THROWS_WITH(multi_head_attention(X, X, weights),
                      Contains("Head 1's W_K must be 8×4; it is 8×3") && Contains("d_k = d_model / h"));

  weights.heads[1].w_key = good;
  weights.w_output = seeded_matrix(8, 6, 9);
  REQUIRE_THROWS_WITH(multi_head_attention(X, X, weights), Contains("W_O must be 8×8; it is 8×6"));

  weights.w_output = seeded_matrix(8, 8, 9);
  REQUIRE_THROWS_WITH(multi_head_attention(X, seeded_matrix(4, 6, 1), weights),
                      Contains("must both have d_model columns; they are 3×8 and 4×6"));
  REQUIRE_NOTHROW(multi_head_attention(X, X, weights));
}

// The numbers in messages are written by hand (number_text), not by printf, which the browser's
// module no longer carries: they must read exactly as printf's "%g" of the same float would.
TEST_CASE("number_text writes a float as printf's %g does", "[errors]") {
  const auto printf_g = [](float value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%g", static_cast<double>(value));
    return std::string(buffer);
  };
  const float max = std::numeric_limits<float>::max(), min = std::numeric_limits<float>::min(),
              tiny = std::numeric_limits<float>::denorm_min();
  // Ties at the sixth digit (123456.5 is exact in float: half to even), carries into a seventh
  // digit, the 1e-4 and 1e6 edges, the extremes, and their negatives.
  std::vector<float> values = {0.0f, 1.0f, 0.5f, 0.1f, 2.5f, 123456.5f, 123457.5f, 999999.5f, 999999.4f, 9999995.0f,
                               1e6f, 999999.0f, 1e-4f, 9.99999e-5f, 0.000099999995f, 1e-5f, 3.14159265f, 100.0f,
                               1e30f, 7e-39f, max, min, tiny, 65504.0f, 0.3333333f, 1234567.0f, 0.00012345650f};
  for (std::size_t i = 0, n = values.size(); i < n; ++i) values.push_back(-values[i]);
  // And 200,000 floats of every exponent, from random bit patterns.
  std::mt19937 random(20261206);
  while (values.size() < 200000) {
    const std::uint32_t bits = random();
    float value;
    std::memcpy(&value, &bits, sizeof value);
    if (std::isfinite(value)) values.push_back(value);
  }
  for (const float value : values) {
    INFO("bits of the value: " << std::hex << [&] { std::uint32_t bits; std::memcpy(&bits, &value, 4); return bits; }());
    REQUIRE(number_text(value) == printf_g(value));
  }
  CHECK(number_text(std::numeric_limits<float>::quiet_NaN()) == "NaN");
  CHECK(number_text(std::numeric_limits<float>::infinity()) == "Infinity");
  CHECK(number_text(-std::numeric_limits<float>::infinity()) == "-Infinity");
}
