// What every fuzz target checks, written apart from the code under test so that a bug there
// cannot hide itself here: an independent UTF-8 decoder and a few character classes.
#pragma once

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace fuzz {

// Aborts with a message: libFuzzer saves the input that got here as a crash.
[[noreturn]] inline void fail(const std::string& what) {
  std::fprintf(stderr, "INVARIANT BROKEN: %s\n", what.c_str());
  std::abort();
}

inline void require(bool holds, const std::string& what) {
  if (!holds) fail(what);
}

// One decoded character: its code point (or -1 for a byte that starts no valid UTF-8
// sequence), where it starts and how many bytes it takes.
struct Decoded {
  long code_point;
  std::size_t start;
  std::size_t length;
};

// Decodes by the Unicode standard's table of well-formed sequences (Table 3-7): no overlong
// forms, no surrogates, nothing past U+10FFFF. An ill-formed byte is one character of its own.
inline std::vector<Decoded> decode_utf8(std::string_view text) {
  std::vector<Decoded> characters;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned>(static_cast<unsigned char>(text[k])); };
    const unsigned lead = b(i);
    std::size_t length = 0;
    unsigned low = 0x80, high = 0xBF;
    if (lead < 0x80) length = 1;
    else if (lead >= 0xC2 && lead <= 0xDF) length = 2;
    else if (lead >= 0xE0 && lead <= 0xEF) length = 3, low = lead == 0xE0 ? 0xA0 : 0x80, high = lead == 0xED ? 0x9F : 0xBF;
    else if (lead >= 0xF0 && lead <= 0xF4) length = 4, low = lead == 0xF0 ? 0x90 : 0x80, high = lead == 0xF4 ? 0x8F : 0xBF;
    bool valid = length > 0 && i + length <= text.size();
    if (valid && length > 1) valid = b(i + 1) >= low && b(i + 1) <= high;
    for (std::size_t k = 2; valid && k < length; ++k) valid = (b(i + k) & 0xC0) == 0x80;
    if (!valid) {
      characters.push_back({-1, i, 1});
      ++i;
      continue;
    }
    long c = length == 1 ? lead : length == 2 ? (lead & 0x1F) : length == 3 ? (lead & 0x0F) : (lead & 0x07);
    for (std::size_t k = 1; k < length; ++k) c = (c << 6) | (b(i + k) & 0x3F);
    characters.push_back({c, i, length});
    i += length;
  }
  return characters;
}

// Letters and digits that must never be dropped: ASCII, Latin-1 and Latin Extended letters,
// Greek, Cyrillic, Arabic letters, CJK ideographs. (Not every letter of every script: enough
// to catch a tokenizer that loses text, without re-implementing it.)
inline bool is_plain_letter(long c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x391 && c <= 0x3C9) ||
         (c >= 0x410 && c <= 0x44F) || (c >= 0x621 && c <= 0x64A) || (c >= 0x4E00 && c <= 0x9FFF);
}

inline std::string code_point_name(long c) {
  char name[16];
  std::snprintf(name, sizeof name, "U+%04lX", static_cast<unsigned long>(c));
  return name;
}

// Characters with no picture of their own: controls, spaces, zero-width and format characters,
// variation selectors, tags. A token made only of these would be a row with a blank label.
inline bool is_invisible(long c) {
  return (c >= 0 && c <= 0x20) || (c >= 0x7F && c <= 0xA0) || c == 0xAD || c == 0x61C ||
         c == 0x180E || (c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) ||
         (c >= 0x205F && c <= 0x206F) || c == 0x3000 || c == 0xFEFF ||
         (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xFFF9 && c <= 0xFFFB) ||
         (c >= 0xE0000 && c <= 0xE0FFF);
}

}  // namespace fuzz
