#include "matrix.hpp"

namespace attention_lens {

std::string shape_text(Eigen::Index rows, Eigen::Index cols) {
  // std::to_string, not a stream: iostreams would add ~110 KB to the wasm module.
  return std::to_string(rows) + "\xC3\x97" + std::to_string(cols);  // U+00D7 ×
}

}  // namespace attention_lens
