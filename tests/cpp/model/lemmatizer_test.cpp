// The WordNet lexicon and lemmatizer (lemmatizer.hpp): the strict reader of the derived file, and
// WordNet's detachment rules and irregular forms on words a learner types.
#include "lemmatizer.hpp"
#include "matrix.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <string>

using namespace attention_lens;

namespace {

const WordNetLexicon& shipped_lexicon() {
  static const WordNetLexicon lexicon = [] {
    std::ifstream file(ATTENTION_LENS_WORDNET_LEXICON_PATH, std::ios::binary);
    REQUIRE(file.good());
    const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    return WordNetLexicon::parse(text);
  }();
  return lexicon;
}

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
      "L\tbox\tn\tnoun.artifact\n"
      "L\tbox\tv\tverb.contact\n"
      "L\tchase\tv\tverb.motion\n"
      "L\tchild\tn\tnoun.person\n"
      "L\tcity\tn\tnoun.location\n"
      "L\tgo\tv\tverb.motion\n"
      "L\thappy\ta\tadj.all\n"
      "L\tlarge\ta\tadj.all\n"
      "L\tman\tn\tnoun.person\n"
      "\n"
      "X\tchildren\tn\tchild\n"
      "X\twent\tv\tgo\n");
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
}

TEST_CASE("the lexicon reader refuses a malformed line, saying which and why", "[lemmatizer]") {
  CHECK_THROWS_WITH(WordNetLexicon::parse("L\tdog\tn\n"),
                    Catch::Contains("line 1: expected 4 tab-separated fields"));
  CHECK_THROWS_WITH(WordNetLexicon::parse("# c\nL\tdog\tx\tnoun.animal\n"),
                    Catch::Contains("line 2: the part of speech must be n, v, a or r, not \"x\""));
  CHECK_THROWS_WITH(WordNetLexicon::parse("L\tDog\tn\tnoun.animal\n"),
                    Catch::Contains("\"Dog\" is not a word of lower-case letters a-z"));
  CHECK_THROWS_WITH(WordNetLexicon::parse("L\tdog\tn\tanimal\n"),
                    Catch::Contains("\"animal\" is not a lexicographer class"));
  CHECK_THROWS_WITH(WordNetLexicon::parse("L\tdog\tn\tnoun.animal\nL\tdog\tn\tnoun.person\n"),
                    Catch::Contains("line 2: \"dog\" (n) is listed twice"));
  CHECK_THROWS_WITH(WordNetLexicon::parse("X\twent\tv\tgo\n"),
                    Catch::Contains("line 1: the irregular form \"went\" names the lemma \"go\" (v), which has no L line."));
  CHECK_THROWS_AS(WordNetLexicon::parse("Q\tdog\tn\tnoun.animal\n"), InvalidInput);
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
  CHECK(has("tired", "tired a adj.all"));
  // Closed-class words are not WordNet's: the model's own vocabulary has to hold them.
  CHECK(lexicon.readings("the").empty());
  CHECK(lexicon.readings("she").empty());
}
