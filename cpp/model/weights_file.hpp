// The shipped weights file: a small, versioned, checksummed binary (docs/model.md,
// "Weights file"). Matrices are stored as int8 with one fp16 scale per row (embeddings) or per
// output column (projections), vectors as fp16: half the size of an all-fp16 file, and the
// trainer evaluates the quantised model, so the figures it prints are the shipped file's.
#pragma once

#include "model_weights.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace attention_lens {

// 3: int8 matrices with fp16 scales, no classifier matrix (tied to the token embedding), a
// vocabulary with class rows (word_reader.hpp). Versions 1 (everything fp16) and 2 (an untied
// classifier) are refused with a message.
constexpr std::uint32_t kWeightsFormatVersion = 3;

// Throws InvalidInput for anything parse_weights would refuse (bad shapes, NaN/Inf, vector values
// beyond fp16's range, matrix values beyond int8 · fp16 scale (|x| > 127 · 65504), invalid UTF-8,
// sizes past the format's limits): every file it writes loads.
std::vector<std::uint8_t> serialize_weights(const ModelWeights& weights);

// Throws InvalidInput with a message that names the problem: not a weights file (magic),
// a version this code does not read, a truncated file, trailing bytes, a checksum mismatch
// (corrupted), header values past the format's limits, NaN/Inf values or scales, negative
// scales, the int8 value -128, nonzero values under a zero scale, invalid UTF-8, or
// hyper-parameters and shapes that do not fit together.
ModelWeights parse_weights(const std::uint8_t* data, std::size_t size);

// fp16 ↔ fp32 (round to nearest even; Inf/NaN preserved; fp16 subnormals handled).
std::uint16_t float_to_half(float value);
float half_to_float(std::uint16_t half);

// CRC-32 (IEEE 802.3, the zlib/PNG one) of a byte range.
std::uint32_t crc32(const std::uint8_t* data, std::size_t size);

}  // namespace attention_lens
