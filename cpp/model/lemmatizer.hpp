// WordNet's words and its way of finding a word's lemma (morphy): the groundwork for an everyday
// vocabulary (issue 11 §1) in which inflected forms cost nothing — "went", "dogs", "chased" are
// read as the lemmas "go", "dog", "chase" with their lexicographer classes (noun.animal, …).
// Training side only; the data is cpp/model/data/wordnet_lexicon.tsv, derived from WordNet 3.0 by
// build_scripts/train/wordnet_lexicon.mjs (docs/model.md, "Toward everyday vocabulary").
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace attention_lens {

struct LemmaReading {
  std::string lemma;    // "go"
  char pos;             // 'n' noun, 'v' verb, 'a' adjective, 'r' adverb
  std::string lexname;  // WordNet's lexicographer class of the lemma's most frequent sense, "verb.motion"
  bool operator==(const LemmaReading& other) const {
    return lemma == other.lemma && pos == other.pos && lexname == other.lexname;
  }
};

class WordNetLexicon {
 public:
  // The derived file's text: "#" comment lines, then tab-separated "L lemma pos lexname" and
  // "X form pos lemma" lines. Throws InvalidInput naming the line and what it expected on
  // anything else, and on an X line whose lemma has no L line of that part of speech.
  static WordNetLexicon parse(std::string_view text);

  // Every reading of `word` (ASCII letters are lower-cased first): for each part of speech in the
  // order n, v, a, r, the lemmas WordNet's irregular forms give, the word itself when it is a
  // lemma, then the lemmas its detachment rules give (morphy: "-ies" → "-y", "-ed" → "-e" or "",
  // …); each reading once. Empty for a word WordNet does not have (closed-class words such as
  // "the", "of", "she" are not in WordNet).
  std::vector<LemmaReading> readings(std::string_view word) const;

  std::size_t lemma_count() const { return lexnames_.size(); }      // (lemma, pos) pairs
  std::size_t exception_count() const { return exception_count_; }  // irregular (form, pos, lemma)

 private:
  std::map<std::pair<std::string, char>, std::string> lexnames_;          // (lemma, pos) → lexname
  std::map<std::pair<std::string, char>, std::vector<std::string>> irregular_;  // (form, pos) → lemmas
  std::size_t exception_count_ = 0;
};

}  // namespace attention_lens
