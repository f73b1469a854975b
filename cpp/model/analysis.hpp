// What the widget asks of the model: the words of a sentence and everything every layer and
// head computed on them.
#pragma once

#include "tokenizer.hpp"
#include "transformer.hpp"
#include "word_reader.hpp"

#include <cstddef>
#include <string_view>
#include <vector>

namespace attention_lens {

struct AnalyzedToken {
  Token token;
  int id;      // vocabulary id; Vocabulary::kUnknownId for a word the model does not know
  bool known;
  std::string word_class;  // "" for a word with a row of its own; else the class it is read as
};

struct SentenceAnalysis {
  std::vector<AnalyzedToken> tokens;
  TransformerTrace trace;
};

// The attention weights averaged over a layer's heads (n×n; rows still sum to 1).
Matrix average_over_heads(const MultiHeadTrace& attention);

// What the model predicts at each token: the most probable class and its probability.
struct Prediction {
  int class_id;
  float probability;
};
std::vector<Prediction> predictions(const TransformerTrace& trace);

// A sentence with more tokens than the model has positions for. Its own type, with the two
// numbers as fields, so that a front end can say it in the reader's language (the bindings pass
// them on to JS as code "too-many-tokens", count and limit); what() stays a readable English sentence.
class TooManyTokens : public InvalidInput {
 public:
  TooManyTokens(std::size_t token_count, std::size_t token_limit);
  std::size_t count;  // tokens in the sentence
  std::size_t limit;  // the most the model reads (its max_positions)
};

// Throws InvalidInput for a sentence with no words, and TooManyTokens for one with more tokens
// than the model reads (the message says how many it has and how many are allowed).
SentenceAnalysis analyze_sentence(const ModelWeights& weights, const WordReader& reader,
                                  std::string_view sentence, const AttentionOptions& options = {});

// Whether the token at `index` starts a sentence (the first, or after . ! ? or an opening
// quote), so that its capital letter says nothing about its being a name.
bool starts_sentence(const std::vector<Token>& tokens, std::size_t index);

}  // namespace attention_lens
