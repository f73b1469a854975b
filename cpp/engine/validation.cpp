#include "validation.hpp"

#include <cmath>
#include <cstdio>

namespace attention_lens {

std::string number_text(float value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", static_cast<double>(value));
  return buffer;
}

bool all_finite(const MatrixRef& matrix) {
  return (matrix.array() * 0.0f).sum() == 0.0f;
}

std::string find_matrix_problem(const std::string& name, const MatrixRef& matrix) {
  if (matrix.rows() == 0 || matrix.cols() == 0)
    return name + " is empty (" + shape_text(matrix.rows(), matrix.cols()) +
           "); it needs at least one row and one column.";
  if (all_finite(matrix)) return {};
  for (Eigen::Index i = 0; i < matrix.rows(); ++i)  // find where, for the message
    for (Eigen::Index j = 0; j < matrix.cols(); ++j)
      if (!std::isfinite(matrix(i, j)))
        return name + " has " + number_text(matrix(i, j)) + " at row " + std::to_string(i) +
               ", column " + std::to_string(j) + "; every entry must be a finite number.";
  return {};
}

std::string find_shape_problem(const std::string& name, const MatrixRef& matrix,
                               Eigen::Index rows, Eigen::Index cols) {
  if (matrix.rows() != rows || matrix.cols() != cols)
    return name + " must be " + shape_text(rows, cols) + "; it is " +
           shape_text(matrix.rows(), matrix.cols()) + ".";
  return find_matrix_problem(name, matrix);
}

}  // namespace attention_lens
