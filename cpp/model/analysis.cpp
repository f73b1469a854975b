#include "analysis.hpp"

namespace attention_lens {

Matrix average_over_heads(const MultiHeadTrace& attention) {
  Matrix average = Matrix::Zero(attention.heads.front().attention.weights.rows(),
                                attention.heads.front().attention.weights.cols());
  for (const HeadTrace& head : attention.heads) average += head.attention.weights;
  return average / static_cast<float>(attention.heads.size());
}

std::vector<Prediction> predictions(const TransformerTrace& trace) {
  std::vector<Prediction> result;
  for (Eigen::Index i = 0; i < trace.logits.rows(); ++i) {
    const auto row = trace.logits.row(i);
    Eigen::Index best = 0;
    const float best_logit = row.maxCoeff(&best);
    const float sum = (row.array() - best_logit).exp().sum();  // stable softmax denominator
    result.push_back({static_cast<int>(best), 1.0f / sum});
  }
  return result;
}

TooManyTokens::TooManyTokens(std::size_t token_count, std::size_t token_limit)
    : InvalidInput("The sentence has " + std::to_string(token_count) +
                   " tokens (words and punctuation marks); the model reads at most " +
                   std::to_string(token_limit) + ". Try a shorter sentence."),
      count(token_count),
      limit(token_limit) {}

bool starts_sentence(const std::vector<Token>& tokens, std::size_t index) {
  for (std::size_t i = index; i-- > 0;) {
    const std::string& text = tokens[i].text;
    if (text == "\"" || text == "\u201C" || text == "(" || text == "\u00BF" || text == "\u00A1") continue;
    return text == "." || text == "!" || text == "?" || text == ":" || text == "\u2026";
  }
  return true;
}

SentenceAnalysis analyze_sentence(const ModelWeights& weights, const WordReader& reader,
                                  std::string_view sentence, const AttentionOptions& options) {
  const std::vector<Token> tokens = tokenize(sentence);
  if (tokens.empty())
    throw InvalidInput("The sentence is empty: type a few words to see their attention.");
  const auto limit = static_cast<std::size_t>(weights.config.max_positions);
  if (tokens.size() > limit) throw TooManyTokens(tokens.size(), limit);
  SentenceAnalysis analysis;
  std::vector<int> ids;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    WordReading reading = reader.read(tokens[i].text, starts_sentence(tokens, i), follows_article(tokens, i));
    ids.push_back(reading.id);
    analysis.tokens.push_back({tokens[i], reading.id, reading.known(), std::move(reading.word_class)});
  }
  analysis.trace = run_transformer(weights, ids, options);
  return analysis;
}

}  // namespace attention_lens
