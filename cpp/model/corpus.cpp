#include "corpus.hpp"

#include "lexicon.hpp"

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <stdexcept>
#include <string_view>
#include <tuple>
#include <utility>

namespace attention_lens {

namespace {

// ---- Frames -------------------------------------------------------------------------------
// A frame is one sentence written one piece per word, pieces separated by single spaces:
//   {slot}    a word the generator draws (slot_lists() says from which lists)
//   @piece    the subject: what every ^verb's structure target names
//   ^piece    a verb
//   the/The   a determiner: its structure target is the next piece, its noun
// Pieces never hold punctuation, so each one is exactly one token; half the sentences get a
// final "." (a token of its own, without a target).

// winograd, "it" = the animal or the crossing, decided by {attr}.
constexpr const char* kCrossingFrames[] = {
    "The @{animal} didn't ^cross the {crossing} because {pronoun} was too {attr}",
    "The @{animal} did not ^want to ^cross the {crossing} because {pronoun} was too {attr}",
    "The @{animal} ^stopped before the {crossing} because {pronoun} was so {attr}",
    "The @{animal} never ^crossed the {crossing} because {pronoun} was very {attr}",
    "The @{animal} ^refused to ^cross the {crossing} since {pronoun} was far too {attr}",
};
// winograd, "it" = the object (too big) or the container (too small), whichever is the subject.
constexpr const char* kFittingFrames[] = {
    "The @{object} didn't ^fit in the {container} because {pronoun} was too {size}",
    "The @{object} would not ^fit into the {container} because {pronoun} was too {size}",
    "The @{object} did not ^go in the {container} because {pronoun} was so {size}",
    "@I couldn't ^put the {object} in the {container} because {pronoun} was too {size}",
    "The @{container} couldn't ^hold the {object} since {pronoun} was far too {size}",
};
// name, "he"/"she" = the name of that gender. Frames with {name2} hold one name of each.
constexpr const char* kNameFrames[] = {
    "@{name} ^ate the {food} because {pronoun} was {person_attr}",
    "@{name} ^ordered the {food} because {pronoun} was so {person_attr}",
    "@{name} ^shared the {food} since {pronoun} was very {person_attr}",
    "@{name} ^{person_verb} {name2} because {pronoun} was {person_attr}",
    "@{name} ^{person_verb} {name2} since {pronoun} was so {person_attr}",
};
// sense, decided by {ctx} alone: every other word is drawn from lists both senses share.
// Five frames, so with the held-out rule every context noun has exactly one held-out frame.
// Frames 0 and 1 hold the lessons' "The bank by the river was steep" and "I went to the bank
// to deposit money"; their pairs with "river" (0, 0) and "money" (1, 0) are training pairs.
constexpr const char* kSenseFrames[] = {
    "The bank by the {ctx} was {bank_adj}",
    "@I ^went to the bank to ^{bank_verb} {ctx}",
    "@We ^walked to the bank near the {ctx}",
    "The {ctx} near the bank was {bank_adj}",
    "@They ^waited at the bank beside the {ctx}",
};
// structure only: determiner → noun and verb → subject, with nothing else to learn.
constexpr const char* kStructureFrames[] = {
    "The @{animal} ^{verb} the {noun}",
    "@{name} ^{verb} the {noun}",
    "The @{animal} ^{verb} the {noun} yesterday",
    "@{name} ^{verb} the {noun} near the {noun2}",
    "Yesterday @{name} ^{verb} the {noun}",
};

struct FrameList {
  const char* const* frames;
  std::size_t count;
  const char* operator[](std::size_t i) const { return frames[i]; }
};
template <std::size_t N>
constexpr FrameList frames(const char* const (&list)[N]) { return {list, N}; }

constexpr FrameList kAllFrames[] = {frames(kCrossingFrames), frames(kFittingFrames),
                                    frames(kNameFrames), frames(kSenseFrames),
                                    frames(kStructureFrames)};

// The share of each phenomenon in sample(split), in percent: winograd gets the most because
// it has two templates and the subtlest cue; structure the least because every other
// sentence carries structure targets too.
constexpr int kWinogradPercent = 40, kNamePercent = 20, kSensePercent = 25;  // structure: 15

struct Piece {
  std::string_view text;  // without its markers: a word, or "{slot}"
  bool subject = false;
  bool verb = false;

  bool is_slot() const { return text.size() > 2 && text.front() == '{' && text.back() == '}'; }
  std::string_view slot() const { return text.substr(1, text.size() - 2); }
};

std::vector<Piece> pieces_of(std::string_view frame) {
  std::vector<Piece> pieces;
  while (!frame.empty()) {
    const std::size_t space = std::min(frame.find(' '), frame.size());
    Piece piece{frame.substr(0, space)};
    for (; !piece.text.empty() && (piece.text[0] == '@' || piece.text[0] == '^');
         piece.text.remove_prefix(1))
      (piece.text[0] == '@' ? piece.subject : piece.verb) = true;
    pieces.push_back(piece);
    frame.remove_prefix(std::min(space + 1, frame.size()));
  }
  return pieces;
}

// The lists a slot's word may come from.
std::vector<const WordList*> slot_lists(std::string_view slot) {
  const Lexicon& l = lexicon();
  if (slot == "animal") return {&l.animals};
  if (slot == "crossing") return {&l.crossings};
  if (slot == "attr") return {&l.animal_attributes, &l.crossing_attributes};
  if (slot == "object") return {&l.objects};
  if (slot == "container") return {&l.containers};
  if (slot == "size") return {&l.big_attributes, &l.small_attributes};
  if (slot == "name" || slot == "name2") return {&l.male_names, &l.female_names};
  if (slot == "food") return {&l.foods};
  if (slot == "person_attr") return {&l.person_attributes};
  if (slot == "person_verb") return {&l.person_verbs};
  if (slot == "pronoun") return {&l.pronouns};
  if (slot == "ctx") return {&l.river_words, &l.money_words};
  if (slot == "bank_adj") return {&l.bank_adjectives};
  if (slot == "bank_verb") return {&l.bank_verbs};
  if (slot == "verb") return {&l.transitive_verbs};
  if (slot == "noun" || slot == "noun2")
    return {&l.animals, &l.crossings, &l.objects, &l.containers, &l.foods};
  throw std::logic_error("corpus frame slot {" + std::string(slot) + "} has no word list");
}

// Every word the frames can produce, "[unk]" first, then sorted.
Vocabulary build_vocabulary() {
  std::vector<std::string> words = {"."};
  for (const FrameList& list : kAllFrames)
    for (std::size_t f = 0; f < list.count; ++f)
      for (const Piece& piece : pieces_of(list[f])) {
        if (!piece.is_slot()) {
          words.push_back(normalize_word(piece.text));
          continue;
        }
        for (const WordList* slot_words : slot_lists(piece.slot()))
          words.insert(words.end(), slot_words->begin(), slot_words->end());
      }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  words.insert(words.begin(), Vocabulary::kUnknownWord);
  return Vocabulary(std::move(words));
}

// ---- Random choices -------------------------------------------------------------------------
// Uniform in [0, n), by rejection. Not std::uniform_int_distribution: its algorithm is left to
// the standard library, so the same seed would give other sentences under libc++ (wasm) than
// under libstdc++ (native). std::mt19937's own output is fixed by the standard.
std::size_t pick(std::mt19937& random, std::size_t n) {
  constexpr std::uint64_t kRange = std::uint64_t{1} << 32;  // mt19937 gives 32 random bits
  const std::uint64_t limit = kRange - kRange % n;
  std::uint64_t x = 0;
  do x = random(); while (x >= limit);
  return static_cast<std::size_t>(x % n);
}

bool coin(std::mt19937& random) { return pick(random, 2) == 1; }

const std::string& pick_word(std::mt19937& random, const WordList& words) {
  return words[pick(random, words.size())];
}

// A pair (first, second) of indices drawn uniformly from the pairs of `split` (see
// is_held_out_pair), by drawing pairs until one is of that split: 1 draw in 5 is held out.
std::pair<std::size_t, std::size_t> pick_pair(std::mt19937& random, std::size_t first_count,
                                              std::size_t second_count, Split split) {
  for (;;) {
    const std::size_t first = pick(random, first_count), second = pick(random, second_count);
    if (is_held_out_pair(first, second) == (split == Split::held_out)) return {first, second};
  }
}

std::string capitalized(std::string word) {
  if (!word.empty() && word[0] >= 'a' && word[0] <= 'z')
    word[0] = static_cast<char>(word[0] - 'a' + 'A');
  return word;
}

const WordList& all_names() {
  static const WordList kNames = [] {
    WordList names = lexicon().male_names;
    names.insert(names.end(), lexicon().female_names.begin(), lexicon().female_names.end());
    return names;
  }();
  return kNames;
}

const WordList& all_nouns() {
  static const WordList kNouns = [] {
    WordList nouns;
    for (const WordList* list : slot_lists("noun"))
      nouns.insert(nouns.end(), list->begin(), list->end());
    return nouns;
  }();
  return kNouns;
}

// ---- Sentences ------------------------------------------------------------------------------
struct Fill {
  std::string_view slot;
  std::string word;  // as written in the sentence ("Arjun")
};

// A frame with its slots filled, becoming an Example.
class Draft {
 public:
  Draft(const char* frame, const std::vector<Fill>& fills) : pieces_(pieces_of(frame)) {
    for (const Piece& piece : pieces_) {
      if (!piece.is_slot()) {
        words_.emplace_back(piece.text);
        continue;
      }
      const auto fill = std::find_if(fills.begin(), fills.end(),
                                     [&](const Fill& f) { return f.slot == piece.slot(); });
      if (fill == fills.end())
        throw std::logic_error("corpus frame \"" + std::string(frame) + "\" has no word for {" +
                               std::string(piece.slot()) + "}");
      words_.push_back(fill->word);
    }
  }

  // The position of the slot's word (also its token's, since each piece is one token).
  int position(std::string_view slot) const {
    for (std::size_t i = 0; i < pieces_.size(); ++i)
      if (pieces_[i].is_slot() && pieces_[i].slot() == slot) return static_cast<int>(i);
    throw std::logic_error("corpus frame has no slot {" + std::string(slot) + "}");
  }
  int position_of_word(std::string_view word) const {
    for (std::size_t i = 0; i < words_.size(); ++i)
      if (words_[i] == word) return static_cast<int>(i);
    throw std::logic_error("corpus frame has no word \"" + std::string(word) + "\"");
  }

  // The sentence, tokenized, with its structure targets: determiner → noun, verb → subject.
  Example finish(const Vocabulary& vocabulary, Phenomenon phenomenon, Split split,
                 bool period) const {
    Example example;
    for (const std::string& word : words_) example.text += (example.text.empty() ? "" : " ") + word;
    if (period) example.text += '.';
    example.tokens = tokenize(example.text);
    if (example.tokens.size() != words_.size() + (period ? 1 : 0))
      throw std::logic_error("corpus sentence \"" + example.text + "\" should be " +
                             std::to_string(words_.size()) + " words");
    const std::size_t n = example.tokens.size();
    for (const Token& token : example.tokens)
      example.token_ids.push_back(vocabulary.id_of(token.text));
    example.target_class.assign(n, kNoTarget);
    example.target_position.assign(n, kNoTarget);
    example.target_phenomenon.assign(n, phenomenon);
    example.phenomenon = phenomenon;
    example.split = split;

    const auto subject = std::find_if(pieces_.begin(), pieces_.end(),
                                      [](const Piece& p) { return p.subject; });
    for (std::size_t i = 0; i < pieces_.size(); ++i) {
      int decider = kNoTarget;
      if (normalize_word(words_[i]) == "the") decider = static_cast<int>(i + 1);
      if (pieces_[i].verb) {
        if (subject == pieces_.end()) throw std::logic_error("corpus frame has a verb, no subject");
        decider = static_cast<int>(subject - pieces_.begin());
      }
      if (decider == kNoTarget) continue;
      example.target_class[i] = example.token_ids[static_cast<std::size_t>(decider)];
      example.target_position[i] = decider;
      example.target_phenomenon[i] = Phenomenon::structure;
    }
    return example;
  }

 private:
  std::vector<Piece> pieces_;
  std::vector<std::string> words_;
};

void set_target(Example& example, int at, int target_class, int position,
                Phenomenon phenomenon) {
  const auto i = static_cast<std::size_t>(at);
  example.target_class[i] = target_class;
  example.target_position[i] = position;
  example.target_phenomenon[i] = phenomenon;
}

// The pronoun's target: the word it refers to.
Example with_referent(Example example, const Draft& draft, std::string_view referent_slot) {
  const int referent = draft.position(referent_slot);
  set_target(example, draft.position("pronoun"),
             example.token_ids[static_cast<std::size_t>(referent)], referent,
             example.phenomenon);
  return example;
}

// "The dog didn't cross the road because it was too tired", "The trophy didn't fit…".
// Pair: (referent, attribute), indices in the referent's list and its attribute list.
Example winograd(std::mt19937& random, const Vocabulary& vocabulary, Split split) {
  const Lexicon& l = lexicon();
  const bool crossing_sentence = coin(random);
  const bool first_is_it = coin(random);  // the animal / the object
  const WordList& first = crossing_sentence ? l.animals : l.objects;
  const WordList& second = crossing_sentence ? l.crossings : l.containers;
  const WordList& referents = first_is_it ? first : second;
  const WordList& attributes =
      crossing_sentence ? (first_is_it ? l.animal_attributes : l.crossing_attributes)
                        : (first_is_it ? l.big_attributes : l.small_attributes);
  const auto [referent, attribute] =
      pick_pair(random, referents.size(), attributes.size(), split);
  const std::string first_word = first_is_it ? first[referent] : pick_word(random, first);
  const std::string second_word = first_is_it ? pick_word(random, second) : second[referent];

  const FrameList list = crossing_sentence ? frames(kCrossingFrames) : frames(kFittingFrames);
  const char* frame = list[pick(random, list.count)];
  const char* first_slot = crossing_sentence ? "animal" : "object";
  const char* second_slot = crossing_sentence ? "crossing" : "container";
  const Draft draft(frame, {{first_slot, first_word},
                            {second_slot, second_word},
                            {"pronoun", "it"},
                            {crossing_sentence ? "attr" : "size", attributes[attribute]}});
  return with_referent(draft.finish(vocabulary, Phenomenon::winograd, split, coin(random)), draft,
                       first_is_it ? first_slot : second_slot);
}

// "Arjun ate the pizza because he was hungry", "Priya called Omar because he was late".
// Pair: (referent name, person attribute), the name's index in its gender's list.
Example name(std::mt19937& random, const Vocabulary& vocabulary, Split split) {
  const Lexicon& l = lexicon();
  const char* frame = kNameFrames[pick(random, std::size(kNameFrames))];
  const bool male = coin(random);
  const WordList& names = male ? l.male_names : l.female_names;
  const WordList& others = male ? l.female_names : l.male_names;
  const auto [referent, attribute] =
      pick_pair(random, names.size(), l.person_attributes.size(), split);
  const bool two_people = std::string_view(frame).find("{name2}") != std::string_view::npos;
  const bool referent_first = !two_people || coin(random);
  const std::string other = capitalized(pick_word(random, others));
  const std::string referent_name = capitalized(names[referent]);
  const Draft draft(frame, {{"name", referent_first ? referent_name : other},
                            {"name2", referent_first ? other : referent_name},
                            {"food", pick_word(random, l.foods)},
                            {"person_verb", pick_word(random, l.person_verbs)},
                            {"pronoun", male ? "he" : "she"},
                            {"person_attr", l.person_attributes[attribute]}});
  return with_referent(draft.finish(vocabulary, Phenomenon::name, split, coin(random)), draft,
                       referent_first ? "name" : "name2");
}

// "The bank by the river was steep", "I went to the bank to deposit money".
// Pair: (frame, context noun), the noun's index in river_words or money_words.
Example sense(std::mt19937& random, const Vocabulary& vocabulary, Split split) {
  const Lexicon& l = lexicon();
  const int sense_index = coin(random) ? 1 : 0;  // 0 river, 1 money
  const WordList& contexts = sense_index == 1 ? l.money_words : l.river_words;
  const auto [frame, context] = pick_pair(random, std::size(kSenseFrames), contexts.size(), split);
  const Draft draft(kSenseFrames[frame], {{"ctx", contexts[context]},
                                          {"bank_adj", pick_word(random, l.bank_adjectives)},
                                          {"bank_verb", pick_word(random, l.bank_verbs)}});
  Example example = draft.finish(vocabulary, Phenomenon::sense, split, coin(random));
  // The target is the context noun itself, not a two-way sense label: with two classes the
  // model was right 100 % of the time while spreading its attention over the sentence (a
  // third of the noun's value is enough to tell two senses apart); naming the noun makes
  // "bank" look at it (docs/model.md, "Word sense").
  set_target(example, draft.position_of_word("bank"), vocabulary.id_of(contexts[context]),
             draft.position("ctx"), Phenomenon::sense);
  return example;
}

// "The dog chased the cat", "Priya saw the trophy near the road".
// Pair: (subject, object noun), indices in animals or in all names (male then female), and
// in all nouns (animals, crossings, objects, containers, foods).
Example structure(std::mt19937& random, const Vocabulary& vocabulary, Split split) {
  const char* frame = kStructureFrames[pick(random, std::size(kStructureFrames))];
  const bool animal_subject = std::string_view(frame).find("{animal}") != std::string_view::npos;
  const WordList& subjects = animal_subject ? lexicon().animals : all_names();
  const WordList& nouns = all_nouns();
  // A different word in each role, so every target points at one position only.
  std::size_t subject = 0, noun = 0;
  do std::tie(subject, noun) = pick_pair(random, subjects.size(), nouns.size(), split);
  while (subjects[subject] == nouns[noun]);
  std::string noun2;
  do noun2 = pick_word(random, nouns);
  while (noun2 == nouns[noun] || noun2 == subjects[subject]);

  const std::string subject_word =
      animal_subject ? subjects[subject] : capitalized(subjects[subject]);
  const Draft draft(frame, {{"animal", subject_word},
                            {"name", subject_word},
                            {"verb", pick_word(random, lexicon().transitive_verbs)},
                            {"noun", nouns[noun]},
                            {"noun2", noun2}});
  return draft.finish(vocabulary, Phenomenon::structure, split, coin(random));
}

}  // namespace

CorpusGenerator::CorpusGenerator(std::uint32_t seed)
    : random_(seed), vocabulary_(build_vocabulary()) {}

int CorpusGenerator::class_count() const { return vocabulary_.size(); }

std::vector<std::string> CorpusGenerator::class_names() const { return vocabulary_.words(); }

Example CorpusGenerator::sample(Split split, Phenomenon phenomenon) {
  switch (phenomenon) {
    case Phenomenon::winograd: return winograd(random_, vocabulary_, split);
    case Phenomenon::name: return name(random_, vocabulary_, split);
    case Phenomenon::sense: return sense(random_, vocabulary_, split);
    case Phenomenon::structure: return structure(random_, vocabulary_, split);
  }
  throw std::logic_error("unknown phenomenon");
}

Example CorpusGenerator::sample(Split split) {
  const int percent = static_cast<int>(pick(random_, 100));
  if (percent < kWinogradPercent) return sample(split, Phenomenon::winograd);
  if (percent < kWinogradPercent + kNamePercent) return sample(split, Phenomenon::name);
  if (percent < kWinogradPercent + kNamePercent + kSensePercent)
    return sample(split, Phenomenon::sense);
  return sample(split, Phenomenon::structure);
}

}  // namespace attention_lens
