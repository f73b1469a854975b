#include "lemmatizer.hpp"

#include "matrix.hpp"

#include <algorithm>
#include <cstddef>

namespace attention_lens {

namespace {

constexpr char kParts[] = {'n', 'v', 'a', 'r'};

struct Detachment {
  const char* suffix;
  const char* ending;
};

// WordNet 3.0's detachment rules (morph.c, morphy(7WN)), per part of speech, in its order.
std::vector<Detachment> detachments(char pos) {
  switch (pos) {
    case 'n': return {{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"},
                      {"shes", "sh"}, {"men", "man"}, {"ies", "y"}};
    case 'v': return {{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""},
                      {"ing", "e"}, {"ing", ""}};
    case 'a': return {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}};
    default: return {};  // adverbs have no regular forms
  }
}

std::vector<std::string> fields_of(std::string_view line) {
  std::vector<std::string> fields;
  for (std::size_t start = 0;;) {
    const std::size_t tab = line.find('\t', start);
    fields.emplace_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

bool is_lower_word(const std::string& word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

WordNetLexicon WordNetLexicon::parse(std::string_view text) {
  WordNetLexicon lexicon;
  std::vector<std::pair<std::size_t, std::vector<std::string>>> exceptions;  // checked after every L line
  std::size_t number = 0;
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    const std::string_view line = text.substr(0, end);
    text.remove_prefix(std::min(end + 1, text.size()));
    ++number;
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> f = fields_of(line);
    const auto refuse = [&](const std::string& why) {
      throw InvalidInput("WordNet lexicon line " + std::to_string(number) + ": " + why + "; it reads \"" +
                         std::string(line.substr(0, 60)) + "\".");
    };
    if (f.size() != 4 || (f[0] != "L" && f[0] != "X"))
      refuse("expected 4 tab-separated fields starting with L (lemma pos lexname) or X (form pos lemma)");
    if (f[2].size() != 1 || std::find(std::begin(kParts), std::end(kParts), f[2][0]) == std::end(kParts))
      refuse("the part of speech must be n, v, a or r, not \"" + f[2] + "\"");
    if (!is_lower_word(f[1])) refuse("\"" + f[1] + "\" is not a word of lower-case letters a-z");
    const char pos = f[2][0];
    if (f[0] == "L") {
      if (f[3].find('.') == std::string::npos) refuse("\"" + f[3] + "\" is not a lexicographer class such as noun.animal");
      if (!lexicon.lexnames_.emplace(std::make_pair(f[1], pos), f[3]).second)
        refuse("\"" + f[1] + "\" (" + f[2] + ") is listed twice");
    } else {
      if (!is_lower_word(f[3])) refuse("\"" + f[3] + "\" is not a word of lower-case letters a-z");
      exceptions.emplace_back(number, f);
    }
  }
  for (const auto& [line, f] : exceptions) {
    if (!lexicon.lexnames_.count({f[3], f[2][0]}))
      throw InvalidInput("WordNet lexicon line " + std::to_string(line) + ": the irregular form \"" + f[1] +
                         "\" names the lemma \"" + f[3] + "\" (" + f[2] + "), which has no L line.");
    lexicon.irregular_[{f[1], f[2][0]}].push_back(f[3]);
    ++lexicon.exception_count_;
  }
  return lexicon;
}

std::vector<LemmaReading> WordNetLexicon::readings(std::string_view word) const {
  std::string lower(word);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  std::vector<LemmaReading> found;
  const auto add = [&](const std::string& lemma, char pos) {
    const auto entry = lexnames_.find({lemma, pos});
    if (entry == lexnames_.end()) return;
    LemmaReading reading{lemma, pos, entry->second};
    if (std::find(found.begin(), found.end(), reading) == found.end()) found.push_back(std::move(reading));
  };
  for (const char pos : kParts) {
    if (const auto irregular = irregular_.find({lower, pos}); irregular != irregular_.end())
      for (const std::string& lemma : irregular->second) add(lemma, pos);
    add(lower, pos);
    for (const Detachment& rule : detachments(pos)) {
      const std::string_view suffix = rule.suffix;
      if (lower.size() < suffix.size() || lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) != 0)
        continue;
      add(lower.substr(0, lower.size() - suffix.size()) + rule.ending, pos);
    }
  }
  return found;
}

}  // namespace attention_lens
