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

SentenceAnalysis analyze_sentence(const ModelWeights& weights, const Vocabulary& vocabulary,
                                  std::string_view sentence, const AttentionOptions& options) {
  const std::vector<Token> tokens = tokenize(sentence);
  if (tokens.empty())
    throw InvalidInput("The sentence is empty: type a few words to see their attention.");
  const auto limit = static_cast<std::size_t>(weights.config.max_positions);
  if (tokens.size() > limit) throw TooManyTokens(tokens.size(), limit);
  SentenceAnalysis analysis;
  std::vector<int> ids;
  for (const Token& token : tokens) {
    const int id = vocabulary.id_of(token.text);
    analysis.tokens.push_back({token, id, id != Vocabulary::kUnknownId});
    ids.push_back(id);
  }
  analysis.trace = run_transformer(weights, ids, options);
  return analysis;
}

}  // namespace attention_lens
