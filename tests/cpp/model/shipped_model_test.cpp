// The weights file we ship, held to the model issue's acceptance bar: on held-out
// combinations the last layer's head-average points the pronoun at its referent in at least
// 90 % of cases, and every lesson sentence's query word looks most at the lesson's answer.
// Also a short training run (the full one is `npm run train`).
#include "analysis.hpp"
#include "corpus.hpp"
#include "evaluation.hpp"
#include "trainer.hpp"
#include "weights_file.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

using namespace attention_lens;

namespace {

ModelWeights load_shipped_model() {
  std::ifstream file(ATTENTION_LENS_MODEL_PATH, std::ios::binary);
  REQUIRE(file.good());
  const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  return parse_weights(bytes.data(), bytes.size());
}

}  // namespace

TEST_CASE("the shipped model resolves held-out pronouns through attention", "[model]") {
  const ModelWeights weights = load_shipped_model();
  CorpusGenerator corpus(4242);  // a seed the trainer does not use
  const Evaluation held_out = evaluate(weights, corpus, Split::held_out, 300);
  const int last = weights.config.layer_count - 1;
  const Score pronouns = held_out.pronoun_attention(last);
  const Score sense = held_out[Phenomenon::sense].layer_average[static_cast<std::size_t>(last)];
  INFO("held-out pronoun attention " << 100.0 * pronouns.rate() << "% of " << pronouns.total
       << "; word sense " << 100.0 * sense.rate() << "% of " << sense.total);
  REQUIRE(pronouns.total >= 500);
  REQUIRE(pronouns.rate() >= 0.90);
  // What the model outputs at those words is right as well.
  REQUIRE(held_out[Phenomenon::winograd].prediction.rate() >= 0.90);
  REQUIRE(held_out[Phenomenon::sense].prediction.rate() >= 0.90);
}

TEST_CASE("the shipped model resolves pronouns and bank in sentence shapes it never saw", "[model]") {
  const ModelWeights weights = load_shipped_model();
  CorpusGenerator corpus(4243);  // a seed the trainer does not use
  const Evaluation new_shapes = evaluate(weights, corpus, Split::held_out_shape, 300);
  const Score attention = new_shapes.reference_attention();
  for (const auto& [shape, score] : new_shapes.shape_attention)
    UNSCOPED_INFO(100.0 * score.rate() << "% of " << score.total << ": " << shape);
  INFO("held-out shapes: " << 100.0 * attention.rate() << "% of " << attention.total);
  REQUIRE(attention.total >= 900);
  REQUIRE(attention.rate() >= 0.90);
  REQUIRE(new_shapes.reference_prediction().rate() >= 0.90);
}

TEST_CASE("the shipped model gets every lesson sentence right", "[model]") {
  const ModelWeights weights = load_shipped_model();
  for (const LessonCase& lesson : lesson_cases()) {
    const LessonResult result = check_lesson(weights, lesson);
    INFO(lesson.sentence << ": \"" << lesson.query << "\" looks most at \"" << result.top_key << "\"");
    CHECK(result.passed);
  }
}

TEST_CASE("the shipped model names its heads and its vocabulary starts with [unk]", "[model]") {
  const ModelWeights weights = load_shipped_model();
  REQUIRE(weights.vocabulary.front() == "[unk]");
  REQUIRE(weights.head_labels.size() == static_cast<std::size_t>(weights.config.layer_count * weights.config.head_count));
  int labelled = 0;
  for (const std::string& label : weights.head_labels) labelled += !label.empty();
  REQUIRE(labelled >= 1);
}

TEST_CASE("a sentence longer than the model reads is refused with its count and the limit", "[model]") {
  const ModelWeights weights = load_shipped_model();
  const Vocabulary vocabulary(weights.vocabulary);
  const WordReader reader(vocabulary);
  const auto limit = static_cast<std::size_t>(weights.config.max_positions);
  std::string sentence;
  for (std::size_t i = 0; i <= limit; ++i) sentence += "dog ";  // limit + 1 tokens
  try {
    analyze_sentence(weights, reader, sentence);
    FAIL("a sentence of " << limit + 1 << " tokens was accepted");
  } catch (const TooManyTokens& error) {
    // The numbers as fields, for a front end to say in its language; the message for everyone else.
    REQUIRE(error.count == limit + 1);
    REQUIRE(error.limit == limit);
    REQUIRE(std::string(error.what()) == "The sentence has " + std::to_string(limit + 1) +
                                             " tokens (words and punctuation marks); the model reads at most " +
                                             std::to_string(limit) + ". Try a shorter sentence.");
  }
  sentence.resize(sentence.size() - 4);  // exactly the limit: read
  REQUIRE(analyze_sentence(weights, reader, sentence).tokens.size() == limit);
}

TEST_CASE("a short training run lowers the loss and is the same for the same seed", "[model][training]") {
  TrainingOptions options;
  options.steps = 30;
  options.batch_size = 16;
  options.seed = 5;
  options.report_every = 1;
  std::vector<double> losses;
  options.on_progress = [&losses](int, double loss, double) { losses.push_back(loss); };
  const ModelWeights first = train_model(options);
  REQUIRE(losses.size() == 30);
  REQUIRE(losses.back() < losses.front());

  options.threads = 1;  // one thread or two: the same weights
  options.on_progress = nullptr;
  const ModelWeights second = train_model(options);
  REQUIRE(serialize_weights(first) == serialize_weights(second));
}

TEST_CASE("the heads' overlap term pushes the last layer's heads apart where nothing else asks", "[model][training]") {
  // The same short run with and without the term, then the overlap (the mean over pairs of heads
  // of their rows' dot product, at tokens without a target) on sentences neither run drew.
  const auto mean_overlap_after = [](float weight) {
    TrainingOptions options;
    options.steps = 120;
    options.batch_size = 16;
    options.seed = 5;
    options.head_overlap_weight = weight;
    const ModelWeights weights = train_model(options);
    CorpusGenerator sentences(77);
    double overlap = 0.0;
    int rows = 0;
    for (int k = 0; k < 50; ++k) {
      const Example example = sentences.sample(Split::held_out);
      double sentence_overlap = 0.0;
      ModelWeights unused = zeros_like(weights);
      add_loss_gradients(weights, run_transformer(weights, example.token_ids), example.target_class, 1.0f,
                         unused, 0.0f, &sentence_overlap);
      overlap += sentence_overlap;
      for (const int target : example.target_class) rows += target < 0;
    }
    return overlap / rows;
  };
  const double without = mean_overlap_after(0.0f);
  const double with = mean_overlap_after(30.0f);  // strong, to show in a short run
  INFO("mean overlap without the term " << without << ", with it " << with);
  REQUIRE(with < 0.8 * without);
}

TEST_CASE("a head's label leads with the role it was trained for, when it holds it", "[model]") {
  const ModelWeights weights = load_shipped_model();
  const int layers = weights.config.layer_count, heads = weights.config.head_count;
  // Every role scored 0.99 on every head but two: the last layer's head 4 holds "bank" at 1.0
  // and its trained role, "verb → subject", at 0.99; head 1 holds nothing it was trained for.
  Evaluation held_out;
  for (const char* role : kHeadRoles)
    held_out.role_head[role].assign(static_cast<std::size_t>(layers), std::vector<Score>(static_cast<std::size_t>(heads), Score{99, 100}));
  held_out.role_head["bank → context word"][static_cast<std::size_t>(layers - 1)][3] = Score{100, 100};
  for (const char* role : {"pronoun → referent", "he/she → name"})
    held_out.role_head[role][static_cast<std::size_t>(layers - 1)][0] = Score{10, 100};
  std::vector<std::vector<std::string>> trained(static_cast<std::size_t>(layers * heads));
  trained[static_cast<std::size_t>((layers - 1) * heads + 3)] = {"verb → subject"};
  trained[static_cast<std::size_t>((layers - 1) * heads + 0)] = {"pronoun → referent", "he/she → name"};

  const std::vector<std::string> plain = label_heads(weights, held_out);
  const std::vector<std::string> led = label_heads(weights, held_out, 0.6, trained);
  const std::string& head4 = led[static_cast<std::size_t>((layers - 1) * heads + 3)];
  CHECK(plain[static_cast<std::size_t>((layers - 1) * heads + 3)].rfind("bank → context word 100%", 0) == 0);
  CHECK(head4.rfind("verb → subject 99% · bank → context word 100%", 0) == 0);
  // A trained role under the threshold does not lead: head 1 is named after what it does.
  const std::string& head1 = led[static_cast<std::size_t>((layers - 1) * heads)];
  CHECK(head1.find("pronoun → referent") == std::string::npos);
  CHECK(head1 == plain[static_cast<std::size_t>((layers - 1) * heads)]);
  // The trainer's own list: the last layer's four jobs, and head 2's previous word.
  TrainingOptions options;
  options.previous_word_weight = 0.5f;
  const auto roles = trained_head_roles(options, weights.config);
  REQUIRE(roles.size() == static_cast<std::size_t>(layers * heads));
  CHECK(roles[0].empty());
  CHECK(roles[static_cast<std::size_t>((layers - 1) * heads + 1)] ==
        std::vector<std::string>{"bank → context word", "previous word"});
  CHECK(roles[static_cast<std::size_t>((layers - 1) * heads + 3)] == std::vector<std::string>{"verb → subject"});
}

TEST_CASE("the previous-word head names the word before where it has no job, and optionally at others' targets",
          "[model][training]") {
  TrainingOptions options;  // previous_word_head 1: the bank head
  constexpr int kHeads = 4;
  CorpusGenerator corpus(11);
  int pronouns = 0, banks = 0;
  for (int n = 0; n < 200; ++n) {
    const Example example = corpus.sample(Split::train);
    options.previous_word_at_other_targets = false;
    const std::vector<int> plain = previous_word_targets(example, options, kHeads);
    options.previous_word_at_other_targets = true;
    const std::vector<int> everywhere = previous_word_targets(example, options, kHeads);
    REQUIRE(plain.size() == example.token_ids.size());
    CHECK(plain[0] == kNoTarget);
    CHECK(everywhere[0] == kNoTarget);
    for (std::size_t i = 1; i < plain.size(); ++i) {
      const int head = routed_head(example, i, kHeads);
      const int before = example.token_ids[i - 1];
      if (head < 0) {  // no target: the word before, either way
        CHECK(plain[i] == before);
        CHECK(everywhere[i] == before);
      } else if (head == options.previous_word_head) {  // bank: its own job, never the word before
        CHECK(plain[i] == kNoTarget);
        CHECK(everywhere[i] == kNoTarget);
        ++banks;
      } else {  // a pronoun, a "the", a verb: another head's job
        CHECK(plain[i] == kNoTarget);
        CHECK(everywhere[i] == before);
        pronouns += head == 0;
      }
    }
  }
  CHECK(pronouns > 20);
  CHECK(banks > 20);
}
