// Real English text and the model's general objective on it: masked-word prediction
// (issue 11 §2, docs/model.md, "Real text").
//
// The generated corpus gives targets only to a few words (a pronoun, "bank", a "the", a verb);
// every other row of the grid would attend without a purpose. On real sentences (WordNet's
// examples, build_scripts/train/real_text.mjs) some words are hidden — read as "[unk]", the row an
// unknown word is read with in the widget — and the model must name each hidden word (its own row,
// or the kind it is read as: "noun.animal", "verb.motion", "preposition"). With the last layer's
// values taken from the tokens' own embeddings, the only way to name it is to attend to the words
// that tell what it is. So an unknown word the learner types is read the way training read a
// hidden one: the model guesses what kind of word stands there from its context.
#pragma once

#include "corpus.hpp"
#include "model_weights.hpp"
#include "word_reader.hpp"

#include <random>
#include <string>
#include <vector>

namespace attention_lens {

// One real sentence as the model reads it.
struct ReadSentence {
  std::vector<int> token_ids;   // each token's row (own word, its kind, or [unk])
  std::vector<bool> maskable;   // a word (not a mark) that the model knows: it may be hidden
};

// One training or evaluation example: the sentence with some words hidden.
struct MaskedSentence {
  std::vector<int> token_ids;     // the hidden words read as [unk]
  std::vector<int> target_class;  // the hidden word's row where hidden, else kNoTarget
};

class RealTextCorpus {
 public:
  // Reads each sentence with `reader` and keeps those the model can learn from: 3 to
  // kMaxTokens tokens, at least kMinKnownPercent of the words known (own row or kind).
  // Every tenth kept sentence is held out for evaluation (never trained on).
  static constexpr int kMaxTokens = 40;
  static constexpr int kMinKnownPercent = 80;
  RealTextCorpus(const std::vector<std::string>& sentences, const WordReader& reader);

  std::size_t offered() const { return offered_; }  // sentences given
  std::size_t size(bool held_out) const { return (held_out ? held_out_ : training_).size(); }
  bool empty() const { return training_.empty(); }
  const ReadSentence& sentence(bool held_out, std::size_t index) const {
    return (held_out ? held_out_ : training_)[index];
  }
  // A random training sentence with its words hidden (hide_words).
  MaskedSentence sample(std::mt19937& random, int mask_percent) const;

 private:
  std::size_t offered_ = 0;
  std::vector<ReadSentence> training_, held_out_;
};

// Hides each maskable word with probability mask_percent (at least one word per sentence).
MaskedSentence hide_words(const ReadSentence& sentence, std::mt19937& random, int mask_percent);

// Splits a file's text into its non-empty lines.
std::vector<std::string> read_lines(const std::string& text);

struct MaskedWordEvaluation {
  int hidden = 0;          // hidden words scored
  int top1 = 0, top5 = 0;  // the hidden word's row is the model's first / among its first five
  double loss = 0.0;       // mean cross-entropy in nats
  double baseline_loss = 0.0;  // always guessing the held-out targets' own frequencies
  int baseline_top1 = 0;       // always guessing the most frequent hidden word's row
};

// Masked-word prediction on the held-out sentences, every word hidden once, one at a time
// (the whole model, every head), as it ships.
MaskedWordEvaluation evaluate_masked_words(const ModelWeights& weights, const RealTextCorpus& corpus,
                                           std::size_t max_sentences);

}  // namespace attention_lens
