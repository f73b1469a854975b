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

std::vector<std::string_view> fields_of(std::string_view line) {
  std::vector<std::string_view> fields;
  for (std::size_t start = 0;;) {
    const std::size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

bool is_lower_word(std::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// The part of speech of a lexicographer class: noun.* n, verb.* v, adj.* a, adv.* r; 0 for none.
char pos_of_class(std::string_view lexname) {
  const std::size_t dot = lexname.find('.');
  if (dot == std::string_view::npos || dot + 1 == lexname.size()) return 0;
  const std::string_view kind = lexname.substr(0, dot);
  return kind == "noun" ? 'n' : kind == "verb" ? 'v' : kind == "adj" ? 'a' : kind == "adv" ? 'r' : 0;
}

// One function, not inlined at each refusal: the widget's module carries this code.
[[noreturn]] void refuse_line(std::size_t number, std::string_view line, const std::string& why) {
  throw InvalidInput("WordNet lexicon line " + std::to_string(number) + ": " + why + "; it reads \"" +
                     std::string(line.substr(0, 60)) + "\".");
}

std::string lower_case(std::string_view word) {
  std::string lower(word);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return lower;
}

}  // namespace

WordNetLexicon WordNetLexicon::parse(std::string_view text) {
  WordNetLexicon lexicon;
  enum class Section { none, lemmas, irregular, names } section = Section::none;
  char pos = 0, gender = 0;
  std::uint8_t lexname = 0;
  std::size_t number = 0;
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    const std::string_view line = text.substr(0, end);
    text.remove_prefix(std::min(end + 1, text.size()));
    ++number;
    if (line.empty() || line[0] == '#') continue;
    const auto refuse = [&](const std::string& why) { refuse_line(number, line, why); };
    if (line[0] == '@') {
      const std::size_t space = line.find(' ');
      const std::string_view name = line.substr(0, space), argument = space == std::string_view::npos ? "" : line.substr(space + 1);
      if (name == "@class") {
        pos = pos_of_class(argument);
        if (!pos) refuse("\"" + std::string(argument) + "\" is not a lexicographer class such as noun.animal");
        const auto known = std::find(lexicon.lexnames_.begin(), lexicon.lexnames_.end(), argument);
        if (known == lexicon.lexnames_.end() && lexicon.lexnames_.size() == 255) refuse("too many classes");
        lexname = static_cast<std::uint8_t>(known - lexicon.lexnames_.begin());
        if (known == lexicon.lexnames_.end()) lexicon.lexnames_.emplace_back(argument);
        section = Section::lemmas;
      } else if (name == "@irregular" && argument.empty()) {
        section = Section::irregular;
      } else if (name == "@names" && (argument == "m" || argument == "f" || argument == "b")) {
        gender = argument[0];
        section = Section::names;
      } else {
        refuse("expected a section: @class <lexicographer class>, @irregular or @names m|f|b");
      }
      continue;
    }
    const std::vector<std::string_view> f = fields_of(line);
    const auto word = [&](std::string_view w) {
      if (!is_lower_word(w)) refuse("\"" + std::string(w) + "\" is not a word of lower-case letters a-z");
      return std::string(w);
    };
    switch (section) {
      case Section::none:
        refuse("expected a section line (@class, @irregular or @names) before any entry");
        break;
      case Section::lemmas:
        if (f.size() != 2) refuse("expected 2 tab-separated fields: lemma weight");
        if (f[1].empty() || f[1].size() > 2 || !std::all_of(f[1].begin(), f[1].end(), [](char c) { return c >= '0' && c <= '9'; }))
          refuse("the weight must be a whole number from 0 to 99, not \"" + std::string(f[1]) + "\"");
        lexicon.lemmas_.push_back({word(f[0]) + '\t' + pos, "", lexname,
                                   static_cast<std::uint8_t>(std::stoi(std::string(f[1]))), number});
        break;
      case Section::irregular:
        if (f.size() != 3) refuse("expected 3 tab-separated fields: form pos lemma");
        if (f[1].size() != 1 || std::find(std::begin(kParts), std::end(kParts), f[1][0]) == std::end(kParts))
          refuse("the part of speech must be n, v, a or r, not \"" + std::string(f[1]) + "\"");
        lexicon.irregular_.push_back({word(f[0]) + '\t' + f[1][0], word(f[2]), 0, 0, number});
        break;
      case Section::names:
        if (f.size() != 1 || !is_lower_word(f[0])) refuse("expected one name of lower-case letters a-z");
        lexicon.names_.push_back({std::string(f[0]), "", static_cast<std::uint8_t>(gender), 0, number});
        break;
    }
  }
  sort_entries(lexicon.lemmas_, "the lemma");
  sort_entries(lexicon.irregular_, "the irregular form");
  sort_entries(lexicon.names_, "the name");
  for (const Entry& x : lexicon.irregular_) {
    const std::size_t tab = x.key.find('\t');
    if (!lexicon.find(x.lemma, x.key[tab + 1]))
      throw InvalidInput("WordNet lexicon line " + std::to_string(x.line) + ": the irregular form \"" + x.key.substr(0, tab) +
                         "\" names the lemma \"" + x.lemma + "\" (" + x.key[tab + 1] +
                         "), which is in no class of that part of speech.");
  }
  return lexicon;
}

// Sorts by key (then lemma, so an irregular form may have two); an entry listed twice is refused
// with the later line's number.
void WordNetLexicon::sort_entries(std::vector<Entry>& entries, const char* what) {
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return a.key != b.key ? a.key < b.key : a.lemma != b.lemma ? a.lemma < b.lemma : a.line < b.line;
  });
  for (std::size_t i = 1; i < entries.size(); ++i)
    if (entries[i].key == entries[i - 1].key && entries[i].lemma == entries[i - 1].lemma) {
      std::string shown = entries[i].key;
      if (const std::size_t tab = shown.find('\t'); tab != std::string::npos) shown = shown.substr(0, tab) + "\" (" + shown.substr(tab + 1) + ")";
      else shown += "\"";
      throw InvalidInput("WordNet lexicon line " + std::to_string(entries[i].line) + ": " + what + " \"" + shown +
                         " is listed twice.");
    }
}

std::vector<WordNetLexicon::Entry>::const_iterator WordNetLexicon::first_of(const std::vector<Entry>& entries,
                                                                            const std::string& key) {
  return std::lower_bound(entries.begin(), entries.end(), key,
                          [](const Entry& entry, const std::string& k) { return entry.key < k; });
}

const WordNetLexicon::Entry* WordNetLexicon::find(const std::string& lemma, char pos) const {
  const std::string key = lemma + '\t' + pos;
  const auto at = first_of(lemmas_, key);
  return at != lemmas_.end() && at->key == key ? &*at : nullptr;
}

std::vector<LemmaReading> WordNetLexicon::readings(std::string_view word) const {
  const std::string lower = lower_case(word);
  std::vector<LemmaReading> found;
  const auto add = [&](const std::string& lemma, char pos) {
    const Entry* entry = find(lemma, pos);
    if (!entry) return;
    LemmaReading reading{lemma, pos, lexnames_[entry->value], entry->weight};
    if (std::find(found.begin(), found.end(), reading) == found.end()) found.push_back(std::move(reading));
  };
  for (const char pos : kParts) {
    const std::string form_key = lower + '\t' + pos;
    for (auto x = first_of(irregular_, form_key); x != irregular_.end() && x->key == form_key; ++x)
      add(x->lemma, pos);
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

std::optional<LemmaReading> WordNetLexicon::most_frequent_reading(std::string_view word, char part_of_speech) const {
  std::optional<LemmaReading> best;
  for (LemmaReading& reading : readings(word))
    if ((part_of_speech == 0 || reading.pos == part_of_speech) && (!best || reading.weight > best->weight))
      best = std::move(reading);
  return best;
}

std::vector<LemmaReading> WordNetLexicon::lemmas() const {
  std::vector<LemmaReading> all;
  for (const Entry& l : lemmas_) {
    const std::size_t tab = l.key.find('\t');
    all.push_back({l.key.substr(0, tab), l.key[tab + 1], lexnames_[l.value], l.weight});
  }
  return all;
}

char WordNetLexicon::name_gender(std::string_view word) const {
  const std::string lower = lower_case(word);
  const auto at = first_of(names_, lower);
  return at != names_.end() && at->key == lower ? static_cast<char>(at->value) : 0;
}

}  // namespace attention_lens
