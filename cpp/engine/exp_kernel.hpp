// The exponential that softmax spends its time in, four lanes at a time (simd4.hpp).
//
// In WebAssembly std::exp is a scalar library call and took ~70% of softmax's time; measured
// in wasm at N = 1024, softmax went from 7.7 ms with std::exp to about 2 ms with this kernel.
#pragma once

#include <Eigen/Core>

namespace attention_lens {

// values[j] = e^(values[j] − shift) for j < count, where every values[j] ≤ shift (softmax
// subtracts the row maximum), and −∞ maps to a tiny positive number. About 2 ulp from std::exp.
void exp_shifted_in_place(float* values, Eigen::Index count, float shift);

}  // namespace attention_lens
