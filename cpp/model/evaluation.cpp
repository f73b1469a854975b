#include "evaluation.hpp"

#include "analysis.hpp"
#include "trainer.hpp"

#include <algorithm>
#include <cstdio>

namespace attention_lens {

namespace {

constexpr std::array<Phenomenon, 4> kPhenomena = {Phenomenon::winograd, Phenomenon::name,
                                                  Phenomenon::sense, Phenomenon::structure};

// As the widget reads them (word_reader.hpp): own rows, else class rows, else unknown.
std::vector<int> ids_of(const ModelWeights& weights, const std::vector<Token>& tokens) {
  const Vocabulary vocabulary(weights.vocabulary);
  WordReader reader(vocabulary);
  reader.use_lexicon(training_word_readings());
  std::vector<int> ids;
  for (std::size_t i = 0; i < tokens.size(); ++i) ids.push_back(reader.read(tokens[i].text, starts_sentence(tokens, i), follows_article(tokens, i)).id);
  return ids;
}

}  // namespace

int most_attended_key(const LayerTrace& layer, int query, int head) {
  const auto& heads = layer.attention.heads;
  Eigen::RowVectorXf row = Eigen::RowVectorXf::Zero(heads.front().attention.weights.cols());
  if (head >= 0) {
    row = heads[static_cast<std::size_t>(head)].attention.weights.row(query);
  } else {
    for (const HeadTrace& h : heads) row += h.attention.weights.row(query);
  }
  Eigen::Index best = 0;
  row.maxCoeff(&best);
  return static_cast<int>(best);
}

Score Evaluation::pronoun_attention(int layer) const {
  Score total;
  for (const Phenomenon p : {Phenomenon::winograd, Phenomenon::name}) {
    total.correct += (*this)[p].layer_average[static_cast<std::size_t>(layer)].correct;
    total.total += (*this)[p].layer_average[static_cast<std::size_t>(layer)].total;
  }
  return total;
}

namespace {
Score total_of(const std::map<std::string, Score>& scores) {
  Score total;
  for (const auto& [shape, score] : scores) {
    total.correct += score.correct;
    total.total += score.total;
  }
  return total;
}
}  // namespace

Score Evaluation::reference_attention() const { return total_of(shape_attention); }
Score Evaluation::reference_prediction() const { return total_of(shape_prediction); }

const char* const kHeadRoles[9] = {"pronoun → referent", "he/she → name", "bank → context word",
                                   "the → noun", "verb → subject", "previous word", "itself",
                                   "next word", "first word"};

Evaluation evaluate(const ModelWeights& weights, CorpusGenerator& corpus, Split split,
                    int sentences_per_phenomenon) {
  const int layers = weights.config.layer_count, heads = weights.config.head_count;
  Evaluation evaluation;
  for (const char* role : kHeadRoles)
    evaluation.role_head[role].assign(static_cast<std::size_t>(layers), std::vector<Score>(static_cast<std::size_t>(heads)));
  const auto add_role = [&](const char* role, const TransformerTrace& trace, int query, int expected) {
    auto& by_layer = evaluation.role_head[role];
    for (int l = 0; l < layers; ++l)
      for (int h = 0; h < heads; ++h)
        by_layer[static_cast<std::size_t>(l)][static_cast<std::size_t>(h)].add(
            most_attended_key(trace.layers[static_cast<std::size_t>(l)], query, h) == expected);
  };
  for (PhenomenonEvaluation& e : evaluation.by_phenomenon) {
    e.layer_average.assign(static_cast<std::size_t>(layers), Score{});
    e.head.assign(static_cast<std::size_t>(layers), std::vector<Score>(static_cast<std::size_t>(heads)));
  }
  for (const Phenomenon sampled : kPhenomena) {
    for (int s = 0; s < sentences_per_phenomenon; ++s) {
      const Example example = corpus.sample(split, sampled);
      // Predictions as trained: each target from its routed head (attention is the same either way).
      const TransformerTrace trace = run_transformer(weights, example.token_ids, {},
                                                     routed_head_scale(example, heads));
      const int n = static_cast<int>(example.tokens.size());
      for (int i = 0; i < n; ++i) {
        if (i > 0) add_role("previous word", trace, i, i - 1);
        add_role("itself", trace, i, i);
        if (i + 1 < n) add_role("next word", trace, i, i + 1);
        if (i > 0) add_role("first word", trace, i, 0);
      }
      for (std::size_t i = 0; i < example.tokens.size(); ++i) {
        const int target = example.target_class[i];
        if (target < 0) continue;
        switch (example.target_phenomenon[i]) {
          case Phenomenon::winograd: add_role("pronoun → referent", trace, static_cast<int>(i), example.target_position[i]); break;
          case Phenomenon::name: add_role("he/she → name", trace, static_cast<int>(i), example.target_position[i]); break;
          case Phenomenon::sense: add_role("bank → context word", trace, static_cast<int>(i), example.target_position[i]); break;
          case Phenomenon::structure:
            add_role(example.target_position[i] > static_cast<int>(i) ? "the → noun" : "verb → subject", trace,
                     static_cast<int>(i), example.target_position[i]);
            break;
        }
        // Structure targets ride along in every sentence; count each target under its own kind.
        PhenomenonEvaluation& e =
            evaluation.by_phenomenon[static_cast<int>(example.target_phenomenon[i])];
        Eigen::Index predicted = 0;
        trace.logits.row(static_cast<Eigen::Index>(i)).maxCoeff(&predicted);
        e.prediction.add(predicted == target);
        if (example.target_phenomenon[i] == example.phenomenon && example.phenomenon != Phenomenon::structure) {
          const LayerTrace& last = trace.layers.back();
          evaluation.shape_attention[example.shape].add(
              most_attended_key(last, static_cast<int>(i)) == example.target_position[i]);
          evaluation.shape_prediction[example.shape].add(predicted == target);
        }
        for (int l = 0; l < layers; ++l) {
          const LayerTrace& layer = trace.layers[static_cast<std::size_t>(l)];
          const int query = static_cast<int>(i);
          e.layer_average[static_cast<std::size_t>(l)].add(most_attended_key(layer, query) == example.target_position[i]);
          for (int h = 0; h < heads; ++h)
            e.head[static_cast<std::size_t>(l)][static_cast<std::size_t>(h)].add(
                most_attended_key(layer, query, h) == example.target_position[i]);
        }
      }
    }
  }
  return evaluation;
}

std::vector<std::string> label_heads(const ModelWeights& weights, const Evaluation& held_out,
                                     double threshold,
                                     const std::vector<std::vector<std::string>>& trained_roles) {
  const auto percent = [](double rate) {
    char text[16];
    std::snprintf(text, sizeof text, " %.0f%%", 100.0 * rate);
    return std::string(text);
  };
  std::vector<std::string> labels;
  for (int l = 0; l < weights.config.layer_count; ++l)
    for (int h = 0; h < weights.config.head_count; ++h) {
      // Every role this head does well, best first; else the one it does most.
      std::vector<std::pair<double, const char*>> roles;
      for (const char* role : kHeadRoles) {
        const Score& score = held_out.role_head.at(role)[static_cast<std::size_t>(l)][static_cast<std::size_t>(h)];
        if (score.total > 0) roles.emplace_back(score.rate(), role);
      }
      std::stable_sort(roles.begin(), roles.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
      const std::size_t index = static_cast<std::size_t>(l * weights.config.head_count + h);
      if (index < trained_roles.size()) {
        const std::vector<std::string>& trained = trained_roles[index];
        std::stable_partition(roles.begin(), roles.end(), [&](const auto& role) {
          return role.first >= threshold && std::find(trained.begin(), trained.end(), role.second) != trained.end();
        });
      }
      std::string label;
      for (const auto& [rate, role] : roles)
        if (rate >= threshold) label += (label.empty() ? "" : " · ") + std::string(role) + percent(rate);
      if (label.empty() && !roles.empty()) label = roles.front().second + percent(roles.front().first);
      labels.push_back(label);
    }
  return labels;
}

const std::vector<LessonCase>& lesson_cases() {
  static const std::vector<LessonCase> cases = {
      {"The animal didn't cross the street because it was too tired", "it", {"animal"}},
      {"The animal didn't cross the street because it was too wide", "it", {"street"}},
      {"The trophy didn't fit in the suitcase because it was too big", "it", {"trophy"}},
      {"The trophy didn't fit in the suitcase because it was too small", "it", {"suitcase"}},
      {"Arjun ate the pizza because he was hungry", "he", {"arjun"}},
      {"The bank by the river was steep", "bank", {"river"}},
      {"I went to the bank to deposit money", "bank", {"money", "deposit"}},
  };
  return cases;
}

LessonResult check_lesson(const ModelWeights& weights, const LessonCase& lesson) {
  const std::vector<Token> tokens = tokenize(lesson.sentence);
  const std::vector<int> ids = ids_of(weights, tokens);
  int query = -1;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (ids[i] == Vocabulary::kUnknownId)
      throw InvalidInput("The lesson sentence \"" + lesson.sentence + "\" has a word the model does not know: \"" + tokens[i].text + "\".");
    if (normalize_word(tokens[i].text) == lesson.query) query = static_cast<int>(i);
  }
  if (query < 0) throw InvalidInput("\"" + lesson.query + "\" is not in \"" + lesson.sentence + "\".");

  const TransformerTrace trace = run_transformer(weights, ids);
  const LayerTrace& last = trace.layers.back();
  LessonResult result{lesson, "", {}, false};
  Eigen::RowVectorXf average = Eigen::RowVectorXf::Zero(static_cast<Eigen::Index>(tokens.size()));
  for (const HeadTrace& head : last.attention.heads) average += head.attention.weights.row(query);
  average /= static_cast<float>(last.attention.heads.size());
  for (std::size_t k = 0; k < tokens.size(); ++k) result.row.emplace_back(tokens[k].text, average(static_cast<Eigen::Index>(k)));
  result.top_key = normalize_word(tokens[static_cast<std::size_t>(most_attended_key(last, query))].text);
  result.passed = std::find(lesson.expected_keys.begin(), lesson.expected_keys.end(), result.top_key) !=
                  lesson.expected_keys.end();
  return result;
}

}  // namespace attention_lens
