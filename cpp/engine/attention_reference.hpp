// The reference implementation of scaled dot-product attention: the same steps as
// scaled_dot_product_attention, written with Eigen's products and whole-matrix passes, in the
// order of the slide. It does not ship in the browser module; the tests compare the SIMD
// kernels with it (tests/cpp/kernels_test.cpp, natively and compiled to WebAssembly).
#pragma once

#include "attention.hpp"

namespace attention_lens {

// Q: n_q×d_k, K: n_k×d_k, V: n_k×d_v. The trace always holds every step. Throws InvalidInput
// for the inputs scaled_dot_product_attention refuses.
AttentionTrace reference_attention(const MatrixRef& queries, const MatrixRef& keys,
                                   const MatrixRef& values, const AttentionOptions& options = {});

}  // namespace attention_lens
