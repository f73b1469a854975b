// libFuzzer target: analyze_sentence() with the shipped weights (web/model/attention_lens_model.bin)
// on any sentence. The first byte picks the options (causal mask or not, √d_k scaling, one of
// a few temperatures); the rest is the sentence. It either refuses with InvalidInput (no word,
// too many tokens, scores that overflow) or returns one token per tokenize() token and, in every
// layer and head, attention weights that are finite, ≥ 0, with rows summing to 1 (and nothing
// above the diagonal under the causal mask), and predictions that are probabilities.
#include "analysis.hpp"
#include "fuzz_invariants.hpp"
#include "matrix.hpp"  // InvalidInput
#include "weights_file.hpp"

#include <cmath>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <memory>

using namespace attention_lens;

namespace {

struct ShippedModel {
  ModelWeights weights;
  Vocabulary vocabulary{{"[unk]"}};
  std::unique_ptr<WordReader> reader;  // with the word readings, as the widget has once they load
};

// Loaded once: the file is read before the first input, outside what is being fuzzed.
const ShippedModel& shipped_model() {
  static const ShippedModel* model = [] {
    std::ifstream file(ATTENTION_LENS_MODEL_PATH, std::ios::binary);
    const std::vector<std::uint8_t> bytes{std::istreambuf_iterator<char>(file), {}};
    if (bytes.empty()) fuzz::fail(std::string("cannot read the weights file ") + ATTENTION_LENS_MODEL_PATH);
    auto* loaded = new ShippedModel;  // never freed: lives for the whole run, not a per-input leak
    loaded->weights = parse_weights(bytes.data(), bytes.size());
    loaded->vocabulary = Vocabulary(loaded->weights.vocabulary);
    loaded->reader = std::make_unique<WordReader>(loaded->vocabulary);
    std::ifstream readings(ATTENTION_LENS_WORD_READINGS_PATH, std::ios::binary);
    const std::string text{std::istreambuf_iterator<char>(readings), {}};
    if (text.empty()) fuzz::fail(std::string("cannot read the word readings ") + ATTENTION_LENS_WORD_READINGS_PATH);
    loaded->reader->use_lexicon(std::make_shared<const WordNetLexicon>(WordNetLexicon::parse(text)));
    return loaded;
  }();
  return *model;
}

void require_attention_rows(const Matrix& weights, std::size_t n, bool causal, const std::string& where) {
  fuzz::require(weights.rows() == static_cast<Eigen::Index>(n) && weights.cols() == static_cast<Eigen::Index>(n),
                where + ": not n×n");
  for (Eigen::Index row = 0; row < weights.rows(); ++row) {
    double sum = 0;
    for (Eigen::Index col = 0; col < weights.cols(); ++col) {
      const float w = weights(row, col);
      fuzz::require(std::isfinite(w) && w >= 0, where + ": a weight that is negative or not finite");
      fuzz::require(!causal || col <= row || w == 0, where + ": attends to a later token under the causal mask");
      sum += w;
    }
    fuzz::require(std::abs(sum - 1.0) < 1e-4, where + ": row " + std::to_string(row) +
                                                  " sums to " + std::to_string(sum));
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  shipped_model();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const ShippedModel& model = shipped_model();
  AttentionOptions options;
  const std::uint8_t choice = data[0];
  const bool causal = choice & 1;
  if (causal) options.mask.kind = MaskKind::causal;
  options.scale_by_sqrt_dk = !(choice & 2);
  constexpr float kTemperatures[] = {1.0f, 0.25f, 2.0f, 1e-3f};
  options.temperature = kTemperatures[(choice >> 2) & 3];
  const std::string_view sentence(reinterpret_cast<const char*>(data + 1), size - 1);

  SentenceAnalysis analysis;
  try {
    analysis = analyze_sentence(model.weights, *model.reader, sentence, options);
  } catch (const InvalidInput&) {
    return 0;  // a refusal with a message is a right answer
  }
  const std::size_t n = analysis.tokens.size();
  fuzz::require(n > 0, "an analysis with no tokens");
  fuzz::require(n == tokenize(sentence).size(), "analysis tokens differ from tokenize()");
  fuzz::require(analysis.trace.layers.size() == static_cast<std::size_t>(model.weights.config.layer_count),
                "not one trace per layer");
  for (std::size_t l = 0; l < analysis.trace.layers.size(); ++l) {
    const MultiHeadTrace& attention = analysis.trace.layers[l].attention;
    const std::string layer = "layer " + std::to_string(l);
    require_attention_rows(average_over_heads(attention), n, causal, layer + " average");
    for (std::size_t h = 0; h < attention.heads.size(); ++h)
      require_attention_rows(attention.heads[h].attention.weights, n, causal,
                             layer + " head " + std::to_string(h));
  }
  for (const Prediction& p : predictions(analysis.trace))
    fuzz::require(std::isfinite(p.probability) && p.probability >= 0 && p.probability <= 1.0001f,
                  "a prediction probability outside [0, 1]");
  return 0;
}
