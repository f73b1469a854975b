#include "lexicon.hpp"

namespace attention_lens {

namespace {

// Assigned member by member, so the data cannot slide into the wrong list.
Lexicon make_lexicon() {
  Lexicon l;
  l.animals = {"animal", "dog", "cat", "horse", "cow", "sheep", "goat", "pig", "fox", "wolf",
      "bear", "deer", "rabbit", "mouse", "rat", "squirrel", "hedgehog", "tortoise", "turtle",
      "goose", "chicken", "hen", "donkey", "mule", "camel", "elephant", "lion", "tiger", "zebra",
      "giraffe", "badger", "raccoon", "kangaroo", "puppy", "kitten", "lamb", "calf", "pony",
      "moose"};
  // Dry land only: "river", "stream", "lake"… are river_words, and a word lives in one list.
  l.crossings = {"street", "road", "highway", "bridge", "field", "path", "track", "lane",
      "avenue", "square", "yard", "meadow", "valley", "railway", "motorway", "desert", "hill",
      "ditch", "trail", "alley", "boulevard", "junction", "intersection", "roundabout",
      "courtyard", "playground", "garden", "park", "farm", "pasture", "forest", "canyon", "ridge",
      "runway", "pavement", "clearing", "lawn"};
  l.animal_attributes = {"tired", "scared", "sleepy", "weak", "old", "slow", "lazy", "nervous",
      "sick", "frightened", "exhausted", "timid", "injured", "young", "shy", "weary"};
  l.crossing_attributes = {"wide", "busy", "crowded", "icy", "dangerous", "dark", "muddy",
      "noisy", "slippery", "flooded", "rough", "long", "snowy", "bumpy"};
  l.objects = {"trophy", "book", "laptop", "guitar", "lamp", "vase", "helmet", "painting",
      "blanket", "pillow", "camera", "jacket", "coat", "umbrella", "kettle", "statue", "globe",
      "clock", "toaster", "printer", "mirror", "racket", "skateboard", "violin", "trumpet",
      "telescope", "candle", "teapot", "sweater", "microscope", "keyboard", "drum", "rug",
      "television", "chair", "fan", "sculpture", "poster"};
  l.containers = {"suitcase", "box", "bag", "backpack", "drawer", "cupboard", "closet", "trunk",
      "crate", "basket", "bucket", "barrel", "chest", "locker", "cabinet", "envelope", "carton",
      "sack", "jar", "bin", "briefcase", "handbag", "wardrobe", "car", "van", "cart", "trolley",
      "pouch", "tray", "bowl", "case", "shed", "tin"};
  l.big_attributes = {"big", "large", "huge", "tall", "heavy", "bulky", "enormous", "massive",
      "giant", "thick", "oversized", "gigantic"};
  l.small_attributes = {"small", "tiny", "little", "narrow", "short", "shallow", "cramped",
      "full", "packed", "tight", "stuffed"};
  // Past tenses of verbs only a living thing does, from WordNet's verb.emotion, verb.perception,
  // verb.cognition, verb.body, verb.consumption and verb.communication; and of verbs only a thing
  // does, from verb.change. No verbs of motion: animals run and things roll, so their class says
  // nothing about which one moved.
  l.living_predicates = {"wanted", "hated", "feared", "enjoyed", "hoped", "wished", "heard",
      "knew", "remembered", "forgot", "learned", "understood", "decided", "thought", "believed",
      "slept", "laughed", "smiled", "yawned", "sighed", "drank", "cried", "barked", "growled",
      "screamed"};
  l.thing_predicates = {"broke", "cracked", "melted", "shattered", "burst", "rusted", "faded",
      "exploded", "dissolved", "evaporated", "rotted", "boiled", "shrank", "dried", "thawed",
      "ripened", "hardened"};
  l.male_names = {"arjun", "omar", "rahul", "david", "james", "carlos", "kenji", "ahmed", "liam",
      "noah", "ravi", "ivan", "mateo", "samuel", "daniel", "thomas", "hiro", "kwame", "diego",
      "yusuf"};
  l.female_names = {"priya", "maria", "sara", "aisha", "emma", "olivia", "fatima", "mei", "ana",
      "yuki", "zara", "leila", "sofia", "nina", "grace", "amara", "chloe", "elena"};
  l.foods = {"pizza", "pasta", "sandwich", "burger", "salad", "soup", "rice", "curry", "noodle",
      "apple", "banana", "cake", "bread", "cookie", "omelette", "taco", "sushi", "dumpling",
      "pancake", "muffin", "pie", "cheese", "mango", "biryani", "samosa", "donut"};
  l.person_attributes = {"hungry", "thirsty", "happy", "sad", "angry", "bored", "late", "upset",
      "lonely", "curious", "worried", "excited", "sorry", "grateful", "cheerful"};
  l.person_verbs = {"called", "thanked", "visited", "phoned", "hugged", "texted", "greeted",
      "invited", "emailed", "praised"};
  l.river_words = {"river", "water", "stream", "lake", "shore", "mud", "fish", "reeds", "canal",
      "pond", "rocks", "grass", "creek", "sand", "willows", "waterfall"};
  // Nouns only: "deposit" is a bank_verb, shared by both senses, so it cannot give the
  // sense away; the noun after it does.
  l.money_words = {"money", "cash", "loan", "account", "savings", "cheque", "coins", "salary",
      "mortgage", "credit", "payment", "card", "wages", "pension", "debt", "budget"};
  // bank_adjectives and bank_verbs fit (or are equally odd for) both senses.
  l.bank_adjectives = {"steep", "quiet", "empty", "closed", "open", "famous", "peaceful",
      "lovely"};
  l.bank_verbs = {"deposit", "count", "check", "collect", "hide", "bring", "leave", "drop"};
  l.transitive_verbs = {"saw", "liked", "chased", "found", "followed", "watched", "helped",
      "noticed", "carried", "pushed", "pulled", "touched", "smelled", "ignored", "loved",
      "admired"};
  l.pronouns = {"it", "he", "she", "they", "them"};
  l.determiners = {"a", "an", "my", "our", "your", "that", "this", "his", "her", "their"};
  l.neutral_adjectives = {"brown", "grey", "white", "black", "red", "blue", "green", "yellow",
      "new", "pretty", "nice", "strange", "beautiful", "clean"};
  l.time_words = {"yesterday", "today", "tonight", "later", "then", "again", "once", "morning",
      "evening", "night", "week", "last"};
  // The templates' other words. "bank" is here: it is the word whose sense is asked.
  l.function_words = {"the", "didn't", "did", "not", "want", "to", "cross", "crossed", "stopped",
      "before", "refused", "never", "would", "couldn't", "fit", "in", "into", "go", "put", "hold",
      "ate", "ordered", "shared", "because", "since", "was", "were", "too", "so", "very", "far", "i",
      "we", "went", "walked", "waited", "at", "beside", "by", "near", "bank", "carry", "pull",
      "while", "and", "left", "when", "through"};
  return l;
}

}  // namespace

const Lexicon& lexicon() {
  static const Lexicon kLexicon = make_lexicon();
  return kLexicon;
}

std::vector<NamedWordList> word_lists(const Lexicon& l) {
  return {
      {"animals", &l.animals},
      {"crossings", &l.crossings},
      {"animal_attributes", &l.animal_attributes},
      {"crossing_attributes", &l.crossing_attributes},
      {"objects", &l.objects},
      {"containers", &l.containers},
      {"big_attributes", &l.big_attributes},
      {"small_attributes", &l.small_attributes},
      {"living_predicates", &l.living_predicates},
      {"thing_predicates", &l.thing_predicates},
      {"male_names", &l.male_names},
      {"female_names", &l.female_names},
      {"foods", &l.foods},
      {"person_attributes", &l.person_attributes},
      {"person_verbs", &l.person_verbs},
      {"river_words", &l.river_words},
      {"money_words", &l.money_words},
      {"bank_adjectives", &l.bank_adjectives},
      {"bank_verbs", &l.bank_verbs},
      {"transitive_verbs", &l.transitive_verbs},
      {"pronouns", &l.pronouns},
      {"determiners", &l.determiners},
      {"neutral_adjectives", &l.neutral_adjectives},
      {"time_words", &l.time_words},
      {"function_words", &l.function_words},
  };
}

}  // namespace attention_lens
