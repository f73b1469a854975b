// The matrix types every part of the engine speaks, and the one error it raises.
//
// All matrices are row-major float32, because that is how a JS Float32Array of a
// (rows × cols) matrix is laid out: row i occupies data[i*cols .. i*cols+cols-1].
#pragma once

#include <Eigen/Core>

#include <cstdint>
#include <stdexcept>
#include <string>

namespace attention_lens {

using Matrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using MatrixRef = Eigen::Ref<const Matrix>;
using MatrixMap = Eigen::Map<const Matrix>;

// 1 = true, 0 = false. uint8_t rather than bool so the bytes can cross to JS as a Uint8Array.
using BoolMatrix = Eigen::Matrix<std::uint8_t, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Raised for input the engine cannot use. The message always says what was expected and
// what arrived, so it can be shown to a person as it is.
class InvalidInput : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// "3×4" — used in every shape message.
std::string shape_text(Eigen::Index rows, Eigen::Index cols);

}  // namespace attention_lens
