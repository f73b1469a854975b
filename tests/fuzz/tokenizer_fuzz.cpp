// libFuzzer target: tokenize() on any bytes. It must never crash, and its tokens must be honest
// slices of the input: in range, in order, not overlapping, each token's text the bytes at its
// span; never ending or starting inside a UTF-8 character; never dropping a letter; never a
// token of invisible characters only. Built by the `fuzz` CMake preset; run by `npm run fuzz`.
#include "fuzz_invariants.hpp"
#include "tokenizer.hpp"

#include <cstdint>
#include <string>

using attention_lens::Token;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::vector<Token> tokens = attention_lens::tokenize(text);
  const std::vector<fuzz::Decoded> characters = fuzz::decode_utf8(text);

  // Where a character starts: a token may start or end only there (or at the end).
  std::vector<bool> boundary(size + 1, false);
  boundary[size] = true;
  for (const fuzz::Decoded& c : characters) boundary[c.start] = true;

  std::vector<bool> covered(size, false);
  std::size_t previous_end = 0;
  std::size_t next_character = 0;
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    const Token& token = tokens[t];
    const std::string where = "token " + std::to_string(t) + " [" + std::to_string(token.start) +
                              ", " + std::to_string(token.end) + ") of " + std::to_string(size) + " bytes";
    fuzz::require(token.start < token.end && token.end <= size, where + ": out of range or empty");
    fuzz::require(token.start >= previous_end, where + ": overlaps the token before it or is out of order");
    fuzz::require(token.text == text.substr(token.start, token.end - token.start),
                  where + ": its text is not the input at its span");
    fuzz::require(boundary[token.start] && boundary[token.end], where + ": splits a UTF-8 character");
    // Tokens are in order, so one pass over the characters serves them all.
    while (next_character < characters.size() && characters[next_character].start < token.start) ++next_character;
    bool visible = false;
    for (std::size_t k = next_character; k < characters.size() && characters[k].start < token.end; ++k)
      if (!fuzz::is_invisible(characters[k].code_point)) visible = true;
    fuzz::require(visible, where + ": holds nothing visible");
    for (std::size_t i = token.start; i < token.end; ++i) covered[i] = true;
    previous_end = token.end;
  }
  for (const fuzz::Decoded& c : characters)
    fuzz::require(!fuzz::is_plain_letter(c.code_point) || covered[c.start],
                  "the letter " + fuzz::code_point_name(c.code_point) + " at byte " +
                      std::to_string(c.start) + " is in no token");
  return 0;
}
