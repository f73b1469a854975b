#include "tokenizer.hpp"

#include "matrix.hpp"  // InvalidInput

#include <algorithm>
#include <utility>

namespace attention_lens {

namespace {

// What one character (one UTF-8 sequence, or one byte that is not valid UTF-8) does.
enum class Kind {
  space,       // separates tokens and is dropped
  letter,      // part of a word: ASCII letters and digits, and every other script
  apostrophe,  // ' or ’: inside a word between two letters, else a token of its own
  joiner,      // ZWJ, ZWNJ, soft hyphen: inside a word between two letters (Persian, Indic
               // scripts, "hy­phen"), or ZWJ gluing two emoji together (👩‍💻); anywhere else
               // dropped like a space, because alone it is invisible: a row with no label
  modifier,    // variation selectors, skin tones, keycap, tags: belong to the character before
  symbol,      // emoji and symbols: a token of its own, never part of a word
  mark,        // any other punctuation: a token of its own
};

struct Character {
  Kind kind;
  std::size_t length;  // bytes
  char32_t code_point;
};

bool in(char32_t c, char32_t first, char32_t last) { return c >= first && c <= last; }

Kind kind_of_ascii(unsigned char c) {
  // Whitespace, and every other C0 control character and DEL: they have no picture, so as a
  // token they would be a row with a blank label (and in exported SVG, invalid XML).
  if (c < 0x20 || c == 0x7F || c == ' ') return Kind::space;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
    return Kind::letter;
  if (c == '\'') return Kind::apostrophe;
  return Kind::mark;
}

Kind kind_of(char32_t c) {
  if (c < 0x80) return kind_of_ascii(static_cast<unsigned char>(c));
  if (c <= 0x9F) return Kind::space;  // C1 control characters (NEL U+0085 among them)
  // Unicode spaces, and the invisible direction and format marks that text pasted from
  // Hebrew, Arabic or a word processor carries (LRM, RLM, BOM…): shown as tokens they would
  // be empty boxes in the grid, and glued to a word they would make it unknown.
  // Also the other invisible format characters: the Arabic letter mark, the Mongolian vowel
  // separator, interlinear annotation marks, shorthand and musical format controls, the
  // language tag, and the code points Unicode keeps unassigned but default-ignorable in
  // those blocks (U+2065, U+E0000–E001F, U+E0080–E00FF, U+E01F0–E0FFF: a font draws nothing
  // for them either, so a token of them alone would be a row with no label; the fuzzer found U+2065).
  if (c == 0xA0 || c == 0x1680 || in(c, 0x2000, 0x200B) || c == 0x200E ||
      c == 0x200F || in(c, 0x2028, 0x202F) || in(c, 0x205F, 0x206F) ||
      c == 0x3000 || c == 0xFEFF || c == 0x61C || c == 0x180E ||
      in(c, 0xFFF9, 0xFFFB) || in(c, 0x1BCA0, 0x1BCA3) || in(c, 0x1D173, 0x1D17A) ||
      in(c, 0xE0000, 0xE001F) || in(c, 0xE0080, 0xE00FF) || in(c, 0xE01F0, 0xE0FFF))
    return Kind::space;
  if (c == 0x2019) return Kind::apostrophe;
  if (c == 0x200C || c == 0x200D || c == 0xAD) return Kind::joiner;
  // The replacement character: what a broken character became on its way here (the widget
  // turns a lone UTF-16 surrogate into it). A visible token of its own, so the words beside it
  // stay whole and known.
  if (c == 0xFFFD) return Kind::mark;
  if (in(c, 0xFE00, 0xFE0F) || in(c, 0x1F3FB, 0x1F3FF) || c == 0x20E3 ||
      in(c, 0xE0020, 0xE007F) || in(c, 0xE0100, 0xE01EF))
    return Kind::modifier;
  // General punctuation, arrows, maths, technical, dingbats and miscellaneous symbols
  // (U+2000–U+2BFF holds U+2600–U+27BF), and the emoji planes.
  if (in(c, 0x2000, 0x2BFF) || in(c, 0x1F000, 0x1FAFF)) return Kind::symbol;
  // Punctuation of other scripts, so "«Привет»", "¿Qué?" and "مرحبا،" keep their words whole:
  // Latin-1 (¡ « » ¿ × ÷ …), Arabic (، ؛ ؟ ۔), Devanagari (। ॥), CJK (、 。 「 」 …) and the
  // full-width forms of ASCII punctuation.
  if (in(c, 0xA1, 0xA9) || in(c, 0xAB, 0xB1) || c == 0xB4 || in(c, 0xB6, 0xB8) || c == 0xBB ||
      c == 0xBF || c == 0xD7 || c == 0xF7 || c == 0x60C || c == 0x61B || c == 0x61F ||
      c == 0x6D4 || c == 0x964 || c == 0x965 || in(c, 0x3001, 0x303F) ||
      in(c, 0xFF01, 0xFF0F) || in(c, 0xFF1A, 0xFF20) || in(c, 0xFF3B, 0xFF40) ||
      in(c, 0xFF5B, 0xFF65))
    return Kind::mark;
  return Kind::letter;  // every other script's letters, digits and marks
}

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// The character starting at byte i (i < text.size()). A byte that does not start a valid
// UTF-8 sequence (a stray continuation byte, an overlong form, a surrogate, a sequence cut
// short) is one character of one byte and counts as a letter, as the header promises.
Character character_at(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return {kind_of(lead), 1, lead};

  std::size_t length = 0;
  char32_t c = 0;
  unsigned char second_min = 0x80, second_max = 0xBF;  // tighter for E0, ED, F0, F4
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, c = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, c = lead & 0x0F;
    if (lead == 0xE0) second_min = 0xA0;  // no overlong forms
    if (lead == 0xED) second_max = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, c = lead & 0x07;
    if (lead == 0xF0) second_min = 0x90;  // no overlong forms
    if (lead == 0xF4) second_max = 0x8F;  // nothing above U+10FFFF
  }
  const Character invalid{Kind::letter, 1, 0xFFFD};
  if (length == 0 || i + length > text.size()) return invalid;
  if (byte(i + 1) < second_min || byte(i + 1) > second_max) return invalid;
  for (std::size_t k = 1; k < length; ++k) {
    if (!is_continuation(byte(i + k))) return invalid;
    c = (c << 6) | (byte(i + k) & 0x3F);
  }
  return {kind_of(c), length, c};
}

bool is_regional_indicator(char32_t c) { return in(c, 0x1F1E6, 0x1F1FF); }

// Variation selectors and tag characters change the look of the character before them and
// have none of their own (unlike a skin tone or the keycap, which draw something alone).
// (U+E0100–E01EF are the supplementary variation selectors, VS17–VS256.)
bool is_invisible_modifier(char32_t c) {
  return in(c, 0xFE00, 0xFE0F) || in(c, 0xE0020, 0xE007F) || in(c, 0xE0100, 0xE01EF);
}

// The character at i, or a space past the end (which ends every token).
Character peek(std::string_view text, std::size_t i) {
  return i < text.size() ? character_at(text, i) : Character{Kind::space, 0, 0};
}

// One past the end of the word that starts at `i`.
std::size_t end_of_word(std::string_view text, std::size_t i) {
  for (;;) {
    const Character next = peek(text, i);
    if (next.kind == Kind::letter || next.kind == Kind::modifier) {
      i += next.length;
    } else if (next.kind == Kind::apostrophe || next.kind == Kind::joiner) {
      // Kept only between two letters: "didn't" is one word, "dogs'" is "dogs" and "'".
      if (peek(text, i + next.length).kind != Kind::letter) return i;
      i += next.length;
    } else {
      return i;
    }
  }
}

// One past the end of the emoji or symbol that starts at `i`: its modifiers, a second
// regional indicator (🇮🇳 is two of them) and emoji joined by ZWJ (👩‍💻) stay with it, because
// the reader sees one picture.
std::size_t end_of_symbol(std::string_view text, std::size_t i) {
  const Character first = character_at(text, i);
  i += first.length;
  if (is_regional_indicator(first.code_point)) {
    const Character next = peek(text, i);
    if (is_regional_indicator(next.code_point)) return i + next.length;
  }
  for (;;) {
    const Character next = peek(text, i);
    if (next.kind == Kind::modifier) {
      i += next.length;
    } else if (next.code_point == 0x200D &&
               peek(text, i + next.length).kind == Kind::symbol) {
      i += next.length;
      i += character_at(text, i).length;
    } else {
      return i;
    }
  }
}

// One past the end of a punctuation token: the mark and any modifiers after it.
std::size_t end_of_mark(std::string_view text, std::size_t i) {
  i += character_at(text, i).length;
  for (Character next = peek(text, i); next.kind == Kind::modifier; next = peek(text, i))
    i += next.length;
  return i;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    const Character c = character_at(text, i);
    std::size_t end = 0;
    switch (c.kind) {
      case Kind::space: i += c.length; continue;
      // Not between two letters (end_of_word keeps those), so nothing to see: dropped.
      case Kind::joiner: i += c.length; continue;
      case Kind::modifier:
        if (is_invisible_modifier(c.code_point)) { i += c.length; continue; }
        end = end_of_mark(text, i);
        break;
      case Kind::letter: end = end_of_word(text, i); break;
      case Kind::symbol: end = end_of_symbol(text, i); break;
      default: end = end_of_mark(text, i); break;  // a mark or a lone apostrophe
    }
    tokens.push_back({std::string(text.substr(i, end - i)), i, end});
    i = end;
  }
  return tokens;
}

std::string normalize_word(std::string_view word) {
  static constexpr std::string_view kRightQuote = "\xE2\x80\x99";  // ’ U+2019
  std::string normalized;
  normalized.reserve(word.size());
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (word.substr(i, kRightQuote.size()) == kRightQuote) {
      normalized += '\'';
      i += kRightQuote.size() - 1;
    } else {
      const char c = word[i];
      normalized += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
  }
  return normalized;
}

Vocabulary::Vocabulary(std::vector<std::string> words) : words_(std::move(words)) {
  if (words_.empty() || words_[0] != kUnknownWord)
    throw InvalidInput(std::string("The vocabulary must start with \"") + kUnknownWord +
                       "\" (id 0); " +
                       (words_.empty() ? std::string("it is empty.")
                                       : "it starts with \"" + words_[0] + "\"."));
  sorted_.reserve(words_.size());
  for (std::size_t id = 0; id < words_.size(); ++id) {
    if (words_[id].empty())
      throw InvalidInput("Every vocabulary word must have at least one character; word " +
                         std::to_string(id) + " is empty.");
    sorted_.emplace_back(normalize_word(words_[id]), static_cast<int>(id));
  }
  std::sort(sorted_.begin(), sorted_.end());
  // Compared after normalizing, because that is the form id_of() looks up: "The" and "the"
  // would be one word that two ids claim.
  const auto twin = std::adjacent_find(
      sorted_.begin(), sorted_.end(),
      [](const auto& a, const auto& b) { return a.first == b.first; });
  if (twin != sorted_.end())
    throw InvalidInput("The vocabulary must hold each word once (compared in lower case); \"" +
                       twin->first + "\" is word " + std::to_string(twin->second) +
                       " and word " + std::to_string(std::next(twin)->second) + ".");
}

int Vocabulary::id_of(std::string_view word) const {
  const std::string key = normalize_word(word);
  const auto found = std::lower_bound(
      sorted_.begin(), sorted_.end(), key,
      [](const std::pair<std::string, int>& entry, const std::string& k) {
        return entry.first < k;
      });
  return found != sorted_.end() && found->first == key ? found->second : kUnknownId;
}

const std::string& Vocabulary::word(int id) const {
  if (id < 0 || id >= size())
    throw InvalidInput("A word id must be between 0 and " + std::to_string(size() - 1) +
                       " (the vocabulary has " + std::to_string(size()) + " words); it is " +
                       std::to_string(id) + ".");
  return words_[static_cast<std::size_t>(id)];
}

}  // namespace attention_lens
