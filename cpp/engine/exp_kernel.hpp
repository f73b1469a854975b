// The exponential that softmax spends its time in, as a loop compilers vectorise.
//
// It lives in its own translation unit on purpose: inlined into the softmax, the compiler lost
// sight of the row being un-aliased and stopped vectorising it (checked with
// -Rpass-missed=loop-vectorize); measured in wasm at N = 1024, softmax went from 7.7 ms with
// std::exp to about 2 ms.
#pragma once

#include <Eigen/Core>

namespace attention_lens {

// values[j] = e^(values[j] − shift) for j < count, where every values[j] ≤ shift (softmax
// subtracts the row maximum), and −∞ maps to a tiny positive number. About 2 ulp from std::exp.
void exp_shifted_in_place(float* values, Eigen::Index count, float shift);

}  // namespace attention_lens
