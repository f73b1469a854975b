// libFuzzer target: parse_weights() on any bytes. It either accepts them or throws InvalidInput
// with a message; any other exception, a crash, a leak (LeakSanitizer runs after every input)
// or undefined behaviour is a bug. A mutated file almost always fails the checksum first, so
// each input is also parsed with its last 4 bytes replaced by the right CRC-32: that lets the
// mutations reach the header and the tensors behind it.
#include "fuzz_invariants.hpp"
#include "matrix.hpp"  // InvalidInput
#include "weights_file.hpp"

#include <cstdint>
#include <cstring>
#include <vector>

using namespace attention_lens;

namespace {

void parse_and_check(const std::uint8_t* data, std::size_t size) {
  ModelWeights weights;
  try {
    weights = parse_weights(data, size);
  } catch (const InvalidInput& error) {
    fuzz::require(std::strlen(error.what()) > 0, "a refusal without a message");
    return;
  }
  // Accepted: it must be a model the rest of the code can use, and write back to a file that loads.
  const std::string problem = find_weights_shape_problem(weights);
  fuzz::require(problem.empty(), "accepted weights with a shape problem: " + problem);
  const std::vector<std::uint8_t> written = serialize_weights(weights);
  const ModelWeights reread = parse_weights(written.data(), written.size());
  fuzz::require(reread.vocabulary == weights.vocabulary, "the vocabulary changed on a round trip");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  parse_and_check(data, size);
  if (size > 4) {
    std::vector<std::uint8_t> resealed(data, data + size);
    const std::uint32_t crc = crc32(resealed.data(), size - 4);
    for (int k = 0; k < 4; ++k) resealed[size - 4 + k] = static_cast<std::uint8_t>(crc >> (8 * k));
    parse_and_check(resealed.data(), resealed.size());
  }
  return 0;
}
