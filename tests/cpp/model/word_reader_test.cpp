// How a typed word is read (word_reader.hpp): its own row, else its class's row, else unknown.
#include "analysis.hpp"
#include "corpus.hpp"
#include "matrix.hpp"
#include "word_reader.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace attention_lens;

namespace {

// A vocabulary of a few own words and every class row, as a trained model has.
Vocabulary small_vocabulary() {
  std::vector<std::string> words = {"dog", "the", "it", "arjun"};
  words.insert(words.end(), class_token_words().begin(), class_token_words().end());
  std::sort(words.begin(), words.end());
  words.insert(words.begin(), "[unk]");
  return Vocabulary(words);
}

std::string class_of(const WordReader& reader, const char* word, bool sentence_initial = false, bool after_article = false) {
  const WordReading reading = reader.read(word, sentence_initial, after_article);
  if (!reading.known()) return "[unk]";
  REQUIRE(reading.id == reader.vocabulary().id_of(reading.word_class.empty() ? std::string(word)
                                                                               : class_token_word(reading.word_class)));
  return reading.word_class.empty() ? "own" : reading.word_class;
}

}  // namespace

TEST_CASE("a word with a row of its own is read with it, whatever its class", "[word_reader]") {
  const Vocabulary vocabulary = small_vocabulary();
  WordReader reader(vocabulary);
  reader.use_lexicon(training_word_readings());
  CHECK(class_of(reader, "dog") == "own");
  CHECK(class_of(reader, "The", true) == "own");
  CHECK(class_of(reader, "Arjun") == "own");
  // Its class is still known, for training to read it that way now and then.
  CHECK(reader.word_class("dog", false, false) == "noun.animal");
  CHECK(reader.word_class("the", true, false) == "determiner");
}

TEST_CASE("a word without a row is read as its WordNet class, through its lemma", "[word_reader]") {
  const Vocabulary vocabulary = small_vocabulary();
  WordReader reader(vocabulary);
  reader.use_lexicon(training_word_readings());
  CHECK(class_of(reader, "antelope") == "noun.animal");
  // A plural noun is read as its class's plural row, regular (morphy) or not.
  CHECK(class_of(reader, "antelopes") == "noun.animal, plural");
  CHECK(class_of(reader, "mice") == "noun.animal, plural");
  CHECK(class_of(reader, "children") == "noun.person, plural");
  CHECK(class_of(reader, "boxes") == "noun.artifact, plural");
  CHECK(class_of(reader, "sheep") == "noun.animal");  // the same form: read as the singular
  CHECK(class_of(reader, "went") == "verb.motion");          // an irregular form of "go"
  CHECK(class_of(reader, "left") == "verb.motion");          // "leave" is tagged far more often than "left"
  CHECK(class_of(reader, "saw") == "verb.perception");       // "see", not the tool
  CHECK(class_of(reader, "sofa") == "noun.artifact");
  CHECK(class_of(reader, "pizza") == "noun.food");
  CHECK(class_of(reader, "Happy", true) == "adj.all");
  // British spellings are read through the American ones WordNet writes.
  CHECK(class_of(reader, "favourite") == reader.word_class("favorite", false, false));
  CHECK(class_of(reader, "favourite") != "[unk]");
  CHECK(class_of(reader, "apologised") == reader.word_class("apologized", false, false));
}

TEST_CASE("a person with a gender in WordNet is read as one; several people need none", "[word_reader]") {
  const Vocabulary vocabulary = small_vocabulary();
  WordReader reader(vocabulary);
  reader.use_lexicon(training_word_readings());
  // A hypernym {male person} / {female person}, or a gloss headed by a gendered person.
  CHECK(class_of(reader, "man") == "noun.person.male");
  CHECK(class_of(reader, "boy") == "noun.person.male");
  CHECK(class_of(reader, "father") == "noun.person.male");       // "a male parent"
  CHECK(class_of(reader, "woman") == "noun.person.female");
  CHECK(class_of(reader, "grandmother") == "noun.person.female"); // "the mother of your father or mother"
  CHECK(class_of(reader, "wife") == "noun.person.female");        // "a married woman"
  // A head with "or" names no gender; nor does anything after the head.
  CHECK(class_of(reader, "parent") == "noun.person");  // "a father or mother"
  CHECK(class_of(reader, "nurse") == "noun.person");   // "one skilled in caring for … (usually a woman)"
  CHECK(class_of(reader, "student") == "noun.person");
  // "They" names men and women alike: a plural is noun.person's plural row.
  CHECK(class_of(reader, "men") == "noun.person, plural");
  CHECK(class_of(reader, "grandmothers") == "noun.person, plural");
  const auto& rows = class_token_words();
  CHECK(std::count(rows.begin(), rows.end(), "[noun.person.male]") == 1);
  CHECK(std::count(rows.begin(), rows.end(), "[noun.person.female]") == 1);
  CHECK(std::count(rows.begin(), rows.end(), "[noun.person.male, plural]") == 0);
  // A model trained before these rows reads them as noun.person.
  std::vector<std::string> older = {"[unk]"};
  for (const std::string& row : rows)
    if (row != "[noun.person.male]" && row != "[noun.person.female]") older.push_back(row);
  const Vocabulary older_vocabulary(older);
  WordReader older_reader(older_vocabulary);
  older_reader.use_lexicon(training_word_readings());
  CHECK(class_of(older_reader, "grandmother") == "noun.person");
}

TEST_CASE("closed-class words, numbers and names have classes of their own", "[word_reader]") {
  const Vocabulary vocabulary = small_vocabulary();
  WordReader reader(vocabulary);
  reader.use_lexicon(training_word_readings());
  CHECK(class_of(reader, "of") == "preposition");
  CHECK(class_of(reader, "because") == "conjunction");
  CHECK(class_of(reader, "they") == "pronoun");
  CHECK(class_of(reader, "wasn't") == "auxiliary");
  CHECK(class_of(reader, "I'm") == "pronoun.contraction");
  CHECK(class_of(reader, "why") == "question");
  CHECK(class_of(reader, "please") == "interjection");
  CHECK(class_of(reader, "twelve") == "number");
  CHECK(class_of(reader, "2026") == "number");
  CHECK(class_of(reader, "3.5") == "number");
  CHECK(class_of(reader, "Lucy") == "name.female");
  CHECK(class_of(reader, "Tom") == "name.male");
  // Inside a sentence a capital letter marks a name before a common word. At its start, a name
  // is read as a name unless it is a common word in its own right (15 or more SemCor tags).
  CHECK(class_of(reader, "Rose") == "name.female");
  CHECK(class_of(reader, "John", true) == "name.male");       // not "john", a toilet (1 tag)
  CHECK(class_of(reader, "Mary", true) == "name.female");
  CHECK(class_of(reader, "Oliver", true) == "name.male");     // not through "olive"
  CHECK(class_of(reader, "Rose", true) == "name.female");     // not through "rise"
  CHECK(class_of(reader, "Hope", true) == reader.word_class("hope", false, false));
  CHECK(class_of(reader, "Bill", true) == reader.word_class("bill", false, false));
  CHECK(class_of(reader, "Bill") == "name");  // in both lists, and compromise names no gender: "name"
  // Names in both first-name lists take the gender of their common use (compromise's lexicon),
  // so that "he" and "she" can tell George from Claire; a name used for both stays "name".
  CHECK(class_of(reader, "George") == "name.male");
  CHECK(class_of(reader, "Chris") == "name.male");
  CHECK(class_of(reader, "Claire") == "name.female");
  CHECK(class_of(reader, "Kim") == "name.female");
  CHECK(class_of(reader, "Pat") == "name");
  CHECK(class_of(reader, "Morgan") == "name");
  CHECK(class_of(reader, "john", true) == reader.word_class("john", false, false));  // no capital, no name
  CHECK(class_of(reader, "xqzv") == "[unk]");
  CHECK(class_of(reader, "😀") == "[unk]");
}

TEST_CASE("without the word readings only the closed classes and numbers are read", "[word_reader]") {
  const Vocabulary vocabulary = small_vocabulary();
  const WordReader reader(vocabulary);
  REQUIRE_FALSE(reader.has_lexicon());
  CHECK(class_of(reader, "of") == "preposition");
  CHECK(class_of(reader, "42") == "number");
  CHECK(class_of(reader, "antelope") == "[unk]");
  CHECK(class_of(reader, "Lucy") == "[unk]");
  // A model without class rows reads every word it has no row for as unknown.
  const Vocabulary own_words_only({"[unk]", "dog"});
  WordReader old_reader(own_words_only);
  old_reader.use_lexicon(training_word_readings());
  CHECK_FALSE(old_reader.read("antelope", false, false).known());
  CHECK(old_reader.read("dog", false, false).known());
  // A model with class rows but no plural rows reads a plural as its singular class.
  const Vocabulary singular_rows({"[unk]", class_token_word("noun.animal")});
  WordReader singular_reader(singular_rows);
  singular_reader.use_lexicon(training_word_readings());
  CHECK(class_of(singular_reader, "antelopes") == "noun.animal");
}

TEST_CASE("after an article a word that is also a noun is read as the noun", "[word_reader]") {
  const Vocabulary vocabulary = small_vocabulary();
  WordReader reader(vocabulary);
  reader.use_lexicon(training_word_readings());
  // "ducks" is more often the verb (to duck); after "the" it can only be the birds.
  REQUIRE(reader.word_class("ducks", false, false).rfind("verb.", 0) == 0);
  CHECK(class_of(reader, "ducks", false, true) == "noun.animal, plural");
  // Adjectives stay adjectives ("the wet bank"), and a verb with no noun reading stays a verb.
  CHECK(class_of(reader, "wet", false, true) == reader.word_class("wet", false, false));
  CHECK(class_of(reader, "went", false, true) == "verb.motion");
  const std::vector<Token> tokens = tokenize("The girls chased the ducks and his dog");
  CHECK_FALSE(follows_article(tokens, 0));
  CHECK(follows_article(tokens, 1));
  CHECK_FALSE(follows_article(tokens, 2));
  CHECK(follows_article(tokens, 4));
  CHECK(follows_article(tokens, 7));
}

TEST_CASE("a capital letter after a full stop starts a sentence", "[word_reader]") {
  const std::vector<Token> tokens = tokenize("Rose ate. Rose \"Will\" saw Will");
  REQUIRE(tokens.size() == 9);
  CHECK(starts_sentence(tokens, 0));
  CHECK_FALSE(starts_sentence(tokens, 1));
  CHECK(starts_sentence(tokens, 3));      // after "."
  CHECK_FALSE(starts_sentence(tokens, 5));  // inside the sentence, after a quote
  CHECK_FALSE(starts_sentence(tokens, 8));
}

TEST_CASE("training reads some words as their classes, and targets follow them", "[word_reader][corpus]") {
  CorpusGenerator corpus(11);
  corpus.set_class_reading_percent(50);
  const Vocabulary& vocabulary = corpus.vocabulary();
  int read_as_class = 0, targets_moved = 0;
  for (int k = 0; k < 300; ++k) {
    const Example e = corpus.sample(Split::train);
    for (std::size_t i = 0; i < e.tokens.size(); ++i) {
      const int own = corpus.reader().read(e.tokens[i].text, i == 0, follows_article(e.tokens, i)).id;
      if (e.token_ids[i] == own) continue;
      ++read_as_class;
      INFO(e.text << " — token " << i);
      REQUIRE(e.token_ids[i] == vocabulary.id_of(class_token_word(corpus.reader().word_class(e.tokens[i].text, i == 0, follows_article(e.tokens, i)))));
      REQUIRE(static_cast<int>(i) != e.cue_position);  // the cue keeps its own word
    }
    for (std::size_t j = 0; j < e.tokens.size(); ++j) {
      if (e.target_class[j] == kNoTarget) continue;
      // A target always names what is at its position, own row or class row.
      REQUIRE(e.target_class[j] == e.token_ids[static_cast<std::size_t>(e.target_position[j])]);
      targets_moved += vocabulary.word(e.target_class[j]).front() == '[';
    }
  }
  CHECK(read_as_class > 300);
  CHECK(targets_moved > 30);
}
