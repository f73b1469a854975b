#include "word_reader.hpp"

#include <algorithm>
#include <initializer_list>
#include <utility>

namespace attention_lens {

namespace {

// The closed classes of English: words WordNet does not list (or lists only in a rare sense, as
// "be" for beryllium), which every sentence is full of. A word in two classes ("that", "since")
// is in the one it is most often. A plain array searched in order: ~330 words, read once a token,
// and far less code in the widget's module than a map.
constexpr const char* kClosedClasses[] = {"determiner", "preposition", "conjunction", "pronoun", "question", "auxiliary", "pronoun.contraction", "adverb.function", "interjection", "number"};
struct ClosedClassWord {
  const char* word;
  unsigned char word_class;  // index into kClosedClasses
};
constexpr ClosedClassWord kClosedClassWords[] = {
    {"a", 0}, {"an", 0}, {"the", 0}, {"this", 0}, {"that", 0}, {"these", 0}, {"those", 0},
    {"my", 0}, {"your", 0}, {"his", 0}, {"its", 0}, {"our", 0}, {"their", 0}, {"some", 0},
    {"any", 0}, {"every", 0}, {"each", 0}, {"no", 0}, {"all", 0}, {"both", 0}, {"another", 0},
    {"either", 0}, {"neither", 0}, {"such", 0}, {"whose", 0}, {"many", 0}, {"much", 0}, {"few", 0},
    {"several", 0}, {"most", 0}, {"more", 0}, {"less", 0}, {"fewer", 0}, {"enough", 0}, {"of", 1},
    {"in", 1}, {"on", 1}, {"at", 1}, {"by", 1}, {"for", 1}, {"with", 1}, {"from", 1}, {"to", 1},
    {"into", 1}, {"onto", 1}, {"over", 1}, {"under", 1}, {"about", 1}, {"above", 1}, {"below", 1},
    {"after", 1}, {"before", 1}, {"between", 1}, {"through", 1}, {"during", 1}, {"without", 1},
    {"within", 1}, {"against", 1}, {"among", 1}, {"along", 1}, {"across", 1}, {"behind", 1},
    {"beside", 1}, {"besides", 1}, {"beyond", 1}, {"near", 1}, {"toward", 1}, {"towards", 1},
    {"upon", 1}, {"off", 1}, {"out", 1}, {"up", 1}, {"down", 1}, {"around", 1}, {"round", 1},
    {"like", 1}, {"than", 1}, {"via", 1}, {"per", 1}, {"inside", 1}, {"outside", 1},
    {"underneath", 1}, {"throughout", 1}, {"despite", 1}, {"except", 1}, {"past", 1},
    {"beneath", 1}, {"amid", 1}, {"opposite", 1}, {"unlike", 1}, {"and", 2}, {"or", 2}, {"but", 2},
    {"so", 2}, {"because", 2}, {"although", 2}, {"though", 2}, {"while", 2}, {"whereas", 2},
    {"if", 2}, {"unless", 2}, {"whether", 2}, {"since", 2}, {"until", 2}, {"till", 2}, {"as", 2},
    {"nor", 2}, {"yet", 2}, {"once", 2}, {"whenever", 2}, {"wherever", 2}, {"cause", 2}, {"cos", 2},
    {"i", 3}, {"you", 3}, {"he", 3}, {"she", 3}, {"it", 3}, {"we", 3}, {"they", 3}, {"me", 3},
    {"him", 3}, {"her", 3}, {"us", 3}, {"them", 3}, {"myself", 3}, {"yourself", 3}, {"himself", 3},
    {"herself", 3}, {"itself", 3}, {"ourselves", 3}, {"yourselves", 3}, {"themselves", 3},
    {"mine", 3}, {"yours", 3}, {"hers", 3}, {"ours", 3}, {"theirs", 3}, {"someone", 3},
    {"somebody", 3}, {"everyone", 3}, {"everybody", 3}, {"anyone", 3}, {"anybody", 3},
    {"nobody", 3}, {"something", 3}, {"everything", 3}, {"anything", 3}, {"nothing", 3},
    {"none", 3}, {"one", 3}, {"ones", 3}, {"oneself", 3}, {"y'all", 3}, {"what", 4}, {"who", 4},
    {"whom", 4}, {"which", 4}, {"where", 4}, {"when", 4}, {"why", 4}, {"how", 4}, {"what's", 4},
    {"who's", 4}, {"where's", 4}, {"how's", 4}, {"when's", 4}, {"why's", 4}, {"is", 5}, {"are", 5},
    {"was", 5}, {"were", 5}, {"be", 5}, {"been", 5}, {"being", 5}, {"am", 5}, {"do", 5},
    {"does", 5}, {"did", 5}, {"done", 5}, {"doing", 5}, {"have", 5}, {"has", 5}, {"had", 5},
    {"having", 5}, {"will", 5}, {"would", 5}, {"shall", 5}, {"should", 5}, {"can", 5}, {"could", 5},
    {"may", 5}, {"might", 5}, {"must", 5}, {"ought", 5}, {"don't", 5}, {"doesn't", 5},
    {"didn't", 5}, {"isn't", 5}, {"aren't", 5}, {"wasn't", 5}, {"weren't", 5}, {"won't", 5},
    {"wouldn't", 5}, {"can't", 5}, {"cannot", 5}, {"couldn't", 5}, {"shouldn't", 5}, {"haven't", 5},
    {"hasn't", 5}, {"hadn't", 5}, {"mustn't", 5}, {"mightn't", 5}, {"needn't", 5}, {"shan't", 5},
    {"ain't", 5}, {"gonna", 5}, {"wanna", 5}, {"gotta", 5}, {"i'm", 6}, {"you're", 6}, {"he's", 6},
    {"she's", 6}, {"it's", 6}, {"we're", 6}, {"they're", 6}, {"i've", 6}, {"you've", 6},
    {"we've", 6}, {"they've", 6}, {"i'll", 6}, {"you'll", 6}, {"he'll", 6}, {"she'll", 6},
    {"it'll", 6}, {"we'll", 6}, {"they'll", 6}, {"i'd", 6}, {"you'd", 6}, {"he'd", 6}, {"she'd", 6},
    {"it'd", 6}, {"we'd", 6}, {"they'd", 6}, {"let's", 6}, {"that's", 6}, {"there's", 6},
    {"here's", 6}, {"that'll", 6}, {"there'll", 6}, {"not", 7}, {"very", 7}, {"too", 7},
    {"also", 7}, {"just", 7}, {"then", 7}, {"there", 7}, {"here", 7}, {"now", 7}, {"always", 7},
    {"never", 7}, {"often", 7}, {"sometimes", 7}, {"again", 7}, {"still", 7}, {"already", 7},
    {"even", 7}, {"only", 7}, {"really", 7}, {"quite", 7}, {"rather", 7}, {"almost", 7},
    {"soon", 7}, {"today", 7}, {"tonight", 7}, {"tomorrow", 7}, {"yesterday", 7}, {"ever", 7},
    {"else", 7}, {"instead", 7}, {"perhaps", 7}, {"maybe", 7}, {"however", 7}, {"therefore", 7},
    {"otherwise", 7}, {"anyway", 7}, {"later", 7}, {"away", 7}, {"back", 7}, {"together", 7},
    {"ago", 7}, {"usually", 7}, {"probably", 7}, {"definitely", 7}, {"actually", 7}, {"finally", 7},
    {"suddenly", 7}, {"especially", 7}, {"nearly", 7}, {"barely", 7}, {"hardly", 7},
    {"somewhere", 7}, {"anywhere", 7}, {"everywhere", 7}, {"nowhere", 7}, {"n't", 7},
    {"whatever", 7}, {"whoever", 7}, {"whichever", 7}, {"please", 8}, {"yes", 8}, {"hello", 8},
    {"hi", 8}, {"hey", 8}, {"bye", 8}, {"goodbye", 8}, {"thanks", 8}, {"thank", 8}, {"ok", 8},
    {"okay", 8}, {"oh", 8}, {"wow", 8}, {"sorry", 8}, {"well", 8}, {"yeah", 8}, {"nope", 8},
    {"ah", 8}, {"hmm", 8}, {"ugh", 8}, {"oops", 8}, {"zero", 9}, {"two", 9}, {"three", 9},
    {"four", 9}, {"five", 9}, {"six", 9}, {"seven", 9}, {"eight", 9}, {"nine", 9}, {"ten", 9},
    {"eleven", 9}, {"twelve", 9}, {"thirteen", 9}, {"fourteen", 9}, {"fifteen", 9}, {"sixteen", 9},
    {"seventeen", 9}, {"eighteen", 9}, {"nineteen", 9}, {"twenty", 9}, {"thirty", 9}, {"forty", 9},
    {"fifty", 9}, {"sixty", 9}, {"seventy", 9}, {"eighty", 9}, {"ninety", 9}, {"hundred", 9},
    {"thousand", 9}, {"million", 9}, {"billion", 9}, {"first", 9}, {"second", 9}, {"third", 9},
    {"fourth", 9}, {"fifth", 9}, {"sixth", 9}, {"seventh", 9}, {"eighth", 9}, {"ninth", 9},
    {"tenth", 9}, {"twice", 9}, {"half", 9}, {"dozen", 9},
};

const char* closed_class_of(std::string_view word) {
  for (const ClosedClassWord& entry : kClosedClassWords)
    if (word == entry.word) return kClosedClasses[entry.word_class];
  return nullptr;
}

bool is_number(std::string_view word) {
  bool digit = false;
  for (const char c : word) {
    if (c >= '0' && c <= '9') digit = true;
    else if (c != ',' && c != '.') return false;
  }
  return digit;
}

// British spellings WordNet writes the American way: "favourite", "apologise", "centre",
// "travelled". Each variant is tried only when the word itself has no reading.
std::vector<std::string> american_spellings(const std::string& word) {
  std::vector<std::string> variants;
  const auto replace_last = [&](std::string_view from, std::string_view to) {
    const std::size_t at = word.rfind(from);
    if (at != std::string::npos) variants.push_back(word.substr(0, at) + std::string(to) + word.substr(at + from.size()));
  };
  replace_last("our", "or");         // colour, favourite, neighbour
  replace_last("is", "iz");          // apologise, organised, realising, organisation
  replace_last("ys", "yz");          // analyse
  if (word.size() > 4 && word.compare(word.size() - 3, 3, "tre") == 0) replace_last("tre", "ter");  // centre
  replace_last("lled", "led");       // travelled
  replace_last("lling", "ling");     // cancelling
  replace_last("ogue", "og");        // catalogue
  replace_last("mme", "m");          // programme
  return variants;
}

// A lemma SemCor tagged at least 15 times (weight 4 = ⌊log2(1 + tags)⌋) is a word a learner means
// when a sentence starts with it, even when it is also a first name.
constexpr int kCommonWordWeight = 4;

bool starts_with_capital(std::string_view word) { return !word.empty() && word[0] >= 'A' && word[0] <= 'Z'; }

std::string name_class(char gender) {
  return gender == 'm' ? "name.male" : gender == 'f' ? "name.female" : "name";
}

// People with a gender (word_readings.tsv lists "man", "grandmother" under these): "he" and
// "she" name one of them. A plural needs no gender ("they" names men and women alike), so "the
// boys" is read as noun.person's plural row.
constexpr std::string_view kGenderedPersonClasses[] = {"noun.person.male", "noun.person.female"};

// A noun read through another lemma is a plural: WordNet's noun forms are its plurals ("mice",
// "children") and its noun detachment rules strip only plural endings ("-s", "-es", "-ies", "-men").
std::string class_of(const LemmaReading& reading, const std::string& word) {
  if (reading.pos != 'n' || reading.lemma == word) return reading.lexname;
  const bool gendered = std::find(std::begin(kGenderedPersonClasses), std::end(kGenderedPersonClasses),
                                  reading.lexname) != std::end(kGenderedPersonClasses);
  return (gendered ? std::string("noun.person") : reading.lexname) + std::string(kPluralMark);
}

}  // namespace

const std::vector<std::string>& class_token_words() {
  static const std::vector<std::string> words = [] {
    std::vector<std::string> classes = {
        "adj.all", "adj.living", "adj.pert", "adj.ppl", "adj.thing", "adv.all", "noun.Tops", "noun.act", "noun.animal",
        "noun.artifact", "noun.attribute", "noun.body", "noun.cognition", "noun.communication",
        "noun.event", "noun.feeling", "noun.food", "noun.group", "noun.location", "noun.motive",
        "noun.object", "noun.person", "noun.phenomenon", "noun.plant", "noun.possession",
        "noun.process", "noun.quantity", "noun.relation", "noun.shape", "noun.state",
        "noun.substance", "noun.time", "verb.body", "verb.change", "verb.cognition",
        "verb.communication", "verb.competition", "verb.consumption", "verb.contact",
        "verb.creation", "verb.emotion", "verb.motion", "verb.perception", "verb.possession",
        "verb.social", "verb.stative", "verb.weather", "name", "name.male", "name.female"};
    for (const char* word_class : kClosedClasses) classes.push_back(word_class);
    // A plural noun is read as its class's plural row ("dogs" as "noun.animal, plural"): "they"
    // and "it" are told apart by number before anything else.
    const std::size_t singular_count = classes.size();
    for (std::size_t c = 0; c < singular_count; ++c)
      if (classes[c].rfind("noun.", 0) == 0) classes.push_back(classes[c] + std::string(kPluralMark));
    for (const std::string_view gendered : kGenderedPersonClasses) classes.emplace_back(gendered);
    std::vector<std::string> tokens;
    for (const std::string& c : classes) tokens.push_back(class_token_word(c));
    std::sort(tokens.begin(), tokens.end());
    tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
    return tokens;
  }();
  return words;
}

std::string class_token_word(std::string_view word_class) { return "[" + normalize_word(word_class) + "]"; }

WordReader::WordReader(const Vocabulary& vocabulary) : vocabulary_(vocabulary) {}

bool follows_article(const std::vector<Token>& tokens, std::size_t index) {
  if (index == 0 || index >= tokens.size()) return false;
  const std::string before = normalize_word(tokens[index - 1].text);
  for (const char* article : {"a", "an", "the", "my", "your", "his", "its", "our", "their"})
    if (before == article) return true;
  return false;
}

std::string WordReader::word_class(std::string_view word, bool sentence_initial, bool after_article) const {
  const std::string normalized = normalize_word(word);
  if (const char* closed = closed_class_of(normalized)) return closed;
  if (is_number(normalized)) return "number";
  if (!lexicon_) return "";
  auto reading = lexicon_->most_frequent_reading(normalized);
  if (after_article && reading && reading->pos == 'v')
    if (auto noun = lexicon_->most_frequent_reading(normalized, 'n')) reading = std::move(noun);
  // A capital letter inside a sentence marks a name ("Rose", "Will") before any common word. At
  // a sentence's start every word has one, so there a name is read as a name unless it is also a
  // common word in its own right: "John" (a toilet to WordNet, 1 tag in SemCor), "Mary", "Adam"
  // and "Oliver" (through "olive") are people, "Hope" and "Bill" stay words.
  if (starts_with_capital(word))
    if (const char gender = lexicon_->name_gender(normalized))
      if (!sentence_initial || !reading || reading->lemma != normalized || reading->weight < kCommonWordWeight)
        return name_class(gender);
  if (reading) return class_of(*reading, normalized);
  for (const std::string& variant : american_spellings(normalized))
    if (const auto spelled = lexicon_->most_frequent_reading(variant)) return class_of(*spelled, variant);
  if (const char gender = lexicon_->name_gender(normalized)) return name_class(gender);
  return "";
}

WordReading WordReader::read(std::string_view word, bool sentence_initial, bool after_article) const {
  if (const int own = vocabulary_.id_of(word); own != Vocabulary::kUnknownId) return {own, ""};
  const std::string found = word_class(word, sentence_initial, after_article);
  if (found.empty()) return {};
  if (const int id = vocabulary_.id_of(class_token_word(found)); id != Vocabulary::kUnknownId)
    return {id, found};
  // A model trained without plural rows reads a plural as its singular class, and one trained
  // without the gendered person rows a man or a woman as a person.
  std::string fallback;
  if (const std::size_t mark = found.rfind(kPluralMark); mark != std::string::npos) fallback = found.substr(0, mark);
  else if (std::find(std::begin(kGenderedPersonClasses), std::end(kGenderedPersonClasses), found) != std::end(kGenderedPersonClasses))
    fallback = "noun.person";
  if (!fallback.empty())
    if (const int id = vocabulary_.id_of(class_token_word(fallback)); id != Vocabulary::kUnknownId)
      return {id, fallback};
  return {};  // a model trained without class rows
}

}  // namespace attention_lens
