// Which row of the model's embedding table a word the learner typed is read with (issue 11 §1,
// docs/model.md, "Vocabulary").
//
// The model has a row of its own for every word its corpus writes (~440) and one row for each
// *class* a word can belong to: WordNet's 45 lexicographer classes ("noun.animal",
// "verb.motion", "adj.all", …) and each noun class's plural, first names by gender, numbers, and
// the closed classes of English (determiners, prepositions, pronouns, auxiliaries, …). A word
// without a row of its own is read as its class: "donkey" as noun.animal, "donkeys" as
// "noun.animal, plural", "went" as verb.motion (through its lemma "go"), "Lucy" as name.female,
// "of" as preposition. So the grid still shows the learner's words and the
// real attention on them, and what the model knows of such a word is said plainly: its class.
// A word in no class stays unknown ("[unk]").
//
// The classes of open-class words and names need cpp/model/data/word_readings.tsv
// (lemmatizer.hpp); without it only the closed classes and numbers are read.
#pragma once

#include "lemmatizer.hpp"
#include "tokenizer.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace attention_lens {

struct WordReading {
  int id = Vocabulary::kUnknownId;  // the embedding row the model reads
  std::string word_class;          // "" when the word has a row of its own (or is unknown);
                                   // else the class it is read as: "noun.animal", "noun.animal, plural", "name.female"…
  bool known() const { return id != Vocabulary::kUnknownId; }
};

// Marks a plural noun's class: "noun.animal, plural".
constexpr std::string_view kPluralMark = ", plural";

// Every class a word can be read as, each as the vocabulary entry of its row: "[noun.animal]",
// "[preposition]", "[name.female]", "[number]"… (the tokenizer never makes a token with a bracket
// and a letter, so no typed word can be one of them).
const std::vector<std::string>& class_token_words();
std::string class_token_word(std::string_view word_class);  // "noun.animal" → "[noun.animal]"

// Whether tokens[index] comes right after "a", "an", "the" or a possessive determiner ("my",
// "his", "its", "our", "their", "your"), where English puts a noun or its adjectives, never a
// verb.
bool follows_article(const std::vector<Token>& tokens, std::size_t index);

class WordReader {
 public:
  // `vocabulary` must outlive the reader.
  explicit WordReader(const Vocabulary& vocabulary);
  void use_lexicon(std::shared_ptr<const WordNetLexicon> lexicon) { lexicon_ = std::move(lexicon); }
  bool has_lexicon() const { return lexicon_ != nullptr; }
  const Vocabulary& vocabulary() const { return vocabulary_; }

  // The word's own row when the vocabulary has it; else its class's row; else unknown.
  // `sentence_initial`: the word starts its sentence, where a capital letter makes a name only of
  // a word that is not also a common one ("John", "Mary" are names there; "Hope", "Bill" are not).
  // `after_article`: it follows an article or a possessive (follows_article), so a word that is
  // more often a verb but also a noun is read as the noun: "the ducks", "his works".
  WordReading read(std::string_view word, bool sentence_initial, bool after_article) const;

  // The class the word belongs to, whether or not it has a row of its own ("" for none): what
  // training reads a corpus word as now and then, so that every class row learns what its
  // words do.
  std::string word_class(std::string_view word, bool sentence_initial, bool after_article) const;

 private:
  const Vocabulary& vocabulary_;
  std::shared_ptr<const WordNetLexicon> lexicon_;
};

}  // namespace attention_lens
