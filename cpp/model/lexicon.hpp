// The words the corpus is made of, sorted into the classes its templates draw from
// (docs/model.md, "Corpus"). Plain data: lower-case words, each in exactly one list, so the word
// that decides a target (the attribute, the name, the context noun) is never ambiguous.
//
// The first word of a list is the one the lessons use ("animal", "street", "tired"…): the
// held-out rule below keeps every pair of first words a training pair.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace attention_lens {

using WordList = std::vector<std::string>;

struct Lexicon {
  // winograd: "The animal didn't cross the street because it was too tired|wide".
  WordList animals;              // also the subjects of structure sentences
  WordList crossings;            // what an animal crosses (no water: that is river_words)
  WordList animal_attributes;    // "it" = the animal
  WordList crossing_attributes;  // "it" = the crossing
  // winograd: "The trophy didn't fit in the suitcase because it was too big|small".
  WordList objects;
  WordList containers;
  WordList big_attributes;    // "it" = the object
  WordList small_attributes;  // "it" = the container
  // winograd, decided by the verb after the pronoun: "The cat knocked the glass because it was
  // bored|and it broke". These words have no rows of their own: they are read as their WordNet
  // classes (verb.emotion, verb.cognition… for a living thing; verb.change for a thing), as a
  // learner's other verbs are, so the model learns what a class of verb says about its subject.
  WordList living_predicates;  // "it" = the animal (or "they" = the people)
  WordList thing_predicates;   // "it" = the object or food
  // name: "Arjun ate the pizza because he was hungry", "Priya called Omar because he was…".
  WordList male_names;  // written capitalized in sentences
  WordList female_names;
  WordList foods;
  WordList person_attributes;
  WordList person_verbs;  // "{name} called {name}"
  // sense: "The bank by the river was steep", "I went to the bank to deposit money".
  WordList river_words;      // context nouns of the river bank
  WordList money_words;      // context nouns of the money bank
  WordList bank_adjectives;  // shared by both senses
  WordList bank_verbs;       // shared by both senses
  // structure: "The dog chased the cat", "Priya saw the trophy".
  WordList transitive_verbs;  // past tense
  WordList pronouns;          // the words whose referent the model names
  // Fillers: words that change no answer, put in at random so that the answer cannot be read
  // from where a word stands (docs/model.md, "Corpus", "Fillers").
  WordList determiners;         // besides "the": "my dog", "a box", "their road"…
  WordList neutral_adjectives;  // "the brown dog": no class of attribute decides by them
  WordList time_words;          // "yesterday", "this morning", "last week"…
  // Every other word the templates spell out: determiners, auxiliaries, "because", "bank"…
  WordList function_words;
};

// The one lexicon, built on first use.
const Lexicon& lexicon();

struct NamedWordList {
  const char* name;  // the Lexicon member's name
  const WordList* words;
};
// Every list of `lexicon`, for checks that look at all of them.
std::vector<NamedWordList> word_lists(const Lexicon& lexicon);

// The held-out rule: the pair (first, second) — indices into the two lists a pair is drawn from,
// e.g. (animal, animal attribute) or (sense frame, context noun) — is held out when
// (first + second) % 5 == 2. A Latin-square pattern rather than a hash, because it guarantees
// what a hash only makes likely: of a word's n partners, ⌊n/5⌋ or ⌈n/5⌉ are held out, so every
// word with at least 5 partners has held-out pairs and every word with at least 2 has training
// pairs; and the pairs of the lesson words (index 0 in every list) are training pairs.
constexpr std::size_t kHeldOutPeriod = 5;
constexpr bool is_held_out_pair(std::size_t first, std::size_t second) {
  return (first + second) % kHeldOutPeriod == 2;
}

}  // namespace attention_lens
