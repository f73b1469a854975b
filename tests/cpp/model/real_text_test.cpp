// Real text and masked-word prediction (real_text.hpp): which sentences are kept, which words are
// hidden and named, the held-out sentences, and a short training run with real text.
#include "real_text.hpp"
#include "trainer.hpp"
#include "weights_file.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace attention_lens;

namespace {

// Ordinary sentences of known words (a corpus word, a word read by its kind, a closed-class word).
const std::vector<std::string> kSentences = {
    "the dog crossed the road",           "she ate the pizza because she was hungry",
    "the river was wide and cold",        "my brother walked to the park",
    "the box didn't fit in the car",      "they went to the bank to deposit money",
    "the cat slept near the window",      "a farmer carried the heavy table",
    "we waited at the station",           "the children played in the garden",
    "his sister painted the old fence",   "the bird flew over the house",
};

int count_targets(const MaskedSentence& masked) {
  int n = 0;
  for (const int target : masked.target_class) n += target != kNoTarget;
  return n;
}

}  // namespace

TEST_CASE("read_lines keeps the non-empty lines, without carriage returns", "[model][real_text]") {
  REQUIRE(read_lines("one two\r\n\nthree\n") == std::vector<std::string>{"one two", "three"});
  REQUIRE(read_lines("") == std::vector<std::string>{});
  REQUIRE(read_lines("last line without newline") == std::vector<std::string>{"last line without newline"});
}

TEST_CASE("the real-text corpus keeps readable sentences and holds out every tenth", "[model][real_text]") {
  CorpusGenerator generator(1);
  std::vector<std::string> sentences = kSentences;
  sentences.push_back("ok then");                                      // 2 tokens: too short
  sentences.push_back("the zyxwv qwrtp blorft snarfed the dog");       // 3 of 7 words unknown
  sentences.push_back("the " + std::string(20, 'q') + " dog saw the cat");  // 1 unknown of 6 words: kept
  std::string long_sentence;
  for (int i = 0; i < RealTextCorpus::kMaxTokens + 1; ++i) long_sentence += "the dog ";
  sentences.push_back(long_sentence);                                  // too long
  const RealTextCorpus corpus(sentences, generator.reader());
  REQUIRE(corpus.offered() == sentences.size());
  REQUIRE(corpus.size(false) + corpus.size(true) == kSentences.size() + 1);
  REQUIRE(corpus.size(true) == 2);  // the 1st and the 11th kept sentences

  const ReadSentence& first = corpus.sentence(true, 0);  // "the dog crossed the road"
  REQUIRE(first.token_ids.size() == 5);
  for (std::size_t i = 0; i < first.token_ids.size(); ++i) {
    REQUIRE(first.token_ids[i] != Vocabulary::kUnknownId);
    REQUIRE(first.maskable[i]);
  }
  REQUIRE(first.token_ids[1] == generator.vocabulary().id_of("dog"));
}

TEST_CASE("hiding words reads them as [unk] and names each one's row", "[model][real_text]") {
  CorpusGenerator generator(1);
  const RealTextCorpus corpus({"The river, wide and cold, was quiet.", "a b c"}, generator.reader());
  REQUIRE(corpus.size(true) == 1);
  const ReadSentence& sentence = corpus.sentence(true, 0);
  // Marks are never hidden; words are.
  REQUIRE_FALSE(sentence.maskable[2]);   // ","
  REQUIRE_FALSE(sentence.maskable.back());  // "."
  REQUIRE(sentence.maskable[1]);         // "river"

  std::mt19937 random(3);
  int hidden = 0, maskable = 0;
  for (int trial = 0; trial < 400; ++trial) {
    const MaskedSentence masked = hide_words(sentence, random, 15);
    REQUIRE(count_targets(masked) >= 1);  // at least one word a sentence
    for (std::size_t i = 0; i < sentence.token_ids.size(); ++i) {
      maskable += sentence.maskable[i];
      if (masked.target_class[i] == kNoTarget) {
        REQUIRE(masked.token_ids[i] == sentence.token_ids[i]);
        continue;
      }
      ++hidden;
      REQUIRE(sentence.maskable[i]);
      REQUIRE(masked.token_ids[i] == Vocabulary::kUnknownId);
      REQUIRE(masked.target_class[i] == sentence.token_ids[i]);
    }
  }
  // About 15 % of the words, a little more for the one-word minimum.
  REQUIRE(hidden > maskable * 12 / 100);
  REQUIRE(hidden < maskable * 25 / 100);

  std::mt19937 again(3), other(3);
  REQUIRE(hide_words(sentence, again, 15).token_ids == hide_words(sentence, other, 15).token_ids);
}

TEST_CASE("masked-word evaluation scores every word of the held-out sentences once", "[model][real_text]") {
  CorpusGenerator generator(1);
  const RealTextCorpus corpus(kSentences, generator.reader());
  TrainingOptions options;
  options.steps = 1;
  options.batch_size = 2;
  const ModelWeights weights = train_model(options);
  const MaskedWordEvaluation result = evaluate_masked_words(weights, corpus, 100);
  int words = 0;
  for (std::size_t s = 0; s < corpus.size(true); ++s)
    for (const bool maskable : corpus.sentence(true, s).maskable) words += maskable;
  REQUIRE(result.hidden == words);
  REQUIRE(result.top1 <= result.top5);
  REQUIRE(result.top5 <= result.hidden);
  REQUIRE(result.loss > 0.0);
  REQUIRE(result.baseline_loss > 0.0);
  REQUIRE(result.baseline_top1 >= 2);  // "the", twice in "the dog crossed the road"
  REQUIRE(result.baseline_top1 <= result.hidden);
  REQUIRE(evaluate_masked_words(weights, corpus, 1).hidden == 5);  // "the dog crossed the road"
}

TEST_CASE("a short run with real text lowers the masked-word loss, the same for one thread or two",
          "[model][real_text][training]") {
  TrainingOptions options;
  options.steps = 30;
  options.batch_size = 8;
  options.seed = 5;
  options.report_every = 1;
  for (int copy = 0; copy < 4; ++copy) options.real_text.insert(options.real_text.end(), kSentences.begin(), kSentences.end());
  options.real_text_per_step = 8;
  std::vector<double> masked;
  options.on_progress = [&masked](int, double, double masked_loss) { masked.push_back(masked_loss); };
  const ModelWeights first = train_model(options);
  REQUIRE(masked.size() == 30);
  REQUIRE(masked.front() > 0.0);
  REQUIRE(masked.back() < masked.front());

  options.threads = 1;
  options.on_progress = nullptr;
  const ModelWeights second = train_model(options);
  REQUIRE(serialize_weights(first) == serialize_weights(second));

  // Without real text, the run is the generated corpus's alone: a different model.
  options.real_text.clear();
  REQUIRE(serialize_weights(train_model(options)) != serialize_weights(first));
}
