// Deterministic test inputs, shared by the Catch2 tests and write_golden.
#pragma once

#include "matrix.hpp"

#include <cstdint>
#include <random>

namespace attention_lens::testing {

// A rows×cols matrix of values in [-scale, scale], the same for the same seed on every machine
// (std::uniform_real_distribution is not, so the mapping is written out).
inline Matrix seeded_matrix(Eigen::Index rows, Eigen::Index cols, std::uint32_t seed,
                            float scale = 1.0f) {
  std::mt19937 generator(seed);
  Matrix m(rows, cols);
  for (Eigen::Index i = 0; i < rows; ++i)
    for (Eigen::Index j = 0; j < cols; ++j)
      m(i, j) = scale * (static_cast<float>(generator()) / 4294967295.0f * 2.0f - 1.0f);
  return m;
}

}  // namespace attention_lens::testing
