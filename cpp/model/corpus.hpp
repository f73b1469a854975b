// The training corpus: sentences generated from templates and word classes that cover what the
// lessons teach, each with the targets the model learns from (docs/model.md, "Corpus").
//
// Phenomena:
//   winograd   "The animal didn't cross the street because it was too tired|wide",
//              "The trophy didn't fit in the suitcase because it was too big|small": the
//              pronoun's referent is decided by the attribute's class.
//   name       "Arjun ate the pizza because he was hungry", "Priya thanked Omar because he …":
//              the pronoun's referent is decided by the name's gender.
//   sense      "The bank by the river|money was steep", "I went to the bank to deposit money":
//              the sense of "bank" is decided by the context noun alone; every frame and every
//              other word is shared by both senses. "bank" names that noun (its target).
//   structure  determiner → its noun, verb → its subject, in every sentence.
//
// Held-out combinations: for winograd and name sentences the pair (referent word, deciding
// word), for sense sentences the pair (frame, context noun) and for structure sentences the pair
// (subject, object noun) is either a training pair or a held-out pair, fixed by the lexicon
// (about 1 in 5 held out, see is_held_out_pair in lexicon.hpp); held-out sentences only use
// held-out pairs, so they test combinations the model never saw together.
//
// Held-out shapes: every phenomenon also has frames that training never draws (new word orders
// and verb phrases made of known words, e.g. "Since it was so tired, the dog never crossed the
// road"); Split::held_out_shape draws only those, with any word pair.
//
// Fillers (every split): a determiner other than "the" (my, a, their…), a neutral adjective
// before a noun, a time or place phrase in front or at the end ("Yesterday at the farm …"):
// words that change no answer, so the answer cannot be read from a word's position.
#pragma once

#include "tokenizer.hpp"
#include "word_reader.hpp"

#include <memory>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace attention_lens {

enum class Phenomenon { winograd, name, sense, structure };
enum class Split { train, held_out, held_out_shape };

// No target at this token.
constexpr int kNoTarget = -1;

struct Example {
  std::string text;
  std::vector<Token> tokens;
  std::vector<int> token_ids;        // vocabulary ids, one per token
  // Per token: the class the model must predict there, or kNoTarget.
  // Every class is "the word with this vocabulary id": the referent, the subject, the noun,
  // and for "bank" the context noun that decides its sense.
  std::vector<int> target_class;
  // Per token: the position of the token that decides its target (the referent, the context
  // noun, the subject, the noun), or kNoTarget. Scores attention; at the pronoun and "bank" it
  // also trains it (TrainingOptions::attention_target_weight).
  std::vector<int> target_position;
  // Per token: which phenomenon its target belongs to (meaningful where target_class is set).
  std::vector<Phenomenon> target_phenomenon;
  Phenomenon phenomenon;  // the template's
  Split split;
  std::string shape;      // the frame the sentence was made from, as written in corpus.cpp
  // The position of the word that decides the phenomenon's answer: the attribute (winograd,
  // name), the context noun (sense); kNoTarget for structure sentences.
  int cue_position = kNoTarget;
};

// The committed word readings (cpp/model/data/word_readings.tsv), read once.
std::shared_ptr<const WordNetLexicon> training_word_readings();

// The plural a corpus noun is written as ("dogs", "mice", "boxes"), or "" when it has none the
// model would read as its class's plural row (a mass noun such as "rice", the same form such as
// "sheep").
std::string plural_of(const std::string& noun);

class CorpusGenerator {
 public:
  explicit CorpusGenerator(std::uint32_t seed);
  CorpusGenerator(const CorpusGenerator& other);
  CorpusGenerator& operator=(const CorpusGenerator&) = delete;

  // Training only: each word that belongs to a class (word_reader.hpp) is read as its class
  // with this probability, in percent — not the cue, the pronoun or "bank" — and a target
  // naming it names the class. So the class rows learn what their words do; 0 (the default)
  // keeps every word's own row, as the evaluation splits do.
  void set_class_reading_percent(int percent) { class_reading_percent_ = percent; }
  // Training only: of the pronoun sentences, this share in percent has nothing that tells the
  // two nouns apart (one number, an attribute that names neither, two names of one gender), and
  // the pronoun names the main clause's subject (corpus.cpp, "The subject by default"). 0 (the
  // default) makes none.
  void set_subject_default_percent(int percent) { subject_default_percent_ = percent; }
  const WordReader& reader() const { return reader_; }

  // Every word any template can produce, normalized, "[unk]" first, then sorted: the model's
  // vocabulary.
  const Vocabulary& vocabulary() const { return vocabulary_; }
  // The frames of each split, as written (held-out shapes never appear in training).
  static std::vector<std::string> shapes(Phenomenon phenomenon, bool held_out_shape);
  // vocabulary().size(): a class is a word.
  int class_count() const;
  // The vocabulary's words.
  std::vector<std::string> class_names() const;

  // One random sentence of the given split and phenomenon. The mix used in training is
  // sample(split), which picks the phenomenon with fixed proportions: winograd 40 %, name 20 %,
  // sense 25 %, structure 15 %.
  Example sample(Split split, Phenomenon phenomenon);
  Example sample(Split split);

 private:
  Example finish(Example example);
  void read_some_words_as_classes(Example& example);

  std::mt19937 random_;
  Vocabulary vocabulary_;
  WordReader reader_;  // reads vocabulary_
  int class_reading_percent_ = 0;
  int subject_default_percent_ = 0;
};

}  // namespace attention_lens
