// The lexicon and the corpus generator: word classes, targets, the held-out split, and the
// lesson sentences.
#include "corpus.hpp"
#include "lexicon.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace attention_lens;

namespace {

const Phenomenon kPhenomena[] = {Phenomenon::winograd, Phenomenon::name, Phenomenon::sense,
                                 Phenomenon::structure};
const Split kSplits[] = {Split::train, Split::held_out};
// Two lexicon lists one after the other, as corpus.cpp joins them for a family that draws from both.
WordList joined(const WordList& first, const WordList& second) {
  WordList all = first;
  all.insert(all.end(), second.begin(), second.end());
  return all;
}
// The fitting family's object sizes (corpus.cpp, ActingWords): the big attributes, "long" and "wide".
const WordList kObjectSizes = joined(lexicon().big_attributes, {"long", "wide"});

// The sense a class row decides, as the generator derives it (corpus.cpp, everyday_sense_contexts):
// "river" or "money" when at least two of that sense's context words are read as the class (in
// either number) and none of the other's; "" otherwise.
std::string sense_decided_by(const CorpusGenerator& generator, std::string row) {
  const Lexicon& l = lexicon();
  if (const std::size_t plural = row.find(", plural]"); plural != std::string::npos) row.replace(plural, std::string::npos, "]");
  const auto count = [&](const WordList& words) {
    int n = 0;
    for (const std::string& word : words) {
      std::string word_class = generator.reader().word_class(word, false, false);
      if (const std::size_t plural = word_class.find(", plural"); plural != std::string::npos) word_class.resize(plural);
      n += "[" + word_class + "]" == row;
    }
    return n;
  };
  const int river = count(l.river_words), money = count(l.money_words);
  if (river >= 2 && money == 0) return "river";
  if (money >= 2 && river == 0) return "money";
  return "";
}

const char* name_of(Phenomenon phenomenon) {
  switch (phenomenon) {
    case Phenomenon::winograd: return "winograd";
    case Phenomenon::name: return "name";
    case Phenomenon::sense: return "sense";
    case Phenomenon::structure: return "structure";
  }
  return "?";
}

bool contains(const WordList& words, const std::string& word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

std::size_t index_in(const WordList& words, const std::string& word) {
  const auto found = std::find(words.begin(), words.end(), word);
  REQUIRE(found != words.end());
  return static_cast<std::size_t>(found - words.begin());
}

// A frame of the fitting family ("The {first} didn't fit in the {second}…", "put … in", "hold", "go in").
bool is_fitting_shape(const std::string& shape) {
  return shape.find("fit") != std::string::npos || shape.find("^put") != std::string::npos ||
         shape.find("^hold") != std::string::npos || shape.find("^go in") != std::string::npos;
}

std::string word_at(const Example& example, int position) {
  return normalize_word(example.tokens.at(static_cast<std::size_t>(position)).text);
}

// The lexicon noun a corpus word is written for: "dog" for "dogs", "mouse" for "mice"; a word
// no lexicon noun is the plural of ("dog", "farmers") as it is.
std::string singular(const std::string& word) {
  const Lexicon& l = lexicon();
  for (const WordList* nouns : {&l.animals, &l.crossings, &l.objects, &l.containers, &l.foods})
    for (const std::string& noun : *nouns)
      if (plural_of(noun) == word) return noun;
  return word;
}

// The word that decides the answer: the attribute (winograd, name), the context noun (sense).
// The two adjective kinds that say what an adjective is said of (word_readings.tsv): a cue.
bool is_kind_adjective(const std::string& row) { return row == "[adj.living]" || row == "[adj.thing]"; }

std::string cue_word(const Example& example) {
  REQUIRE(example.cue_position >= 0);
  return word_at(example, example.cue_position);
}

// The one target of the example's own phenomenon (the pronoun's or "bank"'s).
std::size_t phenomenon_target(const Example& example) {
  std::vector<std::size_t> found;
  for (std::size_t i = 0; i < example.tokens.size(); ++i)
    if (example.target_class[i] != kNoTarget &&
        example.target_phenomenon[i] == example.phenomenon)
      found.push_back(i);
  REQUIRE(found.size() == 1);
  return found[0];
}

// The pair the held-out split is decided by, as words: "referent|attribute" (winograd, name),
// "frame|context noun" (sense, the frame being the sentence with the shared words blanked),
// "subject|object" (structure).
std::string pair_of(const Example& example) {
  if (example.phenomenon == Phenomenon::winograd || example.phenomenon == Phenomenon::name)
    return singular(word_at(example, example.target_position[phenomenon_target(example)])) + "|" +
           cue_word(example);
  if (example.phenomenon == Phenomenon::sense) {
    const int context = example.target_position[phenomenon_target(example)];
    REQUIRE(context == example.cue_position);
    return example.shape + "|" + word_at(example, context);
  }
  // structure: the verb points back at its subject; the determiner after it at the object.
  for (std::size_t i = 0; i < example.tokens.size(); ++i)
    if (example.target_class[i] != kNoTarget && example.target_position[i] < static_cast<int>(i))
      return word_at(example, example.target_position[i]) + "|" +
             word_at(example, example.target_position[i + 1]);
  FAIL("no verb in " << example.text);
  return {};
}

}  // namespace

// ---- The lexicon ------------------------------------------------------------------------------

TEST_CASE("the lexicon's classes are big enough and hold the lessons' words", "[lexicon]") {
  const Lexicon& l = lexicon();
  for (const WordList* nouns : {&l.animals, &l.crossings, &l.objects, &l.containers})
    CHECK(nouns->size() >= 30);
  for (const WordList* attributes : {&l.animal_attributes, &l.crossing_attributes,
                                     &l.big_attributes, &l.small_attributes, &l.person_attributes,
                                     &l.transitive_verbs, &l.person_verbs})
    CHECK(attributes->size() >= 10);
  CHECK(l.male_names.size() >= 15);
  CHECK(l.female_names.size() >= 15);
  CHECK(l.foods.size() >= 20);
  CHECK(l.river_words.size() >= 12);
  CHECK(l.money_words.size() >= 12);
  CHECK(l.bank_adjectives.size() >= 6);
  CHECK(l.bank_verbs.size() >= 6);

  // The lessons' words, each first in its list (see is_held_out_pair).
  CHECK(l.animals[0] == "animal");
  CHECK(l.crossings[0] == "street");
  CHECK(l.animal_attributes[0] == "tired");
  CHECK(l.crossing_attributes[0] == "wide");
  CHECK(l.objects[0] == "trophy");
  CHECK(l.containers[0] == "suitcase");
  CHECK(l.big_attributes[0] == "big");
  CHECK(l.small_attributes[0] == "small");
  CHECK(l.male_names[0] == "arjun");
  CHECK(l.female_names[0] == "priya");
  CHECK(l.foods[0] == "pizza");
  CHECK(l.person_attributes[0] == "hungry");
  CHECK(l.river_words[0] == "river");
  CHECK(l.money_words[0] == "money");
  CHECK(l.bank_adjectives[0] == "steep");
  CHECK(l.bank_verbs[0] == "deposit");
  for (const char* word : {"dog", "cat", "horse"}) CHECK(contains(l.animals, word));
  CHECK(contains(l.crossings, "road"));
  // Water is the river bank's context, never something the animal crosses.
  for (const char* word : {"river", "stream", "lake"}) CHECK_FALSE(contains(l.crossings, word));
  CHECK_FALSE(contains(l.money_words, "deposit"));
}

TEST_CASE("every word is lower case and in exactly one list", "[lexicon]") {
  std::map<std::string, std::string> list_of_word;
  for (const NamedWordList& list : word_lists(lexicon())) {
    for (const std::string& word : *list.words) {
      INFO(list.name << ": \"" << word << "\"");
      CHECK(!word.empty());
      CHECK(normalize_word(word) == word);
      CHECK(tokenize(word).size() == 1);  // one token, so one target position
      const auto [where, inserted] = list_of_word.emplace(word, list.name);
      INFO("also in " << where->second);
      CHECK(inserted);
    }
  }
}

TEST_CASE("the held-out rule leaves every word pairs in both splits, about 1 in 5 held out",
          "[lexicon]") {
  const Lexicon& l = lexicon();
  const std::pair<const WordList*, const WordList*> pairings[] = {
      {&l.animals, &l.animal_attributes},   {&l.crossings, &l.crossing_attributes},
      {&l.objects, &l.big_attributes},      {&l.containers, &l.small_attributes},
      {&l.male_names, &l.person_attributes}, {&l.female_names, &l.person_attributes},
      {&l.animals, &l.living_predicates},   {&l.objects, &l.thing_predicates},
      {&l.male_names, &l.living_predicates}, {&l.female_names, &l.living_predicates}};
  for (const auto& [referents, attributes] : pairings) {
    std::size_t held_out = 0;
    for (std::size_t i = 0; i < referents->size(); ++i) {
      std::size_t word_held_out = 0;
      for (std::size_t j = 0; j < attributes->size(); ++j) word_held_out += is_held_out_pair(i, j);
      INFO((*referents)[i]);
      CHECK(word_held_out > 0);
      CHECK(word_held_out < attributes->size());
      held_out += word_held_out;
    }
    for (std::size_t j = 0; j < attributes->size(); ++j) {
      std::size_t word_held_out = 0;
      for (std::size_t i = 0; i < referents->size(); ++i) word_held_out += is_held_out_pair(i, j);
      INFO((*attributes)[j]);
      CHECK(word_held_out > 0);
      CHECK(word_held_out < referents->size());
    }
    const double share = double(held_out) / double(referents->size() * attributes->size());
    CHECK(share > 0.15);
    CHECK(share < 0.25);
  }
}

// ---- The generator ----------------------------------------------------------------------------

TEST_CASE("the predicates after a pronoun are read as their WordNet verb classes, none as its own row", "[corpus]") {
  CorpusGenerator generator(1);
  const Vocabulary& vocabulary = generator.vocabulary();
  const Lexicon& l = lexicon();
  const std::set<std::string> living_classes = {"[verb.emotion]", "[verb.perception]", "[verb.cognition]",
                                                "[verb.body]", "[verb.consumption]", "[verb.communication]"};
  for (const auto& [list, classes] : {std::pair{&l.living_predicates, living_classes},
                                      std::pair{&l.thing_predicates, std::set<std::string>{"[verb.change]"}}}) {
    for (const std::string& word : *list) {
      INFO(word);
      CHECK_FALSE(vocabulary.knows(word));
      const std::string row = vocabulary.word(generator.reader().read(word, false, false).id);
      INFO(row);
      CHECK(classes.count(row) == 1);
    }
  }
}

TEST_CASE("the vocabulary is [unk], then every word the templates produce and every class row, sorted", "[corpus]") {
  CorpusGenerator generator(1);
  const Vocabulary& vocabulary = generator.vocabulary();
  const std::vector<std::string>& words = vocabulary.words();
  REQUIRE(words[0] == "[unk]");
  REQUIRE(std::is_sorted(words.begin() + 1, words.end()));
  REQUIRE(vocabulary.knows("."));
  std::set<std::string> lexicon_words;
  for (const NamedWordList& list : word_lists(lexicon()))
    lexicon_words.insert(list.words->begin(), list.words->end());
  for (std::size_t id = 1; id < words.size(); ++id) {
    INFO(words[id]);
    const bool class_row = std::find(class_token_words().begin(), class_token_words().end(), words[id]) !=
                           class_token_words().end();
    CHECK((words[id] == "." || words[id] == "," || class_row || lexicon_words.count(words[id]) == 1));
  }
  REQUIRE(generator.class_count() == vocabulary.size());
  REQUIRE(generator.class_names() == vocabulary.words());
}

TEST_CASE("the lesson sentences are made of known words only", "[corpus]") {
  CorpusGenerator generator(1);
  for (const char* sentence : {"The animal didn't cross the street because it was too tired.",
                               "The animal didn't cross the street because it was too wide.",
                               "The trophy didn't fit in the suitcase because it was too big.",
                               "The trophy didn't fit in the suitcase because it was too small.",
                               "Arjun ate the pizza because he was hungry",
                               "The bank by the river was steep",
                               "I went to the bank to deposit money",
                               "The animal didn’t cross the street because it was too tired"}) {
    for (const Token& token : tokenize(sentence)) {
      INFO(sentence << ": " << token.text);
      CHECK(generator.vocabulary().knows(token.text));
    }
  }
}

TEST_CASE("the lesson pairs are training pairs", "[corpus]") {
  const Lexicon& l = lexicon();
  CHECK_FALSE(
      is_held_out_pair(index_in(l.animals, "animal"), index_in(l.animal_attributes, "tired")));
  CHECK_FALSE(
      is_held_out_pair(index_in(l.crossings, "street"), index_in(l.crossing_attributes, "wide")));
  CHECK_FALSE(is_held_out_pair(index_in(l.objects, "trophy"), index_in(l.big_attributes, "big")));
  CHECK_FALSE(
      is_held_out_pair(index_in(l.containers, "suitcase"), index_in(l.small_attributes, "small")));
  CHECK_FALSE(
      is_held_out_pair(index_in(l.male_names, "arjun"), index_in(l.person_attributes, "hungry")));

  // The sense frames are the generator's own: look for the lesson pairs in what it produces.
  CorpusGenerator generator(3);
  std::set<std::string> pairs[2];
  for (const Split split : kSplits)
    for (int k = 0; k < 4000; ++k)
      pairs[split == Split::held_out].insert(pair_of(generator.sample(split, Phenomenon::sense)));
  const std::string river = "The bank by the {ctx} was {bank_adj}|river";
  const std::string money = "@I ^went to the bank to ^{bank_verb} {ctx}|money";
  CHECK(pairs[0].count(river) == 1);
  CHECK(pairs[0].count(money) == 1);
  CHECK(pairs[1].count(river) == 0);
  CHECK(pairs[1].count(money) == 0);
}

TEST_CASE("the same seed gives the same sentences, another seed others", "[corpus]") {
  CorpusGenerator a(42), b(42), c(43);
  int same_as_other_seed = 0;
  for (int k = 0; k < 300; ++k) {
    const Split split = k % 3 == 0 ? Split::held_out : Split::train;
    const Example x = a.sample(split), y = b.sample(split), z = c.sample(split);
    REQUIRE(x.text == y.text);
    REQUIRE(x.target_class == y.target_class);
    same_as_other_seed += x.text == z.text;
  }
  REQUIRE(same_as_other_seed < 10);
}

TEST_CASE("every sentence is known words with consistent targets", "[corpus]") {
  CorpusGenerator generator(7);
  const Lexicon& l = lexicon();
  const int vocabulary_size = generator.vocabulary().size();
  for (const Phenomenon phenomenon : kPhenomena) {
    for (const Split split : {Split::train, Split::held_out, Split::held_out_shape}) {
      for (int k = 0; k < 500; ++k) {
        const Example e = generator.sample(split, phenomenon);
        INFO(name_of(phenomenon) << ": " << e.text);
        REQUIRE(e.phenomenon == phenomenon);
        REQUIRE(e.split == split);
        const std::size_t n = e.tokens.size();
        REQUIRE(n <= 64);  // the model's max_positions
        REQUIRE(e.token_ids.size() == n);
        REQUIRE(e.target_class.size() == n);
        REQUIRE(e.target_position.size() == n);
        REQUIRE(e.target_phenomenon.size() == n);
        for (std::size_t i = 0; i < n; ++i) {
          REQUIRE(e.tokens[i].text == e.text.substr(e.tokens[i].start,
                                                     e.tokens[i].end - e.tokens[i].start));
          // Its own row, or (the everyday filler words) its class's row, as the widget reads it.
          REQUIRE(e.token_ids[i] == generator.reader().read(e.tokens[i].text, i == 0, follows_article(e.tokens, i)).id);
          REQUIRE(e.token_ids[i] != Vocabulary::kUnknownId);
          const int target = e.target_class[i];
          if (target == kNoTarget) {
            REQUIRE(e.target_position[i] == kNoTarget);
            continue;
          }
          const int at = e.target_position[i];
          REQUIRE(at >= 0);
          REQUIRE(at < static_cast<int>(n));
          REQUIRE(at != static_cast<int>(i));
          REQUIRE(target < generator.class_count());
          const std::string word = normalize_word(e.tokens[i].text);
          REQUIRE(target < vocabulary_size);
          REQUIRE(e.token_ids[static_cast<std::size_t>(at)] == target);
          if (e.target_phenomenon[i] == Phenomenon::sense) {  // "bank" names its context noun
            REQUIRE(word == "bank");
            // A context word of its own row, or in training: an everyday noun read as its kind,
            // one that decides the sense (kSenseEverydayContextPercent) or one that decides
            // neither (kSenseNeitherContextPercent); or the adjective right before "bank", an
            // everyday one read as its kind or a crossing attribute (kSenseAdjectiveContextPercent).
            const std::string context = word_at(e, at);
            if (!contains(l.river_words, context) && !contains(l.money_words, context)) {
              INFO(e.text);
              REQUIRE(split == Split::train);
              const std::string row = generator.vocabulary().word(target);
              const bool adjective_before_bank = at + 1 == static_cast<int>(i) &&
                  (contains(l.crossing_attributes, context) || row.rfind("[adj.", 0) == 0);
              REQUIRE((adjective_before_bank || row.rfind("[noun.", 0) == 0));
            }
          }
          if (e.target_phenomenon[i] == Phenomenon::structure) {
            if (word == "the" || contains(l.determiners, word)) {
              // Its noun, after at most one filler adjective.
              REQUIRE(at > static_cast<int>(i));
              REQUIRE(at <= static_cast<int>(i) + 2);
              if (at == static_cast<int>(i) + 2) {
                const std::string adjective = word_at(e, at - 1);
                // (an everyday adjective is read as its class, adj.all or another)
                const bool everyday = generator.vocabulary().word(e.token_ids[static_cast<std::size_t>(at - 1)]).front() == '[';
                REQUIRE((everyday || contains(l.neutral_adjectives, adjective) ||
                         contains(l.animal_attributes, adjective) || contains(l.crossing_attributes, adjective) ||
                         contains(l.big_attributes, adjective) || contains(l.small_attributes, adjective)));
              }
            } else {
              REQUIRE(at < static_cast<int>(i));  // a verb, and its subject before it
            }
          }
        }
        if (phenomenon == Phenomenon::winograd || phenomenon == Phenomenon::name) {
          // The pronoun names the referent the deciding word implies.
          const std::size_t pronoun = phenomenon_target(e);
          const std::string referent = word_at(e, e.target_position[pronoun]);
          const std::string attribute = cue_word(e);
          const std::string it = normalize_word(e.tokens[pronoun].text);
          if (phenomenon == Phenomenon::winograd) {
            // "it" for one, "they" (or "them" as an object) for a plural ("dogs", read as a
            // plural class row).
            const std::string referent_row = generator.vocabulary().word(e.target_class[pronoun]);
            const bool plural = referent_row.find(", plural]") != std::string::npos ||
                                singular(referent) != referent;
            // One person with a gender ("the man", read as "[noun.person.male]") is "he" or "she";
            // "it" never names a person.
            const bool gendered = referent_row == "[noun.person.male]" || referent_row == "[noun.person.female]";
            if (gendered) REQUIRE(it == (referent_row == "[noun.person.male]" ? "he" : "she"));
            else if (plural) REQUIRE((it == "they" || it == "them"));
            else REQUIRE(it == "it");
            // People (read as "[noun.person, plural]", or one with a gender) act in the acting and
            // happening families only.
            const bool person = referent_row == "[noun.person, plural]" || gendered;
            // With a person of a gender in the sentence, the pronoun's gender or "it" tells the two
            // nouns apart, whatever their number.
            // So does one person of no gender the pronoun does not name ("it" names the thing).
            bool with_one_person = false;
            for (std::size_t j = 0; j < n; ++j) {
              const std::string row = generator.vocabulary().word(e.token_ids[j]);
              with_one_person = with_one_person || row == "[noun.person.male]" || row == "[noun.person.female]" ||
                                row == "[noun.person]";
            }
            const std::string noun = singular(referent);
            // Training's fitting sentences also draw the thing that goes in from the containers,
            // animals and everyday things (read as "[noun.artifact]"), and the thing that
            // holds it from the containers and everyday things (corpus.cpp, kFittingRolesPercent):
            // there the sentence's order, not the word's list, says which is which.
            const bool fitting = e.split == Split::train &&
                                 is_fitting_shape(e.shape);
            const bool everyday_thing = referent_row.rfind("[noun.artifact", 0) == 0;
            const bool fitting_thing = fitting && (contains(l.containers, noun) || contains(l.animals, noun) || everyday_thing);
            // An everyday adjective (read as its class row) names neither noun: then the number
            // decides, and the other noun of the frame differs from the referent in it. (A filler
            // phrase, "at the track", may add a noun of either number: at least one differs.)
            const std::string cue_row = generator.vocabulary().word(e.token_ids[static_cast<std::size_t>(e.cue_position)]);
            const bool neutral = cue_row.front() == '[' && !is_kind_adjective(cue_row) &&
                                 !contains(l.living_predicates, attribute) && !contains(l.thing_predicates, attribute);
            if (is_kind_adjective(cue_row)) {  // an everyday adjective said of the referent's kind
              REQUIRE(e.split == Split::train);
              REQUIRE((cue_row == "[adj.living]") == (person || contains(l.animals, noun)));
            } else if (neutral && with_one_person) {
              REQUIRE((gendered || it == "it" || it == "they" || it == "them"));
            } else if (neutral) {
              const Lexicon& lists = lexicon();
              int differing = 0;
              for (std::size_t j = 0; j < n; ++j) {
                const std::string other = word_at(e, static_cast<int>(j));
                const std::string other_noun = singular(other);
                if (static_cast<int>(j) == e.target_position[pronoun]) continue;
                // People ("registrants") are read as "[noun.person, plural]".
                const bool people = generator.vocabulary().word(e.token_ids[j]) == "[noun.person, plural]";
                bool listed = people;
                for (const WordList* nouns : {&lists.animals, &lists.crossings, &lists.objects, &lists.containers, &lists.foods})
                  listed = listed || contains(*nouns, other_noun);
                if (!listed) continue;
                if ((people || other_noun != other) != plural) ++differing;  // "dogs" is plural, "dog" is not
              }
              REQUIRE(differing >= 1);
            } else if (contains(l.animal_attributes, attribute) || contains(l.person_attributes, attribute) ||
                contains(l.living_predicates, attribute))
              REQUIRE((person || contains(l.animals, noun)));
            else if (contains(l.thing_predicates, attribute))  // "and it broke": an object or a food
              REQUIRE((contains(l.objects, noun) || contains(l.foods, noun)));
            else if (contains(l.crossing_attributes, attribute))  // "too wide": the road, or in a fitting frame the sofa
              REQUIRE((contains(l.crossings, noun) ||
                       ((attribute == "long" || attribute == "wide") && (contains(l.objects, noun) || fitting_thing))));
            else if (contains(l.big_attributes, attribute))  // an object, or a food it acts on
              REQUIRE((contains(l.objects, noun) || contains(l.foods, noun) || fitting_thing));
            else  // "too small": the container, or in a fitting frame an everyday thing that holds
              REQUIRE((contains(l.small_attributes, attribute) &&
                       (contains(l.containers, noun) || (fitting && everyday_thing))));
          } else {
            REQUIRE((contains(l.person_attributes, attribute) || contains(l.living_predicates, attribute)));
            // A name of the pronoun's gender, or a person of it ("the boy", "[noun.person.male]").
            const std::string referent_row = generator.vocabulary().word(e.target_class[pronoun]);
            if (referent_row.rfind("[noun.person.", 0) == 0)
              REQUIRE(referent_row == (it == "he" ? "[noun.person.male]" : "[noun.person.female]"));
            else
              REQUIRE(contains(it == "he" ? l.male_names : l.female_names, referent));
            REQUIRE((it == "he" || it == "she"));
          }
        }
      }
    }
  }
}

TEST_CASE("held-out sentences use held-out pairs only, training sentences training pairs only",
          "[corpus]") {
  CorpusGenerator generator(11);
  const Lexicon& l = lexicon();
  for (const Phenomenon phenomenon : kPhenomena) {
    std::set<std::string> pairs[2];
    std::set<std::string> words_seen[2];  // referents and deciding words
    for (const Split split : kSplits) {
      for (int k = 0; k < 6000; ++k) {
        const Example e = generator.sample(split, phenomenon);
        // People are drawn from thousands of everyday words: no lexicon list to check their
        // index in, and too many for every one to be seen in both splits.
        if (phenomenon == Phenomenon::winograd || phenomenon == Phenomenon::name) {
          const std::string row = generator.vocabulary().word(e.target_class[phenomenon_target(e)]);
          if (row == "[noun.person, plural]" || row == "[noun.person.male]" || row == "[noun.person.female]") continue;
        }
        // Nor are the everyday adjectives of training sentences where the number decides.
        if (phenomenon == Phenomenon::winograd &&
            generator.vocabulary().word(e.token_ids[static_cast<std::size_t>(e.cue_position)]).front() == '[' &&
            !contains(l.living_predicates, cue_word(e)) && !contains(l.thing_predicates, cue_word(e))) {
          INFO(e.text);
          REQUIRE(split == Split::train);
          continue;
        }
        // Nor are training's everyday context nouns of "bank" (kSenseEverydayContextPercent).
        if (phenomenon == Phenomenon::sense && !contains(l.river_words, cue_word(e)) &&
            !contains(l.money_words, cue_word(e))) {
          INFO(e.text);
          REQUIRE(split == Split::train);
          continue;
        }
        const std::string pair = pair_of(e);
        const std::string first = pair.substr(0, pair.find('|'));
        const std::string second = pair.substr(pair.find('|') + 1);
        // The fitting sentences whose nouns are not the objects' and containers' lists
        // (kFittingRolesPercent) are training's only: a thing that goes in drawn from the joined
        // list of containers, animals and everyday things, or a thing that holds drawn from
        // the containers and everyday things (a container keeps its index there, and is checked).
        if (split == Split::train &&
            !(contains(l.objects, first) && contains(kObjectSizes, second)) &&
            !(contains(l.containers, first) && contains(l.small_attributes, second)) &&
            is_fitting_shape(e.shape))
          continue;
        pairs[split == Split::held_out].insert(pair);
        words_seen[split == Split::held_out].insert({first, second});
        if (phenomenon != Phenomenon::winograd && phenomenon != Phenomenon::name) continue;
        // The rule itself, for the pairs the lexicon alone defines.
        // The acting family draws from joined lists: actors (animals, then people) with their
        // attributes (the animals', then the people's), things (objects, then foods) with the big ones.
        static const WordList actor_attributes = joined(l.animal_attributes, l.person_attributes);
        static const WordList things = joined(l.objects, l.foods);
        const WordList* lists[][2] = {{&l.animals, &l.animal_attributes},
                                      {&l.crossings, &l.crossing_attributes},
                                      {&l.objects, &l.big_attributes},
                                      {&l.containers, &l.small_attributes},
                                      {&l.male_names, &l.person_attributes},
                                      {&l.female_names, &l.person_attributes},
                                      {&l.animals, &actor_attributes},
                                      {&things, &l.big_attributes},
                                      {&l.objects, &kObjectSizes},
                                      {&l.animals, &l.living_predicates},
                                      {&things, &l.thing_predicates},
                                      {&l.male_names, &l.living_predicates},
                                      {&l.female_names, &l.living_predicates}};
        bool checked = false;
        for (const auto& [referents, attributes] : lists) {
          if (!contains(*referents, first) || !contains(*attributes, second)) continue;
          INFO(e.text);
          REQUIRE(is_held_out_pair(index_in(*referents, first), index_in(*attributes, second)) ==
                  (split == Split::held_out));
          checked = true;
        }
        INFO(e.text << " (" << pair << ")");
        REQUIRE(checked);
      }
    }
    INFO(name_of(phenomenon) << ": " << pairs[0].size() << " training pairs, " << pairs[1].size()
                             << " held-out pairs seen");
    REQUIRE(!pairs[0].empty());
    REQUIRE(!pairs[1].empty());
    std::vector<std::string> both;
    std::set_intersection(pairs[0].begin(), pairs[0].end(), pairs[1].begin(), pairs[1].end(),
                          std::back_inserter(both));
    REQUIRE(both.empty());
    // Each referent, attribute and context noun (and subject) is in pairs of both splits.
    REQUIRE(words_seen[0] == words_seen[1]);
    if (phenomenon == Phenomenon::name || phenomenon == Phenomenon::sense) {
      // Few enough pairs that these samples saw them all: about 1 in 5 is held out.
      const double share = double(pairs[1].size()) / double(pairs[0].size() + pairs[1].size());
      CHECK(share > 0.15);
      CHECK(share < 0.25);
    }
  }
}

TEST_CASE("with the subject default, a pronoun that nothing else decides names the subject", "[corpus]") {
  const Lexicon& l = lexicon();
  // The subject: the word the sentence's verbs point back at (their structure targets).
  const auto subject_of = [](const Example& e) {
    for (std::size_t i = 0; i < e.tokens.size(); ++i)
      if (e.target_class[i] != kNoTarget && e.target_phenomenon[i] == Phenomenon::structure &&
          e.target_position[i] < static_cast<int>(i))
        return e.target_position[i];
    return static_cast<int>(kNoTarget);
  };
  struct Counts {
    int everyday = 0, naming_subject = 0, same_gender = 0;
  };
  const auto count = [&](int percent) {
    CorpusGenerator generator(11);
    generator.set_subject_default_percent(percent);
    const auto row_at = [&](const Example& e, int at) {
      return generator.vocabulary().word(e.token_ids[static_cast<std::size_t>(at)]);
    };
    const auto plural_at = [&](const Example& e, int at) {
      const std::string word = word_at(e, at);
      return row_at(e, at).find(", plural]") != std::string::npos || singular(word) != word;
    };
    Counts counts;
    for (int k = 0; k < 3000; ++k) {
      const Example e = generator.sample(Split::train, Phenomenon::winograd);
      INFO(percent << " %: " << e.text);
      const int subject = subject_of(e);
      const std::string cue = cue_word(e);
      // An everyday adjective (read as its class) names neither noun; a predicate after the
      // pronoun is read as its class too, and does name one.
      // Nor does an everyday adjective said of one kind, living things or things.
      if (subject == kNoTarget || word_at(e, subject) == "i" || row_at(e, e.cue_position).front() != '[' ||
          is_kind_adjective(row_at(e, e.cue_position)) || contains(l.living_predicates, cue) ||
          contains(l.thing_predicates, cue))
        continue;
      ++counts.everyday;
      const int referent = e.target_position[phenomenon_target(e)];
      if (referent == subject) {
        ++counts.naming_subject;
        continue;
      }
      // Not the subject: then the number decides, or "it" names a thing beside a person.
      const std::string subject_row = row_at(e, subject);
      REQUIRE((plural_at(e, referent) != plural_at(e, subject) || subject_row == "[noun.person]" ||
               subject_row == "[noun.person.male]" || subject_row == "[noun.person.female]"));
    }
    for (int k = 0; k < 3000; ++k) {
      const Example e = generator.sample(Split::train, Phenomenon::name);
      INFO(percent << " %: " << e.text);
      const std::size_t pronoun = phenomenon_target(e);
      const int referent = e.target_position[pronoun];
      const bool male = normalize_word(e.tokens[pronoun].text) == "he";
      bool another_of_the_gender = false;
      const std::set<std::string> filler_prepositions = {"with", "near", "behind", "for", "about", "under"};
      for (std::size_t j = 0; j < e.tokens.size(); ++j) {
        // Not the referent, nor the noun of a phrase at the end ("… for the sister"), which no
        // pronoun names.
        if (static_cast<int>(j) == referent ||
            (j >= 2 && filler_prepositions.count(word_at(e, static_cast<int>(j) - 2)) != 0))
          continue;
        const std::string word = word_at(e, static_cast<int>(j));
        const std::string row = row_at(e, static_cast<int>(j));
        another_of_the_gender = another_of_the_gender || contains(male ? l.male_names : l.female_names, word) ||
                                row == (male ? "[noun.person.male]" : "[noun.person.female]");
      }
      if (!another_of_the_gender) continue;
      ++counts.same_gender;
      REQUIRE(referent == subject_of(e));
    }
    return counts;
  };
  const Counts none = count(0), some = count(100);
  // Without it, an everyday adjective comes only where the number decides, for either noun.
  REQUIRE(none.everyday > 100);
  CHECK(none.naming_subject < 0.65 * none.everyday);
  CHECK(none.same_gender == 0);
  REQUIRE(some.everyday > 300);
  CHECK(some.naming_subject > 0.8 * some.everyday);
  CHECK(some.same_gender > 300);
}

TEST_CASE("in training's fitting sentences the order, not the word's list, tells the thing from its container",
          "[corpus]") {
  // "The box didn't fit in the car because it was too big" names the box, "… too small" the car:
  // a container, an animal or an everyday thing may go in, and an everyday thing may hold it.
  CorpusGenerator generator(17);
  const Lexicon& l = lexicon();
  int fitting = 0, container_goes_in = 0, animal_goes_in = 0, everyday_holds = 0, container_holds = 0;
  for (const Split split : kSplits) {
    for (int k = 0; k < 20000; ++k) {
      const Example e = generator.sample(split, Phenomenon::winograd);
      if (!is_fitting_shape(e.shape)) continue;
      const std::size_t pronoun = phenomenon_target(e);
      const std::string noun = singular(word_at(e, e.target_position[pronoun]));
      const std::string row = generator.vocabulary().word(e.target_class[pronoun]);
      const std::string attribute = cue_word(e);
      const bool big = contains(kObjectSizes, attribute), small = contains(l.small_attributes, attribute);
      INFO(e.text);
      if (split == Split::held_out) {
        // Held-out sentences keep the lists: objects go in, containers hold them.
        if (big) REQUIRE(contains(l.objects, noun));
        if (small) REQUIRE(contains(l.containers, noun));
        continue;
      }
      ++fitting;
      if (big && contains(l.containers, noun)) ++container_goes_in;
      if (big && contains(l.animals, noun)) ++animal_goes_in;
      if (small && row.rfind("[noun.artifact", 0) == 0) ++everyday_holds;
      if (small && contains(l.containers, noun)) ++container_holds;
    }
  }
  INFO(fitting << " training fitting sentences");
  REQUIRE(fitting > 3000);
  CHECK(container_goes_in > 0.01 * fitting);
  CHECK(animal_goes_in > 0.01 * fitting);
  CHECK(everyday_holds > 0.03 * fitting);
  CHECK(container_holds > 0.2 * fitting);
}

TEST_CASE("sample(split) mixes the phenomena 40/20/25/15", "[corpus]") {
  CorpusGenerator generator(5);
  std::map<Phenomenon, int> counts;
  const int total = 20000;
  for (int k = 0; k < total; ++k) {
    const Example e = generator.sample(Split::train);
    REQUIRE(e.split == Split::train);
    ++counts[e.phenomenon];
  }
  CHECK(counts[Phenomenon::winograd] / double(total) == Approx(0.40).margin(0.02));
  CHECK(counts[Phenomenon::name] / double(total) == Approx(0.20).margin(0.02));
  CHECK(counts[Phenomenon::sense] / double(total) == Approx(0.25).margin(0.02));
  CHECK(counts[Phenomenon::structure] / double(total) == Approx(0.15).margin(0.02));
  REQUIRE(generator.sample(Split::held_out).split == Split::held_out);
}

TEST_CASE("held-out shapes are frames training never draws, and every one of them is drawn",
          "[corpus]") {
  CorpusGenerator generator(13);
  for (const Phenomenon phenomenon : kPhenomena) {
    const std::vector<std::string> training = CorpusGenerator::shapes(phenomenon, false);
    const std::vector<std::string> held_out = CorpusGenerator::shapes(phenomenon, true);
    INFO(name_of(phenomenon));
    REQUIRE(!held_out.empty());
    for (const std::string& shape : held_out)
      REQUIRE(std::find(training.begin(), training.end(), shape) == training.end());
    std::set<std::string> seen[3];
    for (const Split split : {Split::train, Split::held_out, Split::held_out_shape})
      for (int k = 0; k < 3000; ++k)
        seen[static_cast<int>(split)].insert(generator.sample(split, phenomenon).shape);
    // Training draws every training shape, and may draw shapes of its own (an adjective before
    // "bank", kSenseAdjectiveContextPercent), never a held-out one.
    for (const std::string& shape : training) REQUIRE(seen[0].count(shape) == 1);
    for (const std::string& shape : seen[0])
      REQUIRE(std::find(held_out.begin(), held_out.end(), shape) == held_out.end());
    REQUIRE(seen[1] == std::set<std::string>(training.begin(), training.end()));
    REQUIRE(seen[2] == std::set<std::string>(held_out.begin(), held_out.end()));
  }
  // The shapes issue 11 names are in the data: the cue before the pronoun, the pronoun before
  // its referent, other verbs between two names.
  const std::vector<std::string> winograd = CorpusGenerator::shapes(Phenomenon::winograd, false);
  const std::vector<std::string> names = CorpusGenerator::shapes(Phenomenon::name, false);
  const auto has = [](const std::vector<std::string>& shapes, const char* text) {
    return std::find(shapes.begin(), shapes.end(), text) != shapes.end();
  };
  CHECK(has(winograd, "The {second} was too {attr} so the @{first} didn't ^cross {pronoun}"));
  CHECK(has(winograd, "Because {pronoun} was too {attr} , the @{first} didn't ^cross the {second}"));
  CHECK(has(names, "@{name} ^ate the {food} before {name2} went to the {place} because {pronoun} was {person_attr}"));
}

TEST_CASE("fillers change no answer: other determiners, adjectives, phrases in front and behind",
          "[corpus]") {
  CorpusGenerator generator(17);
  const Lexicon& l = lexicon();
  int other_determiner = 0, adjective = 0, in_front = 0, plain_lesson_start = 0;
  const int total = 3000;
  for (int k = 0; k < total; ++k) {
    const Example e = generator.sample(Split::train, Phenomenon::winograd);
    INFO(e.text);
    bool has_other = false, has_adjective = false;
    for (std::size_t i = 0; i < e.tokens.size(); ++i) {
      const std::string word = normalize_word(e.tokens[i].text);
      has_other |= contains(l.determiners, word);
      has_adjective |= contains(l.neutral_adjectives, word);
    }
    other_determiner += has_other;
    adjective += has_adjective;
    const std::string first = normalize_word(e.tokens[0].text);
    const bool frame_start = first == "the" || contains(l.determiners, first) || first == "because" ||
                             first == "since" || first == "i";
    in_front += !frame_start;
    plain_lesson_start += first == "the";
    // The pronoun still names a word of the referent's class, whatever came in.
    const std::size_t pronoun = phenomenon_target(e);
    REQUIRE(e.target_position[pronoun] != e.cue_position);
    REQUIRE(e.target_class[pronoun] == e.token_ids[static_cast<std::size_t>(e.target_position[pronoun])]);
  }
  CHECK(other_determiner > total / 4);
  CHECK(adjective > total / 10);
  CHECK(in_front > total / 5);
  CHECK(plain_lesson_start > total / 4);  // sentences as the lessons write them stay common
}

TEST_CASE("in training's sense sentences \"bank\" also names everyday nouns of a class that decides its sense",
          "[corpus]") {
  // "I went to the bank to check the statement" (noun.communication, as "account" and "credit"
  // are read), "The bank by the cliffs" (noun.object, as "river" and "shore"): so that "bank"
  // looks at the word that tells its sense in a learner's sentence too, not only at 32 nouns.
  CorpusGenerator generator(23);
  const Lexicon& l = lexicon();
  std::map<std::string, int> everyday_by_sense;
  std::set<std::string> everyday_words;
  int training = 0, plural = 0, adjective_before = 0, neither = 0, nearer = 0;
  for (const Split split : kSplits) {
    for (int k = 0; k < 4000; ++k) {
      const Example e = generator.sample(split, Phenomenon::sense);
      const std::size_t bank = phenomenon_target(e);
      const std::string context = word_at(e, e.target_position[bank]);
      const std::string row = generator.vocabulary().word(e.target_class[bank]);
      INFO(e.text);
      if (split == Split::held_out) {
        REQUIRE((contains(l.river_words, context) || contains(l.money_words, context)));
        continue;
      }
      ++training;
      // A nearer noun that decides neither sense (kSenseNearerNounPercent): "bank near the park …".
      if (bank + 3 < e.tokens.size() && word_at(e, static_cast<int>(bank) + 1) == "near" &&
          word_at(e, static_cast<int>(bank) + 2) == "the" &&
          generator.vocabulary().word(e.token_ids[bank + 3]).rfind("[noun.", 0) == 0 &&
          e.target_position[bank] > static_cast<int>(bank) + 3)
        ++nearer;
      if (contains(l.river_words, context) || contains(l.money_words, context)) continue;
      // The adjective right before "bank" (kSenseAdjectiveContextPercent).
      if (e.target_position[bank] + 1 == static_cast<int>(bank)) {
        ++adjective_before;
        continue;
      }
      REQUIRE(row.rfind("[noun.", 0) == 0);
      // The sentence's other words are the ones both senses share: its class alone decides, or
      // it is of a kind that decides neither (kSenseNeitherContextPercent).
      const std::string sense = sense_decided_by(generator, row);
      if (sense.empty()) {
        ++neither;
        continue;
      }
      ++everyday_by_sense[sense];
      everyday_words.insert(context);
      plural += row.find(", plural]") != std::string::npos;
    }
  }
  CHECK(adjective_before == Approx(0.15 * training).margin(0.03 * training));
  CHECK(neither == Approx(0.15 * training).margin(0.03 * training));
  CHECK(nearer > 0.15 * training);  // 30 % of the 70 % with a deciding word, less the frames' own "near the …"
  const int everyday = everyday_by_sense["river"] + everyday_by_sense["money"];
  CHECK(everyday == Approx(0.70 * 0.40 * training).margin(0.04 * training));
  CHECK(everyday_by_sense["river"] > 0.4 * everyday);
  CHECK(everyday_by_sense["money"] > 0.4 * everyday);
  CHECK(plural > 0.1 * everyday);
  CHECK(everyday_words.size() > 300);  // many words, a few rows
}

TEST_CASE("in training's winograd sentences an everyday adjective said of the referent's kind may be the attribute",
          "[corpus]") {
  // "The dog didn't cross the street because it was afraid" (adj.living), "… because it was too
  // low" (adj.thing): word_readings.tsv's two adjective kinds, which the pronoun reads as its cue.
  CorpusGenerator generator(29);
  const Lexicon& l = lexicon();
  int living = 0, thing = 0, eligible = 0;
  std::set<std::string> adjectives;
  for (const Split split : kSplits) {
    for (int k = 0; k < 6000; ++k) {
      const Example e = generator.sample(split, Phenomenon::winograd);
      const std::string cue = generator.vocabulary().word(e.token_ids[static_cast<std::size_t>(e.cue_position)]);
      const std::string referent = generator.vocabulary().word(e.target_class[phenomenon_target(e)]);
      const std::string referent_word = singular(word_at(e, e.target_position[phenomenon_target(e)]));
      const bool living_referent = contains(l.animals, referent_word) || referent.rfind("[noun.person", 0) == 0 ||
                                   referent.rfind("[noun.animal", 0) == 0;
      INFO(e.text << " (cue " << cue << ", referent " << referent << ")");
      if (cue != "[adj.living]" && cue != "[adj.thing]") {
        eligible += split == Split::train && !is_fitting_shape(e.shape) && cue.front() != '[';
        continue;
      }
      REQUIRE(split == Split::train);
      REQUIRE(!is_fitting_shape(e.shape));
      REQUIRE((cue == "[adj.living]") == living_referent);
      (cue == "[adj.living]" ? living : thing) += 1;
      adjectives.insert(cue_word(e));
    }
  }
  // About 30 % of the training sentences that could have one (kEverydayAttributePercent).
  CHECK(living + thing == Approx(0.3 * (living + thing + eligible)).margin(0.05 * (living + thing + eligible)));
  CHECK(living > 0.25 * (living + thing));
  CHECK(thing > 0.25 * (living + thing));
  CHECK(adjectives.size() > 200);  // many words, two rows
}
