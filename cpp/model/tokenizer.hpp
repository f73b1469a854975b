// Splits a sentence into the tokens the model reads and the widget shows, keeping each token's
// place in the original text so the widget can highlight it there.
//
// Rules (docs/model.md, "Tokenizer"):
//   - a word is a run of letters or digits (any script: UTF-8 bytes ≥ 0x80 count as letters,
//     except the symbols, punctuation and spaces below), with apostrophes inside it kept:
//     "didn't", "Arjun's", "rock'n'roll" are one token each (’ U+2019 counts as an apostrophe
//     too). Contractions stay whole because the widget labels the grid with the words a
//     learner reads; the vocabulary holds the contractions it knows.
//   - emoji and symbols (U+2000–U+2BFF, U+1F000–U+1FAFF) are never part of a word. Each is a
//     token of its own, together with what the reader sees as part of it: a skin tone or
//     variation selector after it, an emoji joined to it by ZWJ (👩‍💻), both halves of a flag.
//   - every other non-space character is a token of its own ("." "," "!" "—" "«" "¿"); a UTF-8
//     sequence is never split.
//   - whitespace (ASCII space, tab, newline, CR, VT, FF, U+00A0 and the other Unicode spaces,
//     and the invisible LRM/RLM/BOM marks pasted text carries) separates tokens and is dropped;
//     so do control characters (C0, DEL, C1) and the zero-width space U+200B.
//   - ZWJ, ZWNJ and the soft hyphen stay inside a word between two letters (Persian, Indic
//     scripts, "hy­phen"; ZWJ also inside an emoji sequence); anywhere else they are dropped,
//     like a stray variation selector: no token is ever made only of invisible characters.
//   - U+FFFD (what a broken character became) is a token of its own, like a mark.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace attention_lens {

struct Token {
  std::string text;   // exactly text.substr(start, end - start)
  std::size_t start;  // byte offset of the first byte in the UTF-8 input
  std::size_t end;    // byte offset one past the last byte
};

// Never throws for any byte sequence; invalid UTF-8 bytes are treated as letters.
std::vector<Token> tokenize(std::string_view text);

// The form used for vocabulary lookup: ASCII letters lower-cased, ’ replaced by '.
std::string normalize_word(std::string_view word);

// Words ↔ ids. Id 0 is the unknown-word token "[unk]".
class Vocabulary {
 public:
  static constexpr int kUnknownId = 0;
  static constexpr const char* kUnknownWord = "[unk]";

  // `words` must start with "[unk]", hold each normalized word once; throws InvalidInput otherwise.
  explicit Vocabulary(std::vector<std::string> words);

  int id_of(std::string_view word) const;  // normalizes first; kUnknownId when not known
  bool knows(std::string_view word) const { return id_of(word) != kUnknownId; }
  const std::string& word(int id) const;   // throws InvalidInput for an id out of range
  int size() const { return static_cast<int>(words_.size()); }
  const std::vector<std::string>& words() const { return words_; }

 private:
  std::vector<std::string> words_;
  std::vector<std::pair<std::string, int>> sorted_;  // for binary search
};

}  // namespace attention_lens
