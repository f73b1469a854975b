#include "real_text.hpp"

#include "transformer.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

namespace attention_lens {

namespace {

bool is_word(const Token& token) {
  const auto first = static_cast<unsigned char>(token.text.front());
  return std::isalnum(first) || first >= 0x80;
}

}  // namespace

RealTextCorpus::RealTextCorpus(const std::vector<std::string>& sentences, const WordReader& reader)
    : offered_(sentences.size()) {
  std::size_t kept = 0;
  for (const std::string& text : sentences) {
    const std::vector<Token> tokens = tokenize(text);
    if (tokens.size() < 3 || tokens.size() > static_cast<std::size_t>(kMaxTokens)) continue;
    ReadSentence sentence;
    int words = 0, known = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const WordReading reading = reader.read(tokens[i].text, i == 0, follows_article(tokens, i));
      const bool word = is_word(tokens[i]);
      sentence.token_ids.push_back(reading.id);
      sentence.maskable.push_back(word && reading.known());
      words += word;
      known += word && reading.known();
    }
    if (words == 0 || known * 100 < kMinKnownPercent * words) continue;
    (kept++ % 10 == 0 ? held_out_ : training_).push_back(std::move(sentence));
  }
}

MaskedSentence hide_words(const ReadSentence& sentence, std::mt19937& random, int mask_percent) {
  MaskedSentence masked{sentence.token_ids, std::vector<int>(sentence.token_ids.size(), kNoTarget)};
  const auto hide = [&](std::size_t i) {
    masked.target_class[i] = sentence.token_ids[i];
    masked.token_ids[i] = Vocabulary::kUnknownId;
  };
  std::vector<std::size_t> maskable;
  for (std::size_t i = 0; i < sentence.token_ids.size(); ++i)
    if (sentence.maskable[i]) maskable.push_back(i);
  if (maskable.empty()) return masked;
  bool any = false;
  for (const std::size_t i : maskable)
    if (static_cast<int>(random() % 100) < mask_percent) {
      hide(i);
      any = true;
    }
  if (!any) hide(maskable[random() % maskable.size()]);
  return masked;
}

MaskedSentence RealTextCorpus::sample(std::mt19937& random, int mask_percent) const {
  return hide_words(training_[random() % training_.size()], random, mask_percent);
}

std::vector<std::string> read_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) lines.push_back(std::move(line));
    start = end + 1;
  }
  return lines;
}

MaskedWordEvaluation evaluate_masked_words(const ModelWeights& weights, const RealTextCorpus& corpus,
                                           std::size_t max_sentences) {
  MaskedWordEvaluation result;
  std::map<int, int> target_counts;
  const std::size_t count = std::min(max_sentences, corpus.size(true));
  for (std::size_t s = 0; s < count; ++s) {
    const ReadSentence& sentence = corpus.sentence(true, s);
    for (std::size_t i = 0; i < sentence.token_ids.size(); ++i) {
      if (!sentence.maskable[i]) continue;
      std::vector<int> ids = sentence.token_ids;
      const int target = ids[i];
      ids[i] = Vocabulary::kUnknownId;
      const TransformerTrace trace = run_transformer(weights, ids);
      const auto logits = trace.logits.row(static_cast<Eigen::Index>(i));
      const float top = logits.maxCoeff();
      const double log_sum = top + std::log((logits.array() - top).exp().sum());
      result.loss += log_sum - logits(target);
      int higher = 0;
      for (Eigen::Index c = 0; c < logits.size(); ++c) higher += logits(c) > logits(target);
      result.top1 += higher == 0;
      result.top5 += higher < 5;
      ++result.hidden;
      ++target_counts[target];
    }
  }
  if (result.hidden == 0) return result;
  result.loss /= result.hidden;
  for (const auto& [target, n] : target_counts) {
    result.baseline_loss -= n * std::log(static_cast<double>(n) / result.hidden);
    result.baseline_top1 = std::max(result.baseline_top1, n);
  }
  result.baseline_loss /= result.hidden;
  return result;
}

}  // namespace attention_lens
