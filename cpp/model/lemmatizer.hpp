// WordNet's words and its way of finding a word's lemma (morphy): the groundwork for an everyday
// vocabulary (issue 11 §1) in which inflected forms cost nothing — "went", "dogs", "chased" are
// read as the lemmas "go", "dog", "chase" with their lexicographer classes (noun.animal, …).
// The data is cpp/model/data/word_readings.tsv, derived from WordNet 3.0 and two first-name lists by
// build_scripts/train/word_readings.mjs (docs/model.md, "Vocabulary"); word_reader.hpp uses it both in
// training and in the widget.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace attention_lens {

struct LemmaReading {
  std::string lemma;    // "go"
  char pos;             // 'n' noun, 'v' verb, 'a' adjective, 'r' adverb
  std::string lexname;  // WordNet's lexicographer class of the lemma's most frequent sense, "verb.motion"
  int weight = 0;       // ⌊log2(1 + how often SemCor tagged the lemma in this part of speech)⌋
  bool operator==(const LemmaReading& other) const {
    return lemma == other.lemma && pos == other.pos && lexname == other.lexname;
  }
};

class WordNetLexicon {
 public:
  // The derived file's text: "#" comment lines and blank lines anywhere; sections, each opened by
  // a line "@class noun.animal" (then "lemma<TAB>weight" lines; the part of speech is the class's:
  // noun.*, verb.*, adj.*, adv.*), "@irregular" (then "form<TAB>pos<TAB>lemma") or "@names G"
  // (G = m, f or b; then one name a line). Words are lower-case letters a-z. Throws InvalidInput
  // naming the line and what it expected on anything else, on a word listed twice, and on an
  // irregular form whose lemma has no entry of that part of speech.
  static WordNetLexicon parse(std::string_view text);

  // Every reading of `word` (ASCII letters are lower-cased first): for each part of speech in the
  // order n, v, a, r, the lemmas WordNet's irregular forms give, the word itself when it is a
  // lemma, then the lemmas its detachment rules give (morphy: "-ies" → "-y", "-ed" → "-e" or "",
  // …); each reading once. Empty for a word WordNet does not have (closed-class words such as
  // "the", "of", "she" are not in WordNet).
  std::vector<LemmaReading> readings(std::string_view word) const;

  // The reading a word is most often: the one of the largest weight ("left" → leave, verb; "saw"
  // → see, verb); the earlier in readings() on a tie. Nothing for a word WordNet does not have.
  // With `part_of_speech` ('n', 'v', 'a', 'r'), the most frequent reading of that part of speech.
  std::optional<LemmaReading> most_frequent_reading(std::string_view word, char part_of_speech = 0) const;

  // 'm', 'f' or 'b' (both) for a first name in the lists (any case), 0 otherwise.
  char name_gender(std::string_view word) const;

  // Every (lemma, part of speech), sorted.
  std::vector<LemmaReading> lemmas() const;

  std::size_t lemma_count() const { return lemmas_.size(); }         // (lemma, pos) pairs
  std::size_t exception_count() const { return irregular_.size(); }  // irregular (form, pos, lemma)
  std::size_t name_count() const { return names_.size(); }

 private:
  // Sorted vectors of one entry type, not maps: the widget's module carries this code, and one
  // std::sort and std::lower_bound on a string key cost it far less than a map per table.
  struct Entry {
    std::string key;     // "lemma\tpos" (lemmas), "form\tpos" (irregular forms), "name" (names)
    std::string lemma;   // irregular forms: the lemma
    std::uint8_t value;  // lemmas: index into lexnames_; names: the gender
    std::uint8_t weight; // lemmas
    std::size_t line;    // in the file, for messages
  };
  static void sort_entries(std::vector<Entry>& entries, const char* what);
  static std::vector<Entry>::const_iterator first_of(const std::vector<Entry>& entries, const std::string& key);
  const Entry* find(const std::string& lemma, char pos) const;

  std::vector<std::string> lexnames_;
  std::vector<Entry> lemmas_, irregular_, names_;  // each sorted by key
};

}  // namespace attention_lens
