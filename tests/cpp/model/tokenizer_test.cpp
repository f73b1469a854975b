// The tokenizer (words, punctuation, emoji, any script, any bytes) and the vocabulary.
#include "matrix.hpp"
#include "tokenizer.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

using namespace attention_lens;
using Catch::Matchers::Contains;

namespace {

std::vector<std::string> texts_of(const std::vector<Token>& tokens) {
  std::vector<std::string> texts;
  for (const Token& token : tokens) texts.push_back(token.text);
  return texts;
}

std::vector<std::string> token_texts(std::string_view text) { return texts_of(tokenize(text)); }

// What every tokenization must be, whatever the input: each token is the text at its span, the
// spans are non-empty and in order, and what lies between them is only whitespace.
void require_spans_cover_the_text(std::string_view text) {
  INFO("text: " << std::string(text));
  const std::vector<Token> tokens = tokenize(text);
  std::size_t previous_end = 0;
  for (const Token& token : tokens) {
    REQUIRE(token.start < token.end);
    REQUIRE(token.end <= text.size());
    REQUIRE(token.start >= previous_end);
    REQUIRE(token.text == text.substr(token.start, token.end - token.start));
    REQUIRE(tokenize(text.substr(previous_end, token.start - previous_end)).empty());
    previous_end = token.end;
  }
  REQUIRE(tokenize(text.substr(previous_end)).empty());
}

}  // namespace

TEST_CASE("the lesson sentence splits into its 12 tokens with their byte spans", "[tokenizer]") {
  const std::string text = "The animal didn't cross the street because it was too tired.";
  const std::vector<Token> tokens = tokenize(text);
  const std::vector<std::string> texts = {"The", "animal", "didn't", "cross", "the", "street",
                                          "because", "it", "was", "too", "tired", "."};
  const std::vector<std::size_t> starts = {0, 4, 11, 18, 24, 28, 35, 43, 46, 50, 54, 59};
  const std::vector<std::size_t> ends = {3, 10, 17, 23, 27, 34, 42, 45, 49, 53, 59, 60};
  REQUIRE(tokens.size() == 12);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    INFO("token " << i);
    CHECK(tokens[i].text == texts[i]);
    CHECK(tokens[i].start == starts[i]);
    CHECK(tokens[i].end == ends[i]);
  }
  require_spans_cover_the_text(text);
}

TEST_CASE("apostrophes between letters stay in the word, ’ as well as '", "[tokenizer]") {
  REQUIRE(token_texts("Arjun’s dog didn’t") ==
          std::vector<std::string>{"Arjun\xE2\x80\x99s", "dog", "didn\xE2\x80\x99t"});
  REQUIRE(token_texts("rock'n'roll") == std::vector<std::string>{"rock'n'roll"});
  // Not between two letters: a token of its own.
  REQUIRE(token_texts("the dogs' 'bone'") ==
          std::vector<std::string>{"the", "dogs", "'", "'", "bone", "'"});
  REQUIRE(token_texts("’tis") == std::vector<std::string>{"\xE2\x80\x99", "tis"});
  REQUIRE(token_texts("don''t") == std::vector<std::string>{"don", "'", "'", "t"});
}

TEST_CASE("each punctuation mark is a token of its own", "[tokenizer]") {
  REQUIRE(token_texts("Wait—what?! (yes), 3.14") ==
          std::vector<std::string>{"Wait", "\xE2\x80\x94", "what", "?", "!", "(", "yes", ")",
                                   ",", "3", ".", "14"});
  REQUIRE(token_texts("well-known \"quote\"") ==
          std::vector<std::string>{"well", "-", "known", "\"", "quote", "\""});
  // Other scripts' punctuation too, so the words next to it stay known.
  REQUIRE(token_texts("«Bonjour» ¿Qué?") ==
          std::vector<std::string>{"«", "Bonjour", "»", "¿", "Qué", "?"});
}

TEST_CASE("an emoji is a token of its own, never part of a word", "[tokenizer]") {
  REQUIRE(token_texts("I love 🐶🐱!") == std::vector<std::string>{"I", "love", "🐶", "🐱", "!"});
  REQUIRE(token_texts("cats😀dogs") == std::vector<std::string>{"cats", "😀", "dogs"});
  REQUIRE(token_texts("sun☀rain ✓") == std::vector<std::string>{"sun", "☀", "rain", "✓"});
  // What the reader sees as one picture stays one token: a skin tone, a variation selector,
  // a ZWJ sequence, a flag (two regional indicators).
  REQUIRE(token_texts("👍🏽 ❤️ 👩‍💻 🇮🇳🇫🇷") ==
          std::vector<std::string>{"👍🏽", "❤️", "👩‍💻", "🇮🇳", "🇫🇷"});
  require_spans_cover_the_text("a👍🏽b❤️c👩‍💻d🇮🇳🇫🇷e");
}

TEST_CASE("words of any script stay whole", "[tokenizer]") {
  REQUIRE(token_texts("Привет, мир!") == std::vector<std::string>{"Привет", ",", "мир", "!"});
  REQUIRE(token_texts("שלום עולם") == std::vector<std::string>{"שלום", "עולם"});
  REQUIRE(token_texts("مرحبا بالعالم") == std::vector<std::string>{"مرحبا", "بالعالم"});
  REQUIRE(token_texts("नमस्ते दुनिया") == std::vector<std::string>{"नमस्ते", "दुनिया"});
  REQUIRE(token_texts("Straße café") == std::vector<std::string>{"Straße", "café"});
  // Persian writes some words with a zero-width non-joiner inside: still one word.
  REQUIRE(token_texts("می‌خواهم") == std::vector<std::string>{"می‌خواهم"});
  // A right-to-left mark carried along by pasted Hebrew is dropped like a space.
  REQUIRE(token_texts("שלום\xE2\x80\x8F!") == std::vector<std::string>{"שלום", "!"});
}

TEST_CASE("whitespace separates tokens and is dropped", "[tokenizer]") {
  REQUIRE(tokenize("").empty());
  REQUIRE(tokenize(" \t\n\r\v\f\xC2\xA0  ").empty());
  const std::vector<Token> tokens = tokenize("too\xC2\xA0tired\r\n");
  REQUIRE(texts_of(tokens) == std::vector<std::string>{"too", "tired"});
  REQUIRE(tokens[1].start == 5);
  // A byte-order mark at the start of pasted text must not glue itself to the first word.
  REQUIRE(token_texts("\xEF\xBB\xBFThe animal") == std::vector<std::string>{"The", "animal"});
}

TEST_CASE("HTML is just text: its characters become tokens", "[tokenizer]") {
  const std::string html = "<img src=x onerror=alert(1)>";
  REQUIRE(token_texts(html) == std::vector<std::string>{"<", "img", "src", "=", "x", "onerror",
                                                        "=", "alert", "(", "1", ")", ">"});
  require_spans_cover_the_text(html);
}

TEST_CASE("invalid UTF-8 never crashes and counts as letters", "[tokenizer]") {
  REQUIRE(token_texts("ab\xFF" "cd \x80 \xC0\xAF!") ==
          std::vector<std::string>{"ab\xFF" "cd", "\x80", "\xC0\xAF", "!"});
  // A sequence cut short at the end of the text, and a surrogate encoded in UTF-8.
  REQUIRE(token_texts("dog\xE2\x80") == std::vector<std::string>{"dog\xE2\x80"});
  REQUIRE(token_texts("\xED\xA0\x80") == std::vector<std::string>{"\xED\xA0\x80"});
  const std::string bad[] = {"\xF4\x90\x80\x80", "\xE2\x80\x99", "'\xE2\x80", "\xF0\x9F\x98",
                             std::string("a\0b", 3), "\xC2", "\xE2\x80\x8D\xE2\x80\x8D"};
  for (const std::string& text : bad) require_spans_cover_the_text(text);
}

TEST_CASE("every token is the text at its span, for any bytes", "[tokenizer]") {
  // Random strings over a small alphabet of the cases that matter: letters, apostrophes,
  // spaces, punctuation, emoji and their modifiers, other scripts, and stray bytes.
  const std::vector<std::string> pieces = {
      "a", "Z", "7", "'", "\xE2\x80\x99" /* ’ */, " ", "\xC2\xA0" /* NBSP */, "\n", ".", "<",
      "é", "ж", "😀", "🏽", "\xEF\xB8\x8F" /* VS16 */, "\xE2\x80\x8D" /* ZWJ */, "🇮",
      "\xFF", "\x80", "\xE2\x80" /* cut short */};
  std::mt19937 random(12345);
  for (int trial = 0; trial < 3000; ++trial) {
    std::string text;
    const int length = static_cast<int>(random() % 12);
    for (int k = 0; k < length; ++k) text += pieces[random() % pieces.size()];
    require_spans_cover_the_text(text);
  }
}

TEST_CASE("control characters separate words and are never tokens", "[tokenizer]") {
  REQUIRE(token_texts(std::string("the\0dog", 7)) == std::vector<std::string>{"the", "dog"});
  REQUIRE(token_texts("the dog\x01 ran") == std::vector<std::string>{"the", "dog", "ran"});
  REQUIRE(token_texts("a\x1B[31mred\x7F \x08") == std::vector<std::string>{"a", "[", "31mred"});
  // C1 controls (U+0080–U+009F, two bytes each in UTF-8), NEL among them.
  REQUIRE(token_texts("one\xC2\x80two\xC2\x9F three\xC2\x85") ==
          std::vector<std::string>{"one", "two", "three"});
  const std::vector<Token> tokens = tokenize(std::string("\x01\x02the\0dog", 9));
  REQUIRE(tokens.size() == 2);
  CHECK(tokens[0].start == 2);
  CHECK(tokens[1].start == 6);
  CHECK(tokens[1].end == 9);
}

TEST_CASE("a stray zero-width or format character is never a token nor a word's edge",
          "[tokenizer]") {
  // The case: U+200B separates like a space; a ZWNJ or ZWJ at a word's end is dropped.
  const std::vector<Token> tokens = tokenize("hello\u200bworld\u200c it\u200d");
  REQUIRE(texts_of(tokens) == std::vector<std::string>{"hello", "world", "it"});
  CHECK(tokens[1].start == 8);   // "hello" 5 bytes + U+200B 3 bytes
  CHECK(tokens[2].start == 17);  // + "world" 5 + U+200C 3 + " " 1
  REQUIRE(token_texts("\u200dstart \u200c \u200d\u200c end") ==
          std::vector<std::string>{"start", "end"});
  REQUIRE(token_texts("\u2060word\ufeff \u00adsoft\u00ad") ==
          std::vector<std::string>{"word", "soft"});
  // Between two letters they stay: Persian's ZWNJ, a soft hyphen inside a word.
  REQUIRE(token_texts("می‌خواهم hy\u00adphen") ==
          std::vector<std::string>{"می‌خواهم", "hy\u00adphen"});
  // An emoji ZWJ sequence is one picture; a ZWJ dangling after an emoji is dropped.
  REQUIRE(token_texts("👩‍💻 👩\u200d ok") == std::vector<std::string>{"👩‍💻", "👩", "ok"});
  // A variation selector or tag with nothing before it draws nothing: dropped. A skin tone
  // alone draws a swatch: kept.
  REQUIRE(token_texts("\ufe0f dog \U000E0067 🏽") == std::vector<std::string>{"dog", "🏽"});
  // Unassigned but default-ignorable code points draw nothing either (the fuzzer's find:
  // U+2065 after a NUL and a colon made a row with no label), nor does VS17 alone.
  REQUIRE(token_texts(std::string("\0:\u2065", 5) + " dog\U000E0000 \U000E0100cat") ==
          std::vector<std::string>{":", "dog", "cat"});
}

TEST_CASE("the replacement character is a token of its own, not part of a word", "[tokenizer]") {
  REQUIRE(token_texts("the \ufffddog ran") == std::vector<std::string>{"the", "\ufffd", "dog", "ran"});
  REQUIRE(token_texts("a\ufffd\ufffdb") == std::vector<std::string>{"a", "\ufffd", "\ufffd", "b"});
}

TEST_CASE("no token is made only of invisible characters, for any mix", "[tokenizer]") {
  const std::vector<std::string> pieces = {
      "a", "ж", " ", "\x01", std::string(1, '\0'), "\x7F", "\xC2\x85", "\u200b", "\u200c",
      "\u200d", "\u00ad", "\u2060", "\u2065", "\ufeff", "\ufe0f", "\U000E0067", "\U000E0100", "😀", ".", "'"};
  const std::vector<std::string> invisible = {
      "\x01", std::string(1, '\0'), "\x7F", "\xC2\x85", "\u200b", "\u200c",
      "\u200d", "\u00ad", "\u2060", "\u2065", "\ufeff", "\ufe0f", "\U000E0067", "\U000E0100"};
  std::mt19937 random(2024);
  for (int trial = 0; trial < 3000; ++trial) {
    std::string text;
    const int length = static_cast<int>(random() % 10);
    for (int k = 0; k < length; ++k) text += pieces[random() % pieces.size()];
    require_spans_cover_the_text(text);
    for (const Token& token : tokenize(text)) {
      std::string visible = token.text;
      for (const std::string& mark : invisible)
        for (auto at = visible.find(mark); at != std::string::npos; at = visible.find(mark))
          visible.erase(at, mark.size());
      INFO("text: " << text << ", token: " << token.text);
      REQUIRE(!visible.empty());
    }
  }
}

TEST_CASE("normalize_word lower-cases ASCII and turns ’ into '", "[tokenizer]") {
  REQUIRE(normalize_word("DIDN\xE2\x80\x99T") == "didn't");
  REQUIRE(normalize_word("Arjun") == "arjun");
  REQUIRE(normalize_word("Привет") == "Привет");  // only ASCII changes case
  REQUIRE(normalize_word("") == "");
}

TEST_CASE("the vocabulary looks words up case-insensitively, unknown words are 0", "[vocabulary]") {
  const Vocabulary vocabulary({"[unk]", "the", "animal", "didn't", "."});
  REQUIRE(vocabulary.size() == 5);
  REQUIRE(vocabulary.id_of("The") == 1);
  REQUIRE(vocabulary.id_of("ANIMAL") == 2);
  REQUIRE(vocabulary.id_of("didn\xE2\x80\x99t") == 3);
  REQUIRE(vocabulary.id_of(".") == 4);
  REQUIRE(vocabulary.id_of("street") == Vocabulary::kUnknownId);
  REQUIRE(vocabulary.id_of("") == Vocabulary::kUnknownId);
  REQUIRE(vocabulary.knows("Didn't"));
  REQUIRE_FALSE(vocabulary.knows("zebra"));
  REQUIRE(vocabulary.word(2) == "animal");
  REQUIRE(vocabulary.word(0) == "[unk]");
  REQUIRE_THROWS_AS(vocabulary.word(5), InvalidInput);
  REQUIRE_THROWS_WITH(vocabulary.word(-1),
                      Contains("between 0 and 4") && Contains("it is -1"));
}

TEST_CASE("the vocabulary refuses a list without [unk] first or with a word twice",
          "[vocabulary]") {
  REQUIRE_THROWS_AS(Vocabulary({}), InvalidInput);
  REQUIRE_THROWS_WITH(Vocabulary({}), Contains("must start with \"[unk]\"") && Contains("empty"));
  REQUIRE_THROWS_WITH(Vocabulary({"the", "[unk]"}),
                      Contains("must start with \"[unk]\"") && Contains("starts with \"the\""));
  REQUIRE_THROWS_WITH(Vocabulary({"[unk]", "the", "dog", "The"}),
                      Contains("each word once") && Contains("\"the\" is word 1 and word 3"));
  REQUIRE_THROWS_WITH(Vocabulary({"[unk]", "didn't", "didn\xE2\x80\x99t"}),
                      Contains("\"didn't\""));
  REQUIRE_THROWS_WITH(Vocabulary({"[unk]", "dog", ""}), Contains("word 2 is empty"));
  REQUIRE_NOTHROW(Vocabulary({"[unk]"}));
}
