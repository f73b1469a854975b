// How well the trained model does, judged the way the widget shows it: does the word's
// attention point at the word that decides it? (docs/model.md, "Evaluation").
#pragma once

#include "corpus.hpp"
#include "transformer.hpp"

#include <array>
#include <map>
#include <string>
#include <vector>

namespace attention_lens {

struct Score {
  int correct = 0;
  int total = 0;
  double rate() const { return total ? static_cast<double>(correct) / total : 0.0; }
  void add(bool is_correct) { correct += is_correct; ++total; }
};

// The key a query attends to most in one layer: in head `head`, or averaged over the heads
// when head < 0.
int most_attended_key(const LayerTrace& layer, int query, int head = -1);

struct PhenomenonEvaluation {
  Score prediction;                            // the model's output at the word is its target
  std::vector<Score> layer_average;            // per layer: head-average's top key = deciding word
  std::vector<std::vector<Score>> head;        // per layer, per head: the same for one head
};

struct Evaluation {
  std::array<PhenomenonEvaluation, 4> by_phenomenon;  // indexed by Phenomenon
  const PhenomenonEvaluation& operator[](Phenomenon p) const { return by_phenomenon[static_cast<int>(p)]; }
  // Pronoun resolution: winograd and name targets together.
  Score pronoun_attention(int layer) const;
  // Per frame (Example::shape), the pronoun's or bank's own target only: the last layer's
  // head average points at the deciding word / the model predicts the target.
  std::map<std::string, Score> shape_attention, shape_prediction;
  // Those two over every frame: the pronoun and bank targets of all phenomena together.
  Score reference_attention() const;
  Score reference_prediction() const;
  // What each head does, role by role (kHeadRoles): per role, per layer, per head, how often the
  // head's top key is the role's word — the deciding word of a kind of target, or a word at a
  // fixed place (the previous word, itself, the next word, the first word), over every query.
  std::map<std::string, std::vector<std::vector<Score>>> role_head;
};

// The roles a head is named after, in the order label_heads lists ties.
extern const char* const kHeadRoles[9];

// Scores `sentences_per_phenomenon` fresh sentences of each phenomenon from `corpus`.
Evaluation evaluate(const ModelWeights& weights, CorpusGenerator& corpus, Split split,
                    int sentences_per_phenomenon);

// Names each head after what it does on held-out data: every role (kHeadRoles) whose word is the
// head's top key in at least `threshold` of the cases, best first (e.g. "pronoun → referent 100%
// · bank → context word 98%"); when it reaches the threshold in none, its most frequent role with
// its figure ("previous word 41%"), so every head has a label and the figure says how far it holds.
// `trained_roles` (by layer then head; empty: none) are the roles a head was trained to answer:
// those it holds at the threshold come first, so that the head picker, which shows a label's
// first role, names a head after its job rather than after a side effect that scored as high.
std::vector<std::string> label_heads(const ModelWeights& weights, const Evaluation& held_out,
                                     double threshold = 0.6,
                                     const std::vector<std::vector<std::string>>& trained_roles = {});

// The lessons' own sentences and the word each query should attend to most (any of them).
struct LessonCase {
  std::string sentence;
  std::string query;
  std::vector<std::string> expected_keys;
};
const std::vector<LessonCase>& lesson_cases();

struct LessonResult {
  LessonCase lesson;
  std::string top_key;          // in the last layer's head-average
  std::vector<std::pair<std::string, float>> row;  // every key and its weight, as in the widget
  bool passed;
};
// Throws InvalidInput if a lesson sentence has unknown words or no such query word.
LessonResult check_lesson(const ModelWeights& weights, const LessonCase& lesson);

}  // namespace attention_lens
