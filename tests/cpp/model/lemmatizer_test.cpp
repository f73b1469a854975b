// The WordNet lexicon and lemmatizer (lemmatizer.hpp): the strict reader of the derived file, and
// WordNet's detachment rules and irregular forms on words a learner types.
#include "corpus.hpp"  // training_word_readings()
#include "lemmatizer.hpp"
#include "matrix.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace attention_lens;

namespace {

// The committed file, read once by the same code the trainer uses.
const WordNetLexicon& shipped_lexicon() { return *training_word_readings(); }

// "lemma pos lexname" of every reading, for compact comparisons.
std::vector<std::string> readings(const WordNetLexicon& lexicon, const char* word) {
  std::vector<std::string> out;
  for (const LemmaReading& r : lexicon.readings(word)) out.push_back(r.lemma + " " + r.pos + " " + r.lexname);
  return out;
}

}  // namespace

TEST_CASE("the detachment rules and irregular forms find a word's lemmas, each once", "[lemmatizer]") {
  const WordNetLexicon lexicon = WordNetLexicon::parse(
      "# a comment\n"
      "@class noun.artifact\n"
      "box\t3\n"
      "@class verb.contact\n"
      "box\t1\n"
      "@class verb.motion\n"
      "chase\t2\n"
      "go\t9\n"
      "@class noun.person\n"
      "child\t6\n"
      "man\t7\n"
      "@class noun.location\n"
      "city\t5\n"
      "@class adj.all\n"
      "happy\t4\n"
      "large\t5\n"
      "\n"
      "@irregular\n"
      "children\tn\tchild\n"
      "went\tv\tgo\n"
      "@names f\n"
      "rose\n"
      "@names b\n"
      "sam\n");
  CHECK(lexicon.lemma_count() == 9);
  CHECK(lexicon.exception_count() == 2);
  CHECK(readings(lexicon, "boxes") == std::vector<std::string>{"box n noun.artifact", "box v verb.contact"});
  CHECK(readings(lexicon, "Chased") == std::vector<std::string>{"chase v verb.motion"});  // -ed → -e
  CHECK(readings(lexicon, "chasing") == std::vector<std::string>{"chase v verb.motion"});  // -ing → -e
  CHECK(readings(lexicon, "cities") == std::vector<std::string>{"city n noun.location"});  // -ies → -y
  CHECK(readings(lexicon, "men") == std::vector<std::string>{"man n noun.person"});
  CHECK(readings(lexicon, "children") == std::vector<std::string>{"child n noun.person"});
  CHECK(readings(lexicon, "went") == std::vector<std::string>{"go v verb.motion"});
  CHECK(readings(lexicon, "larger") == std::vector<std::string>{"large a adj.all"});  // -er → -e
  CHECK(readings(lexicon, "largest") == std::vector<std::string>{"large a adj.all"});
  CHECK(readings(lexicon, "goes") == std::vector<std::string>{"go v verb.motion"});  // -es → ""
  CHECK(readings(lexicon, "the").empty());
  // The reading of the largest weight: "box" the artifact (3) over the verb (1).
  REQUIRE(lexicon.most_frequent_reading("boxes"));
  CHECK(lexicon.most_frequent_reading("boxes")->pos == 'n');
  CHECK_FALSE(lexicon.most_frequent_reading("the"));
  CHECK(lexicon.name_count() == 2);
  CHECK(lexicon.name_gender("Rose") == 'f');
  CHECK(lexicon.name_gender("SAM") == 'b');
  CHECK(lexicon.name_gender("omar") == 0);
}

TEST_CASE("the lexicon reader refuses a malformed line, saying which and why", "[lemmatizer]") {
  CHECK_THROWS_WITH(WordNetLexicon::parse("dog\t3\n"),
                    Catch::Contains("line 1: expected a section line (@class, @irregular or @names) before any entry"));
  CHECK_THROWS_WITH(WordNetLexicon::parse("# c\n@class animal\n"),
                    Catch::Contains("line 2: \"animal\" is not a lexicographer class such as noun.animal"));
  CHECK_THROWS_WITH(WordNetLexicon::parse("@words\n"), Catch::Contains("expected a section: @class <lexicographer class>, @irregular or @names m|f|b"));
  CHECK_THROWS_WITH(WordNetLexicon::parse("@names x\n"), Catch::Contains("expected a section"));
  CHECK_THROWS_WITH(WordNetLexicon::parse("@class noun.animal\ndog\n"), Catch::Contains("line 2: expected 2 tab-separated fields: lemma weight"));
  CHECK_THROWS_WITH(WordNetLexicon::parse("@class noun.animal\ndog\tmany\n"),
                    Catch::Contains("the weight must be a whole number from 0 to 99, not \"many\""));
  CHECK_THROWS_WITH(WordNetLexicon::parse("@class noun.animal\nDog\t1\n"),
                    Catch::Contains("\"Dog\" is not a word of lower-case letters a-z"));
  CHECK_THROWS_WITH(WordNetLexicon::parse("@class noun.animal\ndog\t1\n@class noun.person\ndog\t2\n"),
                    Catch::Contains("line 4: the lemma \"dog\" (n) is listed twice"));
  CHECK_THROWS_WITH(WordNetLexicon::parse("@irregular\nwent\tx\tgo\n"),
                    Catch::Contains("line 2: the part of speech must be n, v, a or r, not \"x\""));
  CHECK_THROWS_WITH(WordNetLexicon::parse("@irregular\nwent\tv\tgo\n"),
                    Catch::Contains("the irregular form \"went\" names the lemma \"go\" (v), which is in no class of that part of speech."));
  CHECK_THROWS_WITH(WordNetLexicon::parse("@names m\nOmar\n"), Catch::Contains("expected one name of lower-case letters a-z"));
  CHECK_THROWS_WITH(WordNetLexicon::parse("@names m\nomar\n@names f\nomar\n"), Catch::Contains("line 4: the name \"omar\" is listed twice"));
  CHECK_THROWS_AS(WordNetLexicon::parse("<!doctype html>\n"), InvalidInput);
}

TEST_CASE("the committed WordNet lexicon reads, and knows everyday forms with their classes", "[lemmatizer]") {
  const WordNetLexicon& lexicon = shipped_lexicon();
  CHECK(lexicon.lemma_count() > 15000);
  CHECK(lexicon.exception_count() > 1000);
  const auto has = [&](const char* word, const std::string& reading) {
    const std::vector<std::string> found = readings(lexicon, word);
    INFO(word << " → " << found.size() << " readings");
    return std::find(found.begin(), found.end(), reading) != found.end();
  };
  CHECK(has("dog", "dog n noun.animal"));
  CHECK(has("dogs", "dog n noun.animal"));
  CHECK(has("sat", "sit v verb.contact"));
  CHECK(has("went", "go v verb.motion"));
  CHECK(has("children", "child n noun.person"));
  CHECK(has("chased", "chase v verb.motion"));
  CHECK(has("running", "run v verb.motion"));
  CHECK(has("suitcase", "suitcase n noun.artifact"));
  CHECK(has("river", "river n noun.object"));
  // Adjectives by what WordNet's glosses and examples say them of (word_readings.mjs).
  CHECK(has("tired", "tired a adj.living"));
  CHECK(has("afraid", "afraid a adj.living"));
  CHECK(has("low", "low a adj.thing"));
  CHECK(has("loud", "loud a adj.thing"));
  CHECK(has("curly", "curly a adj.all"));
  // Closed-class words are not WordNet's: the model's own vocabulary has to hold them.
  CHECK(lexicon.readings("the").empty());
  CHECK(lexicon.readings("she").empty());
}
