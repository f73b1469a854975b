// The SIMD kernels (attention_kernels.cpp, behind scaled_dot_product_attention) against the
// reference implementation (attention_reference.cpp, Eigen's products), on odd shapes, every
// mask, fully masked rows and large scores. The same file also runs compiled to WebAssembly
// (the kernel_tests target of the wasm build, run by tests/node/kernels_wasm.test.mjs), where
// the kernels use WebAssembly SIMD instead of SSE.
//
// "Within 1e-5 relative" is measured against the largest entry of the reference matrix:
// max |kernel − reference| ≤ 1e-5 · max |reference|. (Entry by entry, a score that cancels to
// nearly 0 has no meaningful relative error: the two sum the same products in another order.)
#include "attention.hpp"
#include "attention_kernels.hpp"
#include "attention_reference.hpp"
#include "test_helpers.hpp"

#include <cmath>
#include <random>
#include <string>

using namespace attention_lens;
using namespace attention_lens::testing;

namespace {

constexpr float kRelativeTolerance = 1e-5f;

template <typename MatrixType>
void require_relatively_close(const MatrixType& actual, const MatrixType& expected, const char* what) {
  INFO(what);
  REQUIRE(actual.rows() == expected.rows());
  REQUIRE(actual.cols() == expected.cols());
  if (expected.size() == 0) return;
  const Matrix a = actual.template cast<float>(), e = expected.template cast<float>();
  Eigen::Index row = 0, col = 0;
  const float largest_difference = (a - e).cwiseAbs().maxCoeff(&row, &col);
  const float largest_entry = e.cwiseAbs().maxCoeff();
  INFO("largest difference " << largest_difference << " at (" << row << ", " << col << "): "
                             << a(row, col) << " vs " << e(row, col) << "; largest |reference| "
                             << largest_entry);
  REQUIRE(largest_difference <= kRelativeTolerance * std::max(largest_entry, 1e-30f));
}

// Every step of the kernels' trace against the reference's. The lean trace (no intermediate
// steps) must give the same weights and output, and leave the steps it does not keep empty.
void require_same_as_reference(const MatrixRef& Q, const MatrixRef& K, const MatrixRef& V,
                               const AttentionOptions& options) {
  const AttentionTrace expected = reference_attention(Q, K, V, options);

  const AttentionTrace full = scaled_dot_product_attention(Q, K, V, options);
  REQUIRE(full.scale == expected.scale);
  require_relatively_close(full.scores, expected.scores, "scores");
  require_relatively_close(full.scaled, expected.scaled, "scaled");
  REQUIRE(full.allowed == expected.allowed);
  require_relatively_close(full.weights, expected.weights, "weights");
  require_relatively_close(full.output, expected.output, "output");

  AttentionOptions lean_options = options;
  lean_options.keep_intermediate_steps = false;
  const AttentionTrace lean = scaled_dot_product_attention(Q, K, V, lean_options);
  REQUIRE(lean.scores.size() == 0);
  REQUIRE(lean.scaled.size() == 0);
  REQUIRE(lean.allowed.size() == 0);
  require_relatively_close(lean.weights, expected.weights, "weights (lean)");
  require_relatively_close(lean.output, expected.output, "output (lean)");
}

// A mask of each kind for n_q queries and n_k keys. The padding and custom masks hide every
// key from some queries (custom: queries 0 and 2; padding: all keys when n_k < 3), so fully
// masked rows are part of every shape.
AttentionOptions options_with_mask(MaskKind kind, Eigen::Index n_q, Eigen::Index n_k) {
  AttentionOptions options;
  options.mask.kind = kind;
  std::mt19937 generator(static_cast<std::uint32_t>(n_q * 7919 + n_k));
  if (kind == MaskKind::key_padding) {
    options.mask.key_is_padding.assign(static_cast<std::size_t>(n_k), 0);
    for (Eigen::Index j = 0; j < n_k; ++j)  // every third key, and the last two, are padding
      options.mask.key_is_padding[static_cast<std::size_t>(j)] = (j % 3 == 1 || j >= n_k - 2) ? 1 : 0;
  }
  if (kind == MaskKind::custom) {
    options.mask.allowed.resize(n_q, n_k);
    for (Eigen::Index i = 0; i < n_q; ++i)
      for (Eigen::Index j = 0; j < n_k; ++j)
        options.mask.allowed(i, j) = (i == 0 || i == 2) ? 0 : (generator() % 10 < 3 ? 1 : 0);
  }
  return options;
}

const char* mask_name(MaskKind kind) {
  switch (kind) {
    case MaskKind::none: return "none";
    case MaskKind::causal: return "causal";
    case MaskKind::key_padding: return "key_padding";
    case MaskKind::custom: return "custom";
  }
  return "?";
}

// Whole numbers in [−limit, limit]: with limit² · d below 2²⁴ every partial sum of a dot
// product is exact in float32, so both implementations get the very same (large) scores.
Matrix whole_number_matrix(Eigen::Index rows, Eigen::Index cols, std::uint32_t seed, int limit) {
  std::mt19937 generator(seed);
  Matrix m(rows, cols);
  for (Eigen::Index i = 0; i < m.size(); ++i)
    m.data()[i] = static_cast<float>(static_cast<int>(generator() % (2u * limit + 1)) - limit);
  return m;
}

}  // namespace

TEST_CASE("the kernels equal the reference for odd shapes and every mask", "[kernels]") {
  const int n = GENERATE(1, 3, 17, 1023);
  const int d = GENERATE(1, 7, 64);
  const MaskKind kind = GENERATE(MaskKind::none, MaskKind::causal, MaskKind::key_padding, MaskKind::custom);
  INFO("N = " << n << ", d = " << d << ", mask " << mask_name(kind));
  const Matrix Q = seeded_matrix(n, d, 1, 2.0f), K = seeded_matrix(n, d, 2, 2.0f);
  const Matrix V = seeded_matrix(n, d, 3);
  require_same_as_reference(Q, K, V, options_with_mask(kind, n, n));
}

TEST_CASE("the kernels equal the reference when n_q ≠ n_k and d_k ≠ d_v", "[kernels]") {
  const auto [n_q, n_k, d_k, d_v] = GENERATE(table<int, int, int, int>(
      {{1, 17, 7, 64}, {17, 1, 64, 7}, {3, 1023, 64, 1}, {1023, 3, 7, 64}, {17, 33, 1, 9}, {5, 8, 64, 64}}));
  const MaskKind kind = GENERATE(MaskKind::none, MaskKind::causal, MaskKind::key_padding, MaskKind::custom);
  INFO("n_q = " << n_q << ", n_k = " << n_k << ", d_k = " << d_k << ", d_v = " << d_v << ", mask "
                << mask_name(kind));
  const Matrix Q = seeded_matrix(n_q, d_k, 4, 2.0f), K = seeded_matrix(n_k, d_k, 5, 2.0f);
  const Matrix V = seeded_matrix(n_k, d_v, 6);
  require_same_as_reference(Q, K, V, options_with_mask(kind, n_q, n_k));
}

TEST_CASE("the kernels equal the reference for large-magnitude scores", "[kernels]") {
  // Scores up to 300²·64 ≈ 5.8e6 (7.2e5 after ÷√64): every row saturates to one-hot weights
  // or to exact ties between equal whole-number scores.
  const int n = GENERATE(3, 17, 1023);
  const int d = GENERATE(1, 7, 64);
  const MaskKind kind = GENERATE(MaskKind::none, MaskKind::causal, MaskKind::custom);
  INFO("N = " << n << ", d = " << d << ", mask " << mask_name(kind));
  const Matrix Q = whole_number_matrix(n, d, 7, 300), K = whole_number_matrix(n, d, 8, 300);
  const Matrix V = seeded_matrix(n, d, 9, 100.0f);
  AttentionOptions options = options_with_mask(kind, n, n);
  require_same_as_reference(Q, K, V, options);
  // A temperature far below 1 makes the scaled scores larger still.
  options.temperature = 1e-3f;
  require_same_as_reference(Q, K, V, options);
}

TEST_CASE("the kernels refuse scores that overflow float32, as the reference does", "[kernels]") {
  const Matrix huge = Matrix::Constant(5, 3, 1e20f);
  const Matrix V = seeded_matrix(5, 3, 10);
  for (const bool keep : {true, false}) {
    AttentionOptions options;
    options.keep_intermediate_steps = keep;
    REQUIRE_THROWS_AS(reference_attention(huge, huge, V, options), InvalidInput);
    REQUIRE_THROWS_WITH(scaled_dot_product_attention(huge, huge, V, options),
                        Catch::Matchers::Contains("overflowed float32"));
  }
  // Only the last key overflows, and only after the ÷ temperature of step 2.
  Matrix K = seeded_matrix(5, 3, 11);
  K.row(4).setConstant(3e37f);
  AttentionOptions cold;
  cold.temperature = 1e-3f;
  REQUIRE_THROWS_WITH(scaled_dot_product_attention(Matrix::Ones(5, 3), K, V, cold),
                      Catch::Matchers::Contains("overflowed float32"));
}

TEST_CASE("a trace reused across calls of different shapes equals a fresh one", "[kernels]") {
  AttentionTrace reused;
  const int shapes[][3] = {{64, 64, 64}, {17, 3, 7}, {64, 64, 64}, {1, 1, 1}, {33, 40, 8}};
  for (const auto& shape : shapes) {
    const int n_q = shape[0], n_k = shape[1], d = shape[2];
    INFO("n_q = " << n_q << ", n_k = " << n_k << ", d = " << d);
    const Matrix Q = seeded_matrix(n_q, d, 12), K = seeded_matrix(n_k, d, 13), V = seeded_matrix(n_k, d, 14);
    for (const bool keep : {false, true}) {
      AttentionOptions options = options_with_mask(n_q % 2 ? MaskKind::causal : MaskKind::none, n_q, n_k);
      options.keep_intermediate_steps = keep;
      scaled_dot_product_attention(Q, K, V, options, reused);
      const AttentionTrace fresh = scaled_dot_product_attention(Q, K, V, options);
      REQUIRE(reused.scores == fresh.scores);
      REQUIRE(reused.scaled == fresh.scaled);
      REQUIRE(reused.allowed == fresh.allowed);
      REQUIRE(reused.weights == fresh.weights);
      REQUIRE(reused.output == fresh.output);
    }
  }
}

TEST_CASE("the products read matrices whose rows are further apart than their width", "[kernels]") {
  // Eigen::Ref passes a block of a larger matrix with its parent's row stride.
  const Matrix big_q = seeded_matrix(20, 70, 15), big_k = seeded_matrix(30, 70, 16);
  const Matrix big_v = seeded_matrix(30, 50, 17);
  const auto Q = big_q.block(2, 3, 9, 64), K = big_k.block(1, 5, 13, 64);
  const auto V = big_v.block(1, 7, 13, 10);
  require_same_as_reference(Q, K, V, AttentionOptions());

  // The kernels' own interface, into a result with its own row stride.
  Matrix scores = Matrix::Constant(9, 20, -1.0f);
  kernels::multiply_by_transpose(Q.data(), big_q.cols(), K.data(), big_k.cols(), 9, 13, 64,
                                 scores.data(), scores.cols());
  const Matrix expected = Q * K.transpose();
  require_relatively_close(Matrix(scores.leftCols(13)), expected, "scores in a wider matrix");
  REQUIRE((scores.rightCols(7).array() == -1.0f).all());  // nothing written past the result
}
