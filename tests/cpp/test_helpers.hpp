// Helpers shared by the engine's Catch2 tests.
#pragma once

#include "matrix.hpp"
#include "seeded_matrix.hpp"

#include <catch2/catch.hpp>


namespace attention_lens::testing {

// Row-major literal: matrix_of(2, 3, {1, 2, 3, 4, 5, 6}).
inline Matrix matrix_of(Eigen::Index rows, Eigen::Index cols, std::initializer_list<float> values) {
  REQUIRE(static_cast<Eigen::Index>(values.size()) == rows * cols);
  Matrix m(rows, cols);
  auto it = values.begin();
  for (Eigen::Index i = 0; i < rows; ++i)
    for (Eigen::Index j = 0; j < cols; ++j) m(i, j) = *it++;
  return m;
}

// Every entry of `actual` within `tolerance` of `expected`; on failure Catch prints the
// largest difference and where it is.
inline void require_close(const MatrixRef& actual, const MatrixRef& expected,
                          float tolerance = 1e-6f) {
  REQUIRE(actual.rows() == expected.rows());
  REQUIRE(actual.cols() == expected.cols());
  Eigen::Index worst_row = 0, worst_col = 0;
  const float largest_difference =
      (actual - expected).cwiseAbs().maxCoeff(&worst_row, &worst_col);
  INFO("largest difference " << largest_difference << " at (" << worst_row << ", " << worst_col
                             << "): " << actual(worst_row, worst_col) << " vs "
                             << expected(worst_row, worst_col));
  REQUIRE(largest_difference <= tolerance);
}

}  // namespace attention_lens::testing
