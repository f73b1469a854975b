#include "corpus.hpp"

#include "lexicon.hpp"

#include <algorithm>
#include <cstddef>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <map>
#include <memory>
#include <set>
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
//   the/The   a determiner: its structure target is its noun, the next piece (a filler
//             adjective may come between); it may become "my", "a", "their"… (see Draft)
//   ,         a comma, a token of its own
// Each piece is exactly one token; half the sentences get a final "." (a token of its own,
// without a target).
//
// Which noun a winograd pronoun names: either one (the attribute's class decides), or, in a
// frame that says the attribute of one noun before the pronoun ("The road was too icy so the
// dog didn't cross it"), only that noun.
enum class Referent { either, first, second };

struct Frame {
  const char* text;
  Referent referent = Referent::either;
};

// A family of frames; the held-out ones (new word orders and verb phrases of known words) are
// drawn only by Split::held_out_shape.
struct FrameList {
  const Frame* frames;
  std::size_t count;
  const Frame* held_out;
  std::size_t held_out_count;
};
template <std::size_t N, std::size_t M>
constexpr FrameList frames(const Frame (&list)[N], const Frame (&held_out)[M]) {
  return {list, N, held_out, M};
}

// winograd, "it" = the animal or the crossing, decided by {attr}.
constexpr Frame kCrossingFrames[] = {
    {"The @{first} didn't ^cross the {second} because {pronoun} was too {attr}"},
    {"The @{first} did not ^want to ^cross the {second} because {pronoun} was too {attr}"},
    {"The @{first} ^stopped before the {second} because {pronoun} was so {attr}"},
    {"The @{first} never ^crossed the {second} because {pronoun} was very {attr}"},
    {"The @{first} ^refused to ^cross the {second} since {pronoun} was far too {attr}"},
    {"The {second} was too {attr} so the @{first} didn't ^cross {pronoun}", Referent::second},
    {"The {first} was too {attr} so {pronoun} didn't cross the {second}", Referent::first},
    {"Because {pronoun} was too {attr} , the @{first} didn't ^cross the {second}"},
    {"Since {pronoun} was so {attr} , the @{first} never ^crossed the {second}"},
    {"Because the {second} was too {attr} , the @{first} didn't ^cross {pronoun}", Referent::second},
};
constexpr Frame kCrossingHeldOut[] = {
    {"Because {pronoun} was very {attr} , the @{first} ^refused to ^cross the {second}"},
    {"The {second} was very {attr} so the @{first} never ^crossed {pronoun}", Referent::second},
    {"The @{first} did not ^cross the {second} since {pronoun} was very {attr}"},
};
// winograd, "it" = the object (too big) or the container (too small).
constexpr Frame kFittingFrames[] = {
    {"The @{first} didn't ^fit in the {second} because {pronoun} was too {attr}"},
    {"The @{first} would not ^fit into the {second} because {pronoun} was too {attr}"},
    {"The @{first} did not ^go in the {second} because {pronoun} was so {attr}"},
    {"@I couldn't ^put the {first} in the {second} because {pronoun} was too {attr}"},
    {"The @{second} couldn't ^hold the {first} since {pronoun} was far too {attr}"},
    {"The {second} was too {attr} so the @{first} didn't ^fit in {pronoun}", Referent::second},
    {"The {first} was too {attr} so {pronoun} didn't fit in the {second}", Referent::first},
    {"Because {pronoun} was too {attr} , the @{first} didn't ^fit in the {second}"},
    {"The @{first} didn't ^fit through the {second} because {pronoun} was too {attr}"},
    {"Since the {second} was so {attr} , the @{first} didn't ^fit in {pronoun}", Referent::second},
};
constexpr Frame kFittingHeldOut[] = {
    {"Since {pronoun} was so {attr} , the @{first} would not ^fit into the {second}"},
    {"The {second} was far too {attr} so @I couldn't ^put the {first} in {pronoun}", Referent::second},
};
// winograd, "it" = the animal (too tired) or the object it moves (too big).
constexpr Frame kCarryingFrames[] = {
    {"The @{first} couldn't ^carry the {second} because {pronoun} was too {attr}"},
    {"The @{first} never ^pushed the {second} since {pronoun} was so {attr}"},
    {"Because {pronoun} was too {attr} , the @{first} couldn't ^carry the {second}"},
};
constexpr Frame kCarryingHeldOut[] = {
    {"The @{first} did not ^pull the {second} because {pronoun} was very {attr}"},
};
// winograd, "it" = the animal (too tired, too hungry) or the object or food it acts on (too big):
// any verb, as learners write them ("The cat ignored the toaster because it was sleepy").
constexpr Frame kActingFrames[] = {
    {"The @{first} ^{verb} the {second} because {pronoun} was {attr}"},
    {"The @{first} ^{verb} the {second} because {pronoun} was so {attr}"},
    {"The @{first} never ^{verb} the {second} since {pronoun} was too {attr}"},
    {"Because {pronoun} was very {attr} , the @{first} ^{verb} the {second}"},
    {"The {second} was too {attr} , so the @{first} never ^{verb} {pronoun}", Referent::second},
    {"Because the {second} was so {attr} , the @{first} ^{verb} {pronoun}", Referent::second},
};
constexpr Frame kActingHeldOut[] = {
    {"The @{first} ^{verb} the {second} , because {pronoun} was very {attr}"},
    {"The {second} was far too {attr} , so the @{first} never ^{verb} {pronoun}", Referent::second},
};
// winograd, "it" = the animal (it wanted, heard, slept…) or the object or food (it broke,
// melted…), decided by the verb after the pronoun, read as its WordNet class.
constexpr Frame kHappeningFrames[] = {
    {"The @{first} ^{verb} the {second} because {pronoun} {attr}"},
    {"The @{first} ^{verb} the {second} and then {pronoun} {attr}"},
    {"The @{first} ^{verb} the {second} , and {pronoun} {attr}"},
    {"When {pronoun} {attr} , the @{first} ^{verb} the {second}"},
};
constexpr Frame kHappeningHeldOut[] = {
    {"The @{first} ^{verb} the {second} since {pronoun} {attr}"},
    {"Before {pronoun} {attr} , the @{first} never ^{verb} the {second}"},
};
// name, "he"/"she" = the name of that gender. Frames with {name2} hold one name of each.
constexpr Frame kNameFrames[] = {
    {"@{name} ^ate the {food} because {pronoun} was {person_attr}"},
    {"@{name} ^ordered the {food} because {pronoun} was so {person_attr}"},
    {"@{name} ^shared the {food} since {pronoun} was very {person_attr}"},
    {"@{name} ^{person_verb} {name2} because {pronoun} was {person_attr}"},
    {"@{name} ^{person_verb} {name2} since {pronoun} was so {person_attr}"},
    {"Because {pronoun} was {person_attr} , @{name} ^ate the {food}"},
    {"Because {pronoun} was so {person_attr} , @{name} ^{person_verb} {name2}"},
    {"@{name} ^ate the {food} before {name2} went to the {place} because {pronoun} was {person_attr}"},
    {"@{name} ^waited at the {place} while {name2} ate the {food} because {pronoun} was {person_attr}"},
    // Several verbs between the two names, and a verb after the pronoun: the gender still decides.
    {"@{name} ^{verb} the {noun} , ^{verb2} the {food} and ^{person_verb} {name2} because {pronoun} was {person_attr}"},
    {"@{name} ^waited at the {place} , ^{verb} the {noun} and ^{person_verb} {name2} since {pronoun} was so {person_attr}"},
    {"@{name} ^{person_verb} {name2} because {pronoun} {pred}"},
    {"@{name} ^{verb} the {food} and ^{person_verb} {name2} because {pronoun} {pred}"},
    // A person with a gender in place of a name ("the boy", "the grandmother"; see name()).
    {"@{name} ^{person_verb} the {name2} because {pronoun} was {person_attr}"},
    {"The @{name} ^{person_verb} {name2} since {pronoun} was so {person_attr}"},
    {"The @{name} ^{person_verb} the {name2} because {pronoun} {pred}"},
    {"Because {pronoun} was {person_attr} , the @{name} ^{person_verb} the {name2}"},
};
constexpr Frame kNameHeldOut[] = {
    {"@{name} ^{verb} the {noun} , ^{verb2} the {food} and then ^{person_verb} {name2} since {pronoun} {pred}"},
    {"Since {pronoun} was very {person_attr} , @{name} ^ordered the {food}"},
    {"@{name} ^shared the {food} before {name2} walked to the {place} since {pronoun} was so {person_attr}"},
};
// sense, decided by {ctx} alone: every other word is drawn from lists both senses share.
// Frames 0 and 1 hold the lessons' "The bank by the river was steep" and "I went to the bank
// to deposit money"; their pairs with "river" (0, 0) and "money" (1, 0) are training pairs.
constexpr Frame kSenseFrames[] = {
    {"The bank by the {ctx} was {bank_adj}"},
    {"@I ^went to the bank to ^{bank_verb} {ctx}"},
    {"@We ^walked to the bank near the {ctx}"},
    {"The {ctx} near the bank was {bank_adj}"},
    {"@They ^waited at the bank beside the {ctx}"},
    {"@We ^waited by the bank near the {ctx}"},
    {"The bank was {bank_adj} so @I ^left the {ctx}"},
    // The context word as the object of "bank" as a subject, and before "bank" with a verb between.
    {"The @bank ^{bank_verb} the {ctx}"},
    {"@We ^left the {ctx} and walked to the bank"},
};
// Training only: an adjective right before "bank" is what gives its sense ("the muddy bank").
// {sense_adj} is no noun: a "the" before it still names "bank".
constexpr Frame kSenseAdjectiveFrames[] = {
    {"The {sense_adj} bank was {bank_adj}"},
    {"@We ^walked to the {sense_adj} bank"},
    {"@They ^waited by the {sense_adj} bank"},
    {"@I ^went to the {sense_adj} bank to ^{bank_verb} the {ctx}"},
};
constexpr Frame kSenseHeldOut[] = {
    {"@I ^walked to the bank by the {ctx}"},
    {"The {ctx} by the bank was very {bank_adj}"},
};
// structure only: determiner → noun and verb → subject, with nothing else to learn.
constexpr Frame kStructureFrames[] = {
    {"The @{animal} ^{verb} the {noun}"},
    {"@{name} ^{verb} the {noun}"},
    {"The @{animal} ^{verb} the {noun} near the {noun2}"},
    {"@{name} ^{verb} the {noun} near the {noun2}"},
};
constexpr Frame kStructureHeldOut[] = {
    {"The @{animal} ^{verb} the {noun} and the {noun2}"},
};

constexpr FrameList kCrossing = frames(kCrossingFrames, kCrossingHeldOut);
constexpr FrameList kFitting = frames(kFittingFrames, kFittingHeldOut);
constexpr FrameList kCarrying = frames(kCarryingFrames, kCarryingHeldOut);
constexpr FrameList kActing = frames(kActingFrames, kActingHeldOut);
constexpr FrameList kHappening = frames(kHappeningFrames, kHappeningHeldOut);
constexpr FrameList kNames = frames(kNameFrames, kNameHeldOut);
constexpr FrameList kSense = frames(kSenseFrames, kSenseHeldOut);
constexpr FrameList kStructure = frames(kStructureFrames, kStructureHeldOut);
constexpr const FrameList* kAllFrames[] = {&kCrossing, &kFitting,   &kCarrying, &kActing,
                                           &kHappening, &kNames,   &kSense,    &kStructure};

// The share of each phenomenon in sample(split), in percent: winograd gets the most because
// it has three templates and the subtlest cue; structure the least because every other
// sentence carries structure targets too.
constexpr int kWinogradPercent = 40, kNamePercent = 20, kSensePercent = 25;  // structure: 15

// How often each filler is put in (per determiner, per noun, per sentence).
constexpr int kOtherDeterminerPercent = 35, kAdjectivePercent = 20, kPrefixPercent = 30,
              kSuffixPercent = 15;
// Everyday (class-read) words: of the adjectives put before nouns, of the structure verbs, and
// a phrase "with the {noun}" at the end.
constexpr int kEverydayAdjectivePercent = 40, kEverydayVerbPercent = 30, kEverydayPhrasePercent = 25;
// Plural nouns (read as their class's plural row, "dogs" as "noun.animal, plural"): of the
// winograd nouns (whose pronoun is then "they"/"them"), of the structure subjects and nouns, and
// of the everyday phrase's noun.
constexpr int kWinogradPluralPercent = 30, kStructurePluralPercent = 25, kPhrasePluralPercent = 30;
// The crossing attributes that are also an object's size in a fitting frame (ActingWords).
const WordList kDimensionAttributes = {"long", "wide"};
// People ("the farmers") in place of the acting family's animal.
constexpr int kActingPeoplePercent = 30;
// Of those, one person rather than several: one with a gender ("the man", "the grandmother") when
// the pronoun names them.
constexpr int kActingOnePersonPercent = 50;
// Winograd training sentences in which only the pronoun's number tells the two nouns apart:
// one noun is plural, the other not, and "it" or "they" names the one that agrees. Learners
// write such sentences ("The birds flew away from the cat because they were scared"), and
// where the attribute names both nouns or neither, agreement is the cue a reader uses.
//   same kind:         both nouns from one list, the attribute from that list's attributes
//                      ("The dogs ignored the cat because it was hungry"; acting and happening);
//   neutral attribute: an everyday adjective read as its class, which names neither noun
//                      ("The tomatoes filled the basket because they were red"; not happening,
//                      whose attribute is a verb phrase).
constexpr int kSameKindPercent = 10, kNeutralAttributePercent = 10;
// Fitting sentences whose two nouns are not the trophy-and-suitcase lists' ("The box didn't fit in
// the car because it was too big", "The horse didn't fit in the van", "The sofa didn't fit through
// the door", everyday things read as noun.artifact): the thing that goes in is a container, an
// animal or an everyday thing, the thing that holds it a container or an everyday thing.
// With the lists apart, a model can answer by which list a word is from ("trophy" is an object,
// so "too big" names it) instead of by its place in the sentence, and then swaps the answer when a
// learner writes "The elephant didn't fit in the car". Training sentences only.
constexpr int kFittingRolesPercent = 40;
// Sense sentences whose context noun is an everyday word read as a class that only one sense's
// own words are read as ("I went to the bank to check the statement", read as noun.communication
// like "account" and "credit"; "The bank by the cliff", noun.object like "river" and "shore").
// With only the 32 context nouns of their own rows, "bank" learned to look at those words alone,
// and looked at itself in a learner's sentence without one. Training sentences only.
constexpr int kSenseEverydayContextPercent = 40;
// Sense sentences in which no word's kind decides: "bank" still names the word a reader would take
// its sense from, as that word's kind. Learners write "The canoe drifted towards the muddy bank" and
// "There was a queue at the bank on payday", whose words are read as noun.artifact, adj.thing or
// noun.time; trained only on deciding words, "bank" then looked at itself (the item set's four
// "bank → bank" misses). Of training's sense sentences:
//   neither: the context noun is an everyday noun of a kind that decides neither sense: any but
//            the deciding kinds below (noun.person, noun.time, noun.cognition, …, and kinds both
//            senses' words share);
//   adjective: an adjective right before "bank" (kSenseAdjectiveFrames) is the context word, an
//            everyday one said of things or a crossing attribute ("muddy", "icy", "busy").
constexpr int kSenseNeitherContextPercent = 15, kSenseAdjectiveContextPercent = 15;
// Of the others (the context word decides): a noun of a kind that decides neither sense stands
// nearer, "near the {noun}" right after "bank" ("I went to the bank near the park to deposit
// money"), so that the deciding word still wins over a nearer noun that does not decide.
constexpr int kSenseNearerNounPercent = 30;
// Winograd training sentences whose attribute is an everyday adjective said of the referent's kind
// (word_readings.tsv's adj.living and adj.thing) in place of the lexicon's: "The dog didn't cross
// the street because it was afraid", "The horse jumped over the fence because it was too low".
constexpr int kEverydayAttributePercent = 30;
// The subject by default (CorpusGenerator::set_subject_default_percent): where nothing in the
// sentence tells the two nouns apart — the same number, an attribute that names neither (an
// everyday adjective, or a living thing's verb after two animals), two names of one gender — a
// pronoun names the main clause's subject, as English readers take it ("The boys carried the
// boxes because they were strong", "When it saw the fox, the rabbit ran"). Psycholinguists call
// it the subject (or first-mention) preference. Its share follows the two above in winograd()'s
// roll; off unless set (docs/model.md, "Tried and not kept: the subject by default").

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

// The lists a slot's word may come from (for the vocabulary; the generators pick the list).
std::vector<const WordList*> slot_lists(std::string_view slot) {
  const Lexicon& l = lexicon();
  if (slot == "first") return {&l.animals, &l.objects};
  if (slot == "second") return {&l.crossings, &l.containers, &l.objects, &l.foods};
  // (The happening family's "attr" words, its predicates, are read as their classes: no rows.)
  if (slot == "attr")
    return {&l.animal_attributes, &l.crossing_attributes, &l.big_attributes, &l.small_attributes};
  if (slot == "animal") return {&l.animals};
  if (slot == "name" || slot == "name2") return {&l.male_names, &l.female_names};
  if (slot == "food") return {&l.foods};
  if (slot == "place") return {&l.crossings};
  if (slot == "person_attr") return {&l.person_attributes};
  if (slot == "person_verb") return {&l.person_verbs};
  if (slot == "pronoun") return {&l.pronouns};
  if (slot == "ctx") return {&l.river_words, &l.money_words};
  if (slot == "bank_adj") return {&l.bank_adjectives};
  if (slot == "bank_verb") return {&l.bank_verbs};
  if (slot == "verb" || slot == "verb2") return {&l.transitive_verbs};
  // Predicates are read as their WordNet classes: no rows of their own (see Lexicon).
  if (slot == "pred") return {};
  if (slot == "noun" || slot == "noun2")
    return {&l.animals, &l.crossings, &l.objects, &l.containers, &l.foods};
  throw std::logic_error("corpus frame slot {" + std::string(slot) + "} has no word list");
}

// Every word the frames and fillers can produce, "[unk]" first, then sorted.
Vocabulary build_vocabulary() {
  const Lexicon& l = lexicon();
  std::vector<std::string> words = {"."};
  for (const WordList* fillers : {&l.determiners, &l.neutral_adjectives, &l.time_words})
    words.insert(words.end(), fillers->begin(), fillers->end());
  for (const FrameList* list : kAllFrames)
    for (const bool held_out : {false, true})
      for (std::size_t f = 0; f < (held_out ? list->held_out_count : list->count); ++f)
        for (const Piece& piece : pieces_of((held_out ? list->held_out : list->frames)[f].text)) {
          if (!piece.is_slot()) {
            words.push_back(normalize_word(piece.text));
            continue;
          }
          for (const WordList* slot_words : slot_lists(piece.slot()))
            words.insert(words.end(), slot_words->begin(), slot_words->end());
        }
  // A row for every class a word without a row of its own is read as (word_reader.hpp).
  words.insert(words.end(), class_token_words().begin(), class_token_words().end());
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  words.insert(words.begin(), Vocabulary::kUnknownWord);
  return Vocabulary(std::move(words));
}

bool ends_with(std::string_view text, std::string_view end) {
  return text.size() >= end.size() && text.substr(text.size() - end.size()) == end;
}

// Reads words by class alone, for the generators' choices (WordReader::word_class needs no
// vocabulary row): built once, read only, so generators on several threads may share it.
const WordReader& class_reader() {
  static const Vocabulary vocabulary = build_vocabulary();
  static const WordReader reader = [] {
    WordReader r(vocabulary);
    r.use_lexicon(training_word_readings());
    return r;
  }();
  return reader;
}

}  // namespace

std::string plural_of(const std::string& noun) {
  static const std::pair<std::string_view, std::string_view> kIrregular[] = {
      {"mouse", "mice"}, {"goose", "geese"}, {"wolf", "wolves"}, {"calf", "calves"},
      {"child", "children"}, {"man", "men"}, {"woman", "women"}, {"knife", "knives"},
      {"shelf", "shelves"}, {"loaf", "loaves"}, {"leaf", "leaves"}, {"foot", "feet"}};
  static const std::string_view kMassNouns[] = {"rice", "pasta", "soup", "curry", "bread",
                                                "sushi", "biryani", "cheese"};
  if (std::find(std::begin(kMassNouns), std::end(kMassNouns), noun) != std::end(kMassNouns)) return "";
  const auto irregular = std::find_if(std::begin(kIrregular), std::end(kIrregular),
                                      [&](const auto& pair) { return pair.first == noun; });
  std::string plural;
  if (irregular != std::end(kIrregular))
    plural = irregular->second;
  else if (ends_with(noun, "s") || ends_with(noun, "x") || ends_with(noun, "z") || ends_with(noun, "ch") ||
           ends_with(noun, "sh"))
    plural = noun + "es";
  else if (noun.size() > 1 && noun.back() == 'y' &&
           std::string_view("aeiou").find(noun[noun.size() - 2]) == std::string_view::npos)
    plural = noun.substr(0, noun.size() - 1) + "ies";
  else
    plural = noun + "s";
  const std::string singular_class = class_reader().word_class(noun, false, false);
  if (singular_class.rfind("noun.", 0) != 0 ||
      class_reader().word_class(plural, false, false) != singular_class + std::string(kPluralMark))
    return "";
  return plural;
}

namespace {

// ---- Everyday words -------------------------------------------------------------------------
// Common WordNet lemmas that have no row of their own (so they are read as their classes), put
// in as fillers: so that every class row is trained where its words stand in a sentence — after
// "the", before a noun, as a verb — and the answers are seen not to depend on them.
struct EverydayWords {
  WordList nouns, adjectives, verbs;
  // The adjectives by what they are said of (word_readings.tsv's adj.living, adj.thing), and the
  // others, which say nothing of it ("green", "strange").
  WordList living_adjectives, thing_adjectives, plain_adjectives;
  WordList people;  // the nouns of noun.person that have a plural ("farmer", "student")
  // People with a gender (read as noun.person.male or .female: "man", "grandmother"), whom "he"
  // or "she" names.
  WordList men, women;
};

// Lemmas SemCor tagged at least 7 times (weight 3 = ⌊log2(1 + tags)⌋): words a learner is likely to type.
constexpr int kEverydayMinimumWeight = 3;

const EverydayWords& everyday_words() {
  static const EverydayWords words = [] {
    const WordReader& reader = class_reader();
    EverydayWords found;
    for (const LemmaReading& lemma : training_word_readings()->lemmas()) {
      if (lemma.weight < kEverydayMinimumWeight || reader.vocabulary().knows(lemma.lemma)) continue;
      // Only words whose most frequent reading is this one, so "the {noun}" is read as a noun.
      if (reader.word_class(lemma.lemma, false, false) != lemma.lexname) continue;
      WordList* list = lemma.pos == 'n' ? &found.nouns : lemma.pos == 'v' ? &found.verbs
                       : lemma.pos == 'a' ? &found.adjectives : nullptr;
      if (list) list->push_back(lemma.lemma);
      if (lemma.pos == 'a')
        (lemma.lexname == "adj.living" ? found.living_adjectives
         : lemma.lexname == "adj.thing" ? found.thing_adjectives : found.plain_adjectives).push_back(lemma.lemma);
      if (lemma.lexname.rfind("noun.person", 0) == 0 && !plural_of(lemma.lemma).empty())
        found.people.push_back(lemma.lemma);
      // Not a word that is also a first name ("eve", "adam"): after "the" it reads as the noun.
      const bool name = training_word_readings()->name_gender(lemma.lemma) != 0;
      if (lemma.lexname == "noun.person.male" && !name) found.men.push_back(lemma.lemma);
      if (lemma.lexname == "noun.person.female" && !name) found.women.push_back(lemma.lemma);
    }
    return found;
  }();
  return words;
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
bool chance(std::mt19937& random, int percent) {
  return static_cast<int>(pick(random, 100)) < percent;
}

const std::string& pick_word(std::mt19937& random, const WordList& words) {
  return words[pick(random, words.size())];
}

// A list drawn uniformly, then a word of it uniformly.
const std::string& pick_class_then_word(std::mt19937& random, const std::vector<WordList>& lists) {
  return pick_word(random, lists[pick(random, lists.size())]);
}

// A pair (first, second) of indices drawn uniformly from the pairs of `split` (see
// is_held_out_pair), by drawing pairs until one is of that split: 1 draw in 5 is held out.
// Held-out shapes take any pair: their frames are what is new.
std::pair<std::size_t, std::size_t> pick_pair(std::mt19937& random, std::size_t first_count,
                                              std::size_t second_count, Split split) {
  for (;;) {
    const std::size_t first = pick(random, first_count), second = pick(random, second_count);
    if (split == Split::held_out_shape ||
        is_held_out_pair(first, second) == (split == Split::held_out))
      return {first, second};
  }
}

// A frame of the family for the split: a held-out shape, or one training draws.
const Frame& pick_frame(std::mt19937& random, const FrameList& list, Split split) {
  if (split == Split::held_out_shape) return list.held_out[pick(random, list.held_out_count)];
  return list.frames[pick(random, list.count)];
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
  std::string word;     // as written in the sentence ("Arjun", "dogs")
  bool plural = false;  // a plural noun: the "was" after it is "were", and no "a" or "this" before it
};

// Which fillers a sentence may get (Draft::add_fillers).
struct Fillers {
  // Whether "his"/"her" may stand for "the" (not in he/she sentences, where they would be a
  // second cue to the gender).
  bool personal_determiners = true;
  // Whether an adjective before a noun may be a winograd attribute ("the tired dog didn't
  // cross the wide road because it was too busy"): then only the attribute after the pronoun's
  // "was" decides, wherever else attribute words stand.
  bool attribute_adjectives = false;
};

// A frame with its slots filled and its fillers put in, becoming an Example.
class Draft {
 public:
  Draft(const char* frame, const std::vector<Fill>& fills, std::mt19937& random,
        Fillers fillers = Fillers())
      : frame_(frame) {
    const std::vector<Piece> pieces = pieces_of(frame);
    for (std::size_t p = 0; p < pieces.size(); ++p) {
      const Piece& piece = pieces[p];
      Word word;
      word.subject = piece.subject;
      word.verb = piece.verb;
      if (piece.is_slot()) {
        const auto fill = std::find_if(fills.begin(), fills.end(),
                                       [&](const Fill& f) { return f.slot == piece.slot(); });
        if (fill == fills.end())
          throw std::logic_error("corpus frame \"" + std::string(frame) + "\" has no word for {" +
                                 std::string(piece.slot()) + "}");
        word.text = fill->word;
        word.slot = std::string(piece.slot());
        word.plural = fill->plural;
      } else {
        word.text = piece.text == "I" ? "I" : normalize_word(piece.text);  // capitalised at the end
        word.determiner = word.text == "the";
      }
      // The noun a "the" names: the next word, past a {sense_adj} ("the muddy bank").
      const bool adjective_slot = piece.is_slot() && piece.slot() == "sense_adj";
      const bool after_the = p > 0 && (words_.back().determiner ||
                                       (words_.back().slot == "sense_adj" && words_[words_.size() - 2].determiner));
      if (after_the && !adjective_slot) word.noun = true;
      if (p > 0 && word.text == "was" && words_.back().plural) word.text = "were";
      words_.push_back(std::move(word));
    }
    add_fillers(random, fillers);
  }

  // The position of the slot's word (also its token's: each word is one token).
  int position(std::string_view slot) const {
    for (std::size_t i = 0; i < words_.size(); ++i)
      if (words_[i].slot == slot) return static_cast<int>(i);
    throw std::logic_error("corpus frame has no slot {" + std::string(slot) + "}");
  }
  // "near the {noun}" right after the first `word` (kSenseNearerNounPercent).
  void add_place_after(std::string_view word, const Fill& noun) {
    const std::vector<Word> phrase = prepositional_phrase("near", noun.word, noun.plural);
    words_.insert(words_.begin() + position_of_word(word) + 1, phrase.begin(), phrase.end());
  }

  int position_of_word(std::string_view word) const {
    for (std::size_t i = 0; i < words_.size(); ++i)
      if (words_[i].text == word) return static_cast<int>(i);
    throw std::logic_error("corpus frame has no word \"" + std::string(word) + "\"");
  }

  // The sentence, tokenized, with its structure targets: determiner → noun, verb → subject.
  Example finish(const WordReader& reader, Phenomenon phenomenon, Split split,
                 bool period) const {
    Example example;
    for (std::size_t i = 0; i < words_.size(); ++i) {
      std::string text = words_[i].text;
      if (i == 0) text = capitalized(text);
      // "a" before a vowel is "an": the next word may be a filler adjective.
      if (text == "a" || text == "A") {
        const char next = i + 1 < words_.size() ? words_[i + 1].text[0] : 'x';
        if (std::string_view("aeiouAEIOU").find(next) != std::string_view::npos) text += 'n';
      }
      if (!example.text.empty() && text != ",") example.text += ' ';
      example.text += text;
    }
    if (period) example.text += '.';
    example.tokens = tokenize(example.text);
    if (example.tokens.size() != words_.size() + (period ? 1 : 0))
      throw std::logic_error("corpus sentence \"" + example.text + "\" should be " +
                             std::to_string(words_.size()) + " words");
    const std::size_t n = example.tokens.size();
    // Every corpus word has a row of its own; the everyday filler words (everyday_words()) are
    // read as their classes, as the widget reads them.
    for (std::size_t i = 0; i < n; ++i)
      example.token_ids.push_back(reader.read(example.tokens[i].text, i == 0, follows_article(example.tokens, i)).id);
    example.target_class.assign(n, kNoTarget);
    example.target_position.assign(n, kNoTarget);
    example.target_phenomenon.assign(n, phenomenon);
    example.phenomenon = phenomenon;
    example.split = split;
    example.shape = frame_;

    const auto subject = std::find_if(words_.begin(), words_.end(),
                                      [](const Word& w) { return w.subject; });
    for (std::size_t i = 0; i < words_.size(); ++i) {
      int decider = kNoTarget;
      if (words_[i].determiner) {
        std::size_t noun = i + 1;
        while (noun < words_.size() && !words_[noun].noun) ++noun;
        if (noun == words_.size()) throw std::logic_error("corpus determiner has no noun");
        decider = static_cast<int>(noun);
      }
      if (words_[i].verb) {
        if (subject == words_.end()) throw std::logic_error("corpus frame has a verb, no subject");
        decider = static_cast<int>(subject - words_.begin());
      }
      if (decider == kNoTarget) continue;
      example.target_class[i] = example.token_ids[static_cast<std::size_t>(decider)];
      example.target_position[i] = decider;
      example.target_phenomenon[i] = Phenomenon::structure;
    }
    return example;
  }

 private:
  struct Word {
    std::string text;  // lower case but names and "I"
    std::string slot;  // the frame's slot it fills, "" for a literal or a filler
    bool subject = false, verb = false, determiner = false, noun = false, plural = false;
  };
  // A filler word: no slot, no role.
  static Word plain(std::string text) {
    Word word;
    word.text = std::move(text);
    return word;
  }
  // "near the park": a preposition, a "the" marked as a determiner, and the noun it names.
  static std::vector<Word> prepositional_phrase(std::string preposition, std::string noun_text, bool plural) {
    Word the = plain("the");
    the.determiner = true;
    Word noun = plain(std::move(noun_text));
    noun.noun = true;
    noun.plural = plural;
    return {plain(std::move(preposition)), the, noun};
  }

  // Words that change no answer (docs/model.md, "Fillers"): another determiner, an adjective
  // before a noun, a time or place phrase in front or at the end.
  void add_fillers(std::mt19937& random, Fillers fillers) {
    const Lexicon& l = lexicon();
    const bool personal_determiners = fillers.personal_determiners;
    const WordList* const attributes[] = {&l.animal_attributes, &l.crossing_attributes,
                                          &l.big_attributes, &l.small_attributes};
    for (std::size_t i = 0; i + 1 < words_.size(); ++i) {
      Word& word = words_[i];
      if (!word.determiner || !chance(random, kOtherDeterminerPercent)) continue;
      const bool before_plural = words_[i + 1].plural;  // no filler adjective stands between yet
      std::string other;
      do other = pick_word(random, l.determiners);
      while (other == "an" || (!personal_determiners && (other == "his" || other == "her")) ||
             (before_plural && (other == "a" || other == "this" || other == "that")));
      word.text = other;  // "a" becomes "an" before a vowel in finish()
    }
    for (std::size_t i = 1; i < words_.size(); ++i)
      if (words_[i].noun && words_[i].text != "bank" && chance(random, kAdjectivePercent)) {
        const WordList& adjectives = fillers.attribute_adjectives && coin(random)
                                         ? *attributes[pick(random, std::size(attributes))]
                                     : chance(random, kEverydayAdjectivePercent) ? everyday_words().adjectives
                                                                                  : l.neutral_adjectives;
        std::string adjective;
        do adjective = pick_word(random, adjectives);
        while (std::any_of(words_.begin(), words_.end(), [&](const Word& w) { return w.text == adjective; }));
        words_.insert(words_.begin() + static_cast<std::ptrdiff_t>(i), plain(adjective));
        ++i;
      }
    if (chance(random, kPrefixPercent)) {
      // One to three of: a connective, a time, a place ("So yesterday at the farm …").
      std::vector<std::vector<Word>> parts;
      if (chance(random, 30)) parts.push_back({plain(coin(random) ? "so" : "and")});
      if (chance(random, 60)) parts.push_back(time_phrase(random, /*in_front=*/true));
      if (parts.empty() || chance(random, 40)) parts.push_back(place_phrase(random));
      std::vector<Word> prefix;
      for (const auto& part : parts) prefix.insert(prefix.end(), part.begin(), part.end());
      if (!words_.empty() && words_[0].text != "I" && words_[0].slot.empty())
        words_[0].text = normalize_word(words_[0].text);
      words_.insert(words_.begin(), prefix.begin(), prefix.end());
    }
    if (chance(random, kEverydayPhrasePercent)) {
      static const char* const kPrepositions[] = {"with", "near", "behind", "for", "about", "under"};
      std::string noun = pick_word(random, everyday_words().nouns);
      bool plural = false;
      if (chance(random, kPhrasePluralPercent))
        if (std::string form = plural_of(noun); !form.empty()) {
          noun = std::move(form);
          plural = true;
        }
      const std::vector<Word> phrase =
          prepositional_phrase(kPrepositions[pick(random, std::size(kPrepositions))], std::move(noun), plural);
      words_.insert(words_.end(), phrase.begin(), phrase.end());
    }
    if (chance(random, kSuffixPercent)) {
      const std::vector<Word> suffix =
          coin(random) ? time_phrase(random, /*in_front=*/false) : place_phrase(random);
      words_.insert(words_.end(), suffix.begin(), suffix.end());
    }
  }

  std::vector<Word> time_phrase(std::mt19937& random, bool in_front) {
    static const char* const kFront[] = {"yesterday", "today", "tonight", "later", "then", "once",
                                         "this morning", "this evening", "last night", "last week"};
    static const char* const kEnd[] = {"yesterday", "today", "tonight", "again", "later",
                                       "this morning", "last night", "last week"};
    const std::string phrase = in_front ? kFront[pick(random, std::size(kFront))]
                                        : kEnd[pick(random, std::size(kEnd))];
    std::vector<Word> words;
    for (const Piece& piece : pieces_of(phrase)) words.push_back(plain(std::string(piece.text)));
    return words;
  }

  // "at the farm": a crossing that is not already in the sentence (a second "road" would make
  // the pronoun's answer two positions).
  std::vector<Word> place_phrase(std::mt19937& random) {
    static const char* const kPrepositions[] = {"at", "near", "by", "in"};
    std::string place;
    do place = pick_word(random, lexicon().crossings);
    while (std::any_of(words_.begin(), words_.end(), [&](const Word& w) { return w.text == place; }));
    return prepositional_phrase(kPrepositions[pick(random, std::size(kPrepositions))], place, false);
  }

  const char* frame_;
  std::vector<Word> words_;
};

void set_target(Example& example, int at, int target_class, int position,
                Phenomenon phenomenon) {
  const auto i = static_cast<std::size_t>(at);
  example.target_class[i] = target_class;
  example.target_position[i] = position;
  example.target_phenomenon[i] = phenomenon;
}

// The pronoun's target: the word it refers to; the cue: the word that decides it.
Example with_referent(Example example, const Draft& draft, std::string_view referent_slot,
                      std::string_view cue_slot) {
  const int referent = draft.position(referent_slot);
  set_target(example, draft.position("pronoun"),
             example.token_ids[static_cast<std::size_t>(referent)], referent,
             example.phenomenon);
  example.cue_position = draft.position(cue_slot);
  return example;
}

// A noun as written: its plural `percent` of the time when it has one (plural_of), always when
// `percent` is 100.
Fill noun_fill(std::mt19937& random, std::string_view slot, const std::string& noun, int percent) {
  if (percent < 100 && !chance(random, percent)) return {slot, noun};
  std::string plural = plural_of(noun);
  if (plural.empty()) return {slot, noun};
  return {slot, std::move(plural), /*plural=*/true};
}

// The lists of the acting family: animals (or, kActingPeoplePercent of the time, people) act
// on objects and foods. The things' attributes are the big ones only: a small attribute names the
// container in the fitting family, and should not name its object here.
// The actors and the things' attributes are the lexicon's animals and big attributes; the
// joined lists are built once.
struct ActingWords {
  WordList things, actor_attributes;
  // The fitting family's object sizes: the big attributes and a crossing's two dimensions. "The
  // ladder didn't fit in the car because it was too long" names the ladder as surely as "too
  // big" does, while "too long" names the road in a crossing frame: the verb decides which.
  WordList object_sizes;
};
// The lists one after another, in order (so a word keeps its index in the first).
WordList joined(std::initializer_list<const WordList*> lists) {
  WordList all;
  for (const WordList* list : lists) all.insert(all.end(), list->begin(), list->end());
  return all;
}

const ActingWords& acting_words() {
  static const ActingWords words = [] {
    const Lexicon& l = lexicon();
    return ActingWords{joined({&l.objects, &l.foods}), joined({&l.animal_attributes, &l.person_attributes}),
                       joined({&l.big_attributes, &kDimensionAttributes})};
  }();
  return words;
}

// The nouns of kFittingRolesPercent's sentences: what goes in (containers, animals and everyday
// things) and what holds it (containers and everyday things). An everyday thing is a noun read as
// noun.artifact ("sofa", "door", "cup"), so two of them leave only the sentence's order to tell
// them apart. No foods: the acting family pairs them with the big attributes already, and a pair
// is held out or not by its indices in the family's lists, which would differ here.
struct FittingWords {
  WordList things, holders;
};
const FittingWords& fitting_words() {
  static const FittingWords words = [] {
    const Lexicon& l = lexicon();
    WordList artifacts;
    for (const std::string& noun : everyday_words().nouns)
      if (class_reader().word_class(noun, false, false) == "noun.artifact") artifacts.push_back(noun);
    return FittingWords{joined({&l.containers, &l.animals, &artifacts}), joined({&l.containers, &artifacts})};
  }();
  return words;
}

// The everyday context nouns of kSenseEverydayContextPercent's sentences, by sense and class: the
// everyday nouns read as a class that at least two of that sense's own context words are read as
// and none of the other's, in either number (from WordNet: river -> noun.object, noun.substance,
// noun.plant; money -> noun.possession, noun.communication). A class both senses' words share would not decide. A class
// is drawn first, then a word of it: noun.communication has five times noun.possession's words.
struct SenseContexts {
  std::vector<WordList> river, money;  // one list a class
  std::vector<WordList> neither;       // kinds that decide neither sense, one list a class
};
const SenseContexts& everyday_sense_contexts() {
  static const SenseContexts contexts = [] {
    const Lexicon& l = lexicon();
    // A word's kind, whatever its number: "willows" counts for noun.plant as "grass" does.
    const auto classes_of = [](const WordList& words) {
      std::map<std::string, int> counts;
      for (const std::string& word : words) {
        std::string word_class = class_reader().word_class(word, false, false);
        if (ends_with(word_class, kPluralMark)) word_class.resize(word_class.size() - kPluralMark.size());
        ++counts[word_class];
      }
      return counts;
    };
    const std::map<std::string, int> river = classes_of(l.river_words), money = classes_of(l.money_words);
    // Each deciding class's everyday nouns, in the order of the class names (std::map).
    const auto deciding = [](const std::map<std::string, int>& own, const std::map<std::string, int>& other) {
      std::map<std::string, WordList> by_class;
      for (const auto& [word_class, count] : own)
        if (!word_class.empty() && count >= 2 && other.count(word_class) == 0) by_class[word_class];
      for (const std::string& noun : everyday_words().nouns) {
        // Not a word whose plural has a row of its own ("rock", "coin"): written plural, it would
        // be a context word of a drawn pair, and maybe of a held-out one.
        if (class_reader().vocabulary().knows(plural_of(noun))) continue;
        const auto found = by_class.find(class_reader().word_class(noun, false, false));
        if (found != by_class.end()) found->second.push_back(noun);
      }
      std::vector<WordList> lists;
      for (auto& [word_class, nouns] : by_class)
        if (!nouns.empty()) lists.push_back(std::move(nouns));
      return lists;
    };
    SenseContexts contexts{deciding(river, money), deciding(money, river), {}};
    std::set<std::string> deciding_words;
    for (const auto* lists : {&contexts.river, &contexts.money})
      for (const WordList& list : *lists) deciding_words.insert(list.begin(), list.end());
    std::map<std::string, WordList> neither;
    for (const std::string& noun : everyday_words().nouns)
      if (!deciding_words.count(noun) && !class_reader().vocabulary().knows(plural_of(noun)))
        neither[class_reader().word_class(noun, false, false)].push_back(noun);
    for (auto& [word_class, nouns] : neither) contexts.neither.push_back(std::move(nouns));
    return contexts;
  }();
  return contexts;
}

// "The dog didn't cross the road because it was too tired", "The trophy didn't fit…", "The dog
// couldn't carry the lamp because it was too heavy", "The cat ignored the toaster because it was
// sleepy"; "The dogs didn't cross the road because they were too tired".
// Pair: (referent, attribute), indices in the referent's list and its attribute list.
Example winograd(std::mt19937& random, const WordReader& reader, Split split, int subject_default_percent) {
  const Lexicon& l = lexicon();
  const ActingWords& acting = acting_words();
  struct Family {
    const FrameList* frames;
    const WordList *first, *second, *first_attributes, *second_attributes;
  };
  const Family families[] = {
      {&kCrossing, &l.animals, &l.crossings, &l.animal_attributes, &l.crossing_attributes},
      {&kFitting, &l.objects, &l.containers, &acting.object_sizes, &l.small_attributes},
      {&kCarrying, &l.animals, &l.objects, &l.animal_attributes, &l.big_attributes},
      {&kActing, &l.animals, &acting.things, &acting.actor_attributes, &l.big_attributes},
      {&kHappening, &l.animals, &acting.things, &l.living_predicates, &l.thing_predicates},
  };
  // Crossing and fitting (the lessons' two) and acting 3 in 12 each, happening 2, carrying 1.
  const std::size_t roll = pick(random, 12);
  const Family& family = families[roll < 3 ? 0 : roll < 6 ? 1 : roll < 7 ? 2 : roll < 10 ? 3 : 4];
  const Frame& frame = pick_frame(random, *family.frames, split);
  bool first_is_it = frame.referent == Referent::either ? coin(random) : frame.referent == Referent::first;
  const bool acts = family.frames == &kActing || family.frames == &kHappening;
  const std::size_t variant = split == Split::train ? pick(random, 100) : 100;
  // The subject default: frames whose pronoun may name either noun and whose subject is one of
  // them ("I couldn't put the {first} in the {second}" has neither).
  const std::string_view frame_text = frame.text;
  const bool first_is_subject = frame_text.find("@{first}") != std::string_view::npos;
  const bool second_is_subject = frame_text.find("@{second}") != std::string_view::npos;
  const std::size_t default_from = kSameKindPercent + kNeutralAttributePercent;
  const bool subject_default = frame.referent == Referent::either && (first_is_subject || second_is_subject) &&
                               variant >= default_from &&
                               variant < default_from + static_cast<std::size_t>(std::max(0, subject_default_percent));
  if (subject_default) first_is_it = first_is_subject;
  const bool happening = family.frames == &kHappening;
  const bool same_kind = acts && variant < kSameKindPercent;
  const bool neutral_attribute = !same_kind && family.frames != &kHappening &&
                                 variant >= kSameKindPercent &&
                                 variant < kSameKindPercent + kNeutralAttributePercent;
  const bool number_decides = same_kind || neutral_attribute;
  // The referent's list: its slot's, or in a same-kind sentence either list, both nouns from it.
  const bool from_first_list = same_kind ? coin(random) : first_is_it;
  const bool fitting_roles = family.frames == &kFitting && split == Split::train && !number_decides &&
                             !subject_default && chance(random, kFittingRolesPercent);
  const WordList& first_list = fitting_roles ? fitting_words().things : *family.first;
  const WordList& second_list = fitting_roles ? fitting_words().holders : *family.second;
  const WordList& referents = from_first_list ? first_list : second_list;
  const WordList& attributes = from_first_list ? *family.first_attributes : *family.second_attributes;
  // A default among happening's animals: both nouns animals, the verb a living thing's.
  const bool same_list = same_kind || (subject_default && happening);
  const WordList& others = same_list ? referents : first_is_it ? second_list : first_list;
  const auto [referent, attribute] =
      pick_pair(random, referents.size(), attributes.size(), split);
  std::string other_word;
  do other_word = pick_word(random, others); while (other_word == referents[referent]);
  std::string first_word = first_is_it ? referents[referent] : other_word;
  const std::string second_word = first_is_it ? other_word : referents[referent];
  // People in place of the animal (thousands of everyday words read as a few class rows: no pairs
  // to hold out); not in place of a thing whose attribute was drawn for things. Either several,
  // written plural ("The farmers ignored the lamp because they were hungry"), or one person with
  // a gender ("The man ignored the lamp because he was hungry", read as noun.person.male), whom
  // "he" or "she" names while "it" names the thing: "it" never names a person. With a neutral
  // attribute both nouns are then singular, and the pronoun's gender alone decides.
  const bool people = acts && !(same_kind && !from_first_list) && chance(random, kActingPeoplePercent);
  const bool one_person = people && !same_kind && chance(random, kActingOnePersonPercent);
  // The default gives way to agreement: "it" never names a person, so beside one person "it"
  // names the thing ("The woman fed the horse because it was hungry"), and "he" or "she" the person.
  if (subject_default && one_person && coin(random)) first_is_it = false;
  const bool male = coin(random);
  // The person the pronoun does not name may be anyone ("The student ignored the lamp because it
  // was heavy"): "it" never names a person, with a gender or without.
  if (people)
    first_word = pick_word(random, !one_person || !first_is_it ? everyday_words().people
                                   : male ? everyday_words().men : everyday_words().women);
  int first_plural_percent = one_person ? 0 : people ? 100 : kWinogradPluralPercent;
  int second_plural_percent = kWinogradPluralPercent;
  if (subject_default) {  // one number for both, so that it cannot decide
    const bool both_plural = !one_person && (people || chance(random, kWinogradPluralPercent));
    first_plural_percent = second_plural_percent = both_plural ? 100 : 0;
  }
  if (number_decides) {
    const bool first_plural = !one_person && (people || coin(random));
    first_plural_percent = first_plural ? 100 : 0;
    second_plural_percent = first_plural || one_person ? 0 : 100;
  }
  const Fill first = noun_fill(random, "first", first_word, first_plural_percent);
  const Fill second = noun_fill(random, "second", second_word, second_plural_percent);
  // A noun without a plural ("rice") would leave both singular and nothing to decide: draw again.
  if (number_decides && !one_person && first.plural == second.plural)
    return winograd(random, reader, split, subject_default_percent);
  // A noun without a plural would leave the numbers apart, and the number would decide.
  if (subject_default && first.plural != second.plural) return winograd(random, reader, split, subject_default_percent);
  // An everyday adjective said of the referent's kind in place of the drawn attribute ("… because it
  // was afraid", read as adj.living; "… because it was too low", adj.thing): not in fitting
  // sentences, where both nouns are things, nor in happening ones, whose attributes are verbs.
  const bool everyday_attribute = split == Split::train && !number_decides && !subject_default && !happening &&
                                  family.frames != &kFitting && chance(random, kEverydayAttributePercent);
  const std::string& attribute_word =
      neutral_attribute || (subject_default && !happening) ? pick_word(random, everyday_words().plain_adjectives)
      : everyday_attribute ? pick_word(random, from_first_list ? everyday_words().living_adjectives
                                                               : everyday_words().thing_adjectives)
                           : attributes[attribute];
  // The pronoun agrees with its referent: "they" as a subject, "them" at the frame's end. (A frame
  // with the pronoun at its end names the thing: the person is never an object there.)
  const bool plural_referent = first_is_it ? first.plural : second.plural;
  const std::string pronoun = one_person && first_is_it ? (male ? "he" : "she")
                              : !plural_referent           ? "it"
                              : ends_with(frame.text, "{pronoun}") ? "them" : "they";
  // The acting family's verb: any of the learners' ("ignored", "smelled"), everyday ones read as their class.
  const std::string verb = pick_word(random, chance(random, kEverydayVerbPercent) ? everyday_words().verbs
                                                                                : l.transitive_verbs);
  const Draft draft(frame.text, {first, second, {"pronoun", pronoun, plural_referent}, {"attr", attribute_word},
                                 {"verb", verb}},
                    random, {/*personal_determiners=*/!one_person, /*attribute_adjectives=*/true});
  return with_referent(draft.finish(reader, Phenomenon::winograd, split, coin(random)), draft,
                       first_is_it ? "first" : "second", "attr");
}

// "Arjun ate the pizza because he was hungry", "Priya called Omar because he was late".
// Pair: (referent name, person attribute), the name's index in its gender's list.
Example name(std::mt19937& random, const WordReader& reader, Split split, int subject_default_percent) {
  const Lexicon& l = lexicon();
  const Frame& frame = pick_frame(random, kNames, split);
  const bool male = coin(random);
  const WordList& names = male ? l.male_names : l.female_names;
  const WordList& others = male ? l.female_names : l.male_names;
  // Frames with a verb after the pronoun ("because she wanted…") have no attribute: the gender is
  // the only cue, and the verb (read as its class) is what the sentence says of the person.
  const bool predicate = std::string_view(frame.text).find("{pred}") != std::string_view::npos;
  const WordList& attributes = predicate ? l.living_predicates : l.person_attributes;
  const auto [referent, attribute] = pick_pair(random, names.size(), attributes.size(), split);
  const bool two_people = std::string_view(frame.text).find("{name2}") != std::string_view::npos;
  // Two people of one gender: the pronoun names the subject, "{name}" in every such frame.
  const bool same_gender = split == Split::train && two_people && subject_default_percent > 0 &&
                           chance(random, subject_default_percent);
  const bool referent_first = !two_people || same_gender || coin(random);
  // A slot after "the" holds a person with a gender ("the boy"), read as noun.person.male or
  // .female: "he" names him as it names "Omar".
  const auto person_slot = [&](std::string_view slot) {
    const std::string_view text = frame.text;
    const std::string braced = "{" + std::string(slot) + "}";
    for (const char* before : {"the ", "the @", "The @"})
      if (text.find(before + braced) != std::string_view::npos) return true;
    return false;
  };
  const auto person_or_name = [&](std::string_view slot, bool of_male, const std::string& name) {
    return person_slot(slot) ? pick_word(random, of_male ? everyday_words().men : everyday_words().women)
                             : capitalized(name);
  };
  std::string other_name;
  do other_name = pick_word(random, same_gender ? names : others);
  while (same_gender && other_name == names[referent]);
  const auto other_person = [&] {
    return person_or_name(referent_first ? "name2" : "name", same_gender ? male : !male, other_name);
  };
  std::string other = other_person();
  const std::string referent_name = person_or_name(referent_first ? "name" : "name2", male, names[referent]);
  while (same_gender && other == referent_name) other = other_person();  // "the boy … the boy"
  const auto any_verb = [&] {
    return pick_word(random, chance(random, kEverydayVerbPercent) ? everyday_words().verbs : l.transitive_verbs);
  };
  const std::string verb = any_verb();
  std::string verb2;
  do verb2 = any_verb(); while (verb2 == verb);
  const Draft draft(frame.text, {{"name", referent_first ? referent_name : other},
                                 {"name2", referent_first ? other : referent_name},
                                 {"food", pick_word(random, l.foods)},
                                 {"place", pick_word(random, l.crossings)},
                                 {"noun", pick_word(random, all_nouns())},
                                 {"verb", verb},
                                 {"verb2", verb2},
                                 {"person_verb", pick_word(random, l.person_verbs)},
                                 {"pronoun", male ? "he" : "she"},
                                 {"person_attr", attributes[attribute]},
                                 {"pred", attributes[attribute]}},
                    random, {/*personal_determiners=*/false, /*attribute_adjectives=*/false});
  return with_referent(draft.finish(reader, Phenomenon::name, split, coin(random)), draft,
                       referent_first ? "name" : "name2", predicate ? "pred" : "person_attr");
}

// "The bank by the river was steep", "I went to the bank to deposit money".
// Pair: (frame, context noun), the noun's index in river_words or money_words.
Example sense(std::mt19937& random, const WordReader& reader, Split split) {
  const Lexicon& l = lexicon();
  const int sense_index = coin(random) ? 1 : 0;  // 0 river, 1 money
  const WordList& contexts = sense_index == 1 ? l.money_words : l.river_words;
  const bool new_shape = split == Split::held_out_shape;
  const auto [frame, context] =
      pick_pair(random, new_shape ? std::size(kSenseHeldOut) : std::size(kSenseFrames),
                contexts.size(), split);
  // The frame stays the drawn pair's; an everyday noun in place of its context noun makes no pair
  // of the held-out split (an everyday noun is in no list).
  const SenseContexts& everyday_contexts = everyday_sense_contexts();
  const int roll = split == Split::train ? static_cast<int>(pick(random, 100)) : 100;
  const bool adjective = roll < kSenseAdjectiveContextPercent;
  const bool neither = !adjective && roll < kSenseAdjectiveContextPercent + kSenseNeitherContextPercent;
  const bool everyday = !adjective && !neither && split == Split::train && chance(random, kSenseEverydayContextPercent);
  const Fill context_fill =
      everyday  ? noun_fill(random, "ctx",
                            pick_class_then_word(random, sense_index == 1 ? everyday_contexts.money : everyday_contexts.river),
                            kPhrasePluralPercent)
      : neither ? noun_fill(random, "ctx", pick_class_then_word(random, everyday_contexts.neither), kPhrasePluralPercent)
                : Fill{"ctx", contexts[context]};
  // In an adjective frame the adjective is the context word; a {ctx} there is one more noun,
  // of a kind that decides neither sense ("I went to the muddy bank to check the bicycle").
  const Fill adjective_fill{"sense_adj", coin(random) ? pick_word(random, everyday_words().thing_adjectives)
                                                      : pick_word(random, l.crossing_attributes)};
  Draft draft(adjective ? kSenseAdjectiveFrames[pick(random, std::size(kSenseAdjectiveFrames))].text
                    : (new_shape ? kSenseHeldOut : kSenseFrames)[frame].text,
                    {adjective ? noun_fill(random, "ctx", pick_class_then_word(random, everyday_contexts.neither),
                                           kPhrasePluralPercent)
                               : context_fill,
                     adjective_fill,
                     {"bank_adj", pick_word(random, l.bank_adjectives)},
                     {"bank_verb", pick_word(random, l.bank_verbs)}},
                    random);
  if (split == Split::train && !adjective && !neither && chance(random, kSenseNearerNounPercent))
    draft.add_place_after("bank", noun_fill(random, "near", pick_class_then_word(random, everyday_contexts.neither),
                                            kPhrasePluralPercent));
  Example example = draft.finish(reader, Phenomenon::sense, split, coin(random));
  // The target is the context noun itself, not a two-way sense label: with two classes the
  // model was right 100 % of the time while spreading its attention over the sentence (a
  // third of the noun's value is enough to tell two senses apart); naming the noun makes
  // "bank" look at it (docs/model.md, "Word sense"). An everyday word is named by its class row.
  const int context_position = draft.position(adjective ? "sense_adj" : "ctx");
  set_target(example, draft.position_of_word("bank"),
             example.token_ids[static_cast<std::size_t>(context_position)], context_position,
             Phenomenon::sense);
  example.cue_position = context_position;
  return example;
}

// "The dog chased the cat", "Priya saw the trophy near the road".
// Pair: (subject, object noun), indices in animals or in all names (male then female), and
// in all nouns (animals, crossings, objects, containers, foods).
Example structure(std::mt19937& random, const WordReader& reader, Split split) {
  const char* frame = pick_frame(random, kStructure, split).text;
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
  const Draft draft(frame, {noun_fill(random, "animal", subject_word, kStructurePluralPercent),
                            {"name", subject_word},
                            {"verb", pick_word(random, chance(random, kEverydayVerbPercent)
                                                           ? everyday_words().verbs
                                                           : lexicon().transitive_verbs)},
                            noun_fill(random, "noun", nouns[noun], kStructurePluralPercent),
                            noun_fill(random, "noun2", noun2, kStructurePluralPercent)},
                    random);
  return draft.finish(reader, Phenomenon::structure, split, coin(random));
}

}  // namespace

std::shared_ptr<const WordNetLexicon> training_word_readings() {
  static const std::shared_ptr<const WordNetLexicon> lexicon = [] {
    std::ifstream file(ATTENTION_LENS_WORD_READINGS_PATH, std::ios::binary);
    if (!file) throw std::runtime_error("Cannot read " + std::string(ATTENTION_LENS_WORD_READINGS_PATH));
    const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    return std::make_shared<const WordNetLexicon>(WordNetLexicon::parse(text));
  }();
  return lexicon;
}

CorpusGenerator::CorpusGenerator(std::uint32_t seed)
    : random_(seed), vocabulary_(build_vocabulary()), reader_(vocabulary_) {
  reader_.use_lexicon(training_word_readings());
}

CorpusGenerator::CorpusGenerator(const CorpusGenerator& other)
    : random_(other.random_), vocabulary_(other.vocabulary_), reader_(vocabulary_),
      class_reading_percent_(other.class_reading_percent_),
      subject_default_percent_(other.subject_default_percent_) {
  reader_.use_lexicon(training_word_readings());
}

void CorpusGenerator::read_some_words_as_classes(Example& example) {
  if (class_reading_percent_ <= 0) return;
  for (std::size_t i = 0; i < example.tokens.size(); ++i) {
    if (static_cast<int>(i) == example.cue_position) continue;  // the answer needs the cue's own word
    // The pronoun and "bank" keep their own rows: their answers are the lessons' subject.
    if (example.target_class[i] != kNoTarget && example.target_phenomenon[i] != Phenomenon::structure) continue;
    const std::string word_class = reader_.word_class(example.tokens[i].text, i == 0, follows_article(example.tokens, i));
    if (word_class.empty()) continue;
    const int class_id = vocabulary_.id_of(class_token_word(word_class));
    const int own_id = example.token_ids[i];
    if (class_id == own_id || !chance(random_, class_reading_percent_)) continue;
    example.token_ids[i] = class_id;
    for (std::size_t j = 0; j < example.tokens.size(); ++j)
      if (example.target_position[j] == static_cast<int>(i) && example.target_class[j] == own_id)
        example.target_class[j] = class_id;
  }
}

std::vector<std::string> CorpusGenerator::shapes(Phenomenon phenomenon, bool held_out_shape) {
  const std::vector<const FrameList*> lists = [phenomenon]() -> std::vector<const FrameList*> {
    switch (phenomenon) {
      case Phenomenon::winograd: return {&kCrossing, &kFitting, &kCarrying, &kActing, &kHappening};
      case Phenomenon::name: return {&kNames};
      case Phenomenon::sense: return {&kSense};
      case Phenomenon::structure: return {&kStructure};
    }
    return {};
  }();
  std::vector<std::string> texts;
  for (const FrameList* list : lists)
    for (std::size_t f = 0; f < (held_out_shape ? list->held_out_count : list->count); ++f)
      texts.emplace_back((held_out_shape ? list->held_out : list->frames)[f].text);
  return texts;
}

int CorpusGenerator::class_count() const { return vocabulary_.size(); }

std::vector<std::string> CorpusGenerator::class_names() const { return vocabulary_.words(); }

Example CorpusGenerator::sample(Split split, Phenomenon phenomenon) {
  switch (phenomenon) {
    case Phenomenon::winograd: return finish(winograd(random_, reader_, split, subject_default_percent_));
    case Phenomenon::name: return finish(name(random_, reader_, split, subject_default_percent_));
    case Phenomenon::sense: return finish(sense(random_, reader_, split));
    case Phenomenon::structure: return finish(structure(random_, reader_, split));
  }
  throw std::logic_error("unknown phenomenon");
}

Example CorpusGenerator::finish(Example example) {
  read_some_words_as_classes(example);
  return example;
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
