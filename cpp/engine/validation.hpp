// Small checks shared by every entry point of the engine. Each returns an empty string when
// the input is fine, or a sentence naming the input, what was expected and what arrived.
#pragma once

#include "matrix.hpp"

#include <string>

namespace attention_lens {

// Non-empty, and every entry finite (NaN or ±Inf in an input would silently poison every
// weight of its row).
std::string find_matrix_problem(const std::string& name, const MatrixRef& matrix);

// Shape `rows`×`cols` exactly, plus find_matrix_problem.
std::string find_shape_problem(const std::string& name, const MatrixRef& matrix,
                               Eigen::Index rows, Eigen::Index cols);

// True when no entry is NaN or ±Inf. One branch-free pass (0·x is 0 for every finite x and
// NaN otherwise), several times faster than an early-exit loop, in wasm especially.
bool all_finite(const MatrixRef& matrix);

// A float as printf's "%g" writes it ("0.5", "1e+30", "-0.000123457"), NaN and ±Infinity as JS
// names them, without printf or iostreams.
std::string number_text(float value);

}  // namespace attention_lens
