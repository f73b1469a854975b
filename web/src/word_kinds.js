// The kinds a word without a row of its own is read as, in plain words (<attention-lens> shows one
// in the word's title: "The model knows this word only by its kind: an animal (noun.animal)").
// Fetched with the word readings, after the first grid: a lesson's own sentences need neither.
// A kind is analyze()'s wordClass, the name of one of the model's class rows (docs/model.md,
// "Vocabulary: words read by their kinds"): WordNet's lexicographer classes, first names, closed
// classes of English and two adjective kinds; a noun kind may be plural ("noun.animal, plural").
const ENGLISH = {
  'noun.Tops': 'a very general noun', 'noun.act': 'an action', 'noun.animal': 'an animal',
  'noun.artifact': 'a thing people make', 'noun.attribute': 'a quality', 'noun.body': 'a part of the body',
  'noun.cognition': 'an idea or a kind of knowledge', 'noun.communication': 'something said or written',
  'noun.event': 'an event', 'noun.feeling': 'a feeling', 'noun.food': 'a food or drink', 'noun.group': 'a group',
  'noun.location': 'a place', 'noun.motive': 'a reason or goal', 'noun.object': 'a natural thing (not made by people)',
  'noun.person': 'a person', 'noun.person.male': 'a man or boy', 'noun.person.female': 'a woman or girl',
  'noun.phenomenon': 'something that happens in nature', 'noun.plant': 'a plant', 'noun.possession': 'money or property',
  'noun.process': 'a process', 'noun.quantity': 'an amount or measure', 'noun.relation': 'a relation',
  'noun.shape': 'a shape', 'noun.state': 'a state or condition', 'noun.substance': 'a substance or material',
  'noun.time': 'a time',
  'verb.body': 'a verb about the body', 'verb.change': 'a verb of change', 'verb.cognition': 'a verb of thinking',
  'verb.communication': 'a verb of saying', 'verb.competition': 'a verb of competing', 'verb.consumption': 'a verb of eating or using',
  'verb.contact': 'a verb of touching', 'verb.creation': 'a verb of making', 'verb.emotion': 'a verb of feeling',
  'verb.motion': 'a verb of moving', 'verb.perception': 'a verb of seeing, hearing or sensing', 'verb.possession': 'a verb of having or giving',
  'verb.social': 'a verb of people together', 'verb.stative': 'a verb of being', 'verb.weather': 'a verb of weather',
  'adj.all': 'an adjective', 'adj.living': 'an adjective said of living things', 'adj.thing': 'an adjective said of things',
  'adj.pert': 'an adjective meaning “of” something', 'adj.ppl': 'an adjective made from a verb', 'adv.all': 'an adverb',
  name: 'a first name', 'name.male': 'a man’s first name', 'name.female': 'a woman’s first name',
  determiner: 'a determiner', preposition: 'a preposition', conjunction: 'a conjunction', pronoun: 'a pronoun',
  question: 'a question word', auxiliary: 'an auxiliary verb', 'pronoun.contraction': 'a pronoun with a verb joined to it',
  'adverb.function': 'a small adverb such as “not” or “very”', interjection: 'an interjection', number: 'a number',
};
const SPANISH = {
  'noun.Tops': 'un sustantivo muy general', 'noun.act': 'una acción', 'noun.animal': 'un animal',
  'noun.artifact': 'un objeto hecho por personas', 'noun.attribute': 'una cualidad', 'noun.body': 'una parte del cuerpo',
  'noun.cognition': 'una idea o un saber', 'noun.communication': 'algo dicho o escrito',
  'noun.event': 'un suceso', 'noun.feeling': 'un sentimiento', 'noun.food': 'una comida o bebida', 'noun.group': 'un grupo',
  'noun.location': 'un lugar', 'noun.motive': 'un motivo o una meta', 'noun.object': 'una cosa natural (no hecha por personas)',
  'noun.person': 'una persona', 'noun.person.male': 'un hombre o un niño', 'noun.person.female': 'una mujer o una niña',
  'noun.phenomenon': 'algo que ocurre en la naturaleza', 'noun.plant': 'una planta', 'noun.possession': 'dinero o bienes',
  'noun.process': 'un proceso', 'noun.quantity': 'una cantidad o medida', 'noun.relation': 'una relación',
  'noun.shape': 'una forma', 'noun.state': 'un estado o una condición', 'noun.substance': 'una sustancia o un material',
  'noun.time': 'un tiempo o momento',
  'verb.body': 'un verbo del cuerpo', 'verb.change': 'un verbo de cambio', 'verb.cognition': 'un verbo de pensar',
  'verb.communication': 'un verbo de decir', 'verb.competition': 'un verbo de competir', 'verb.consumption': 'un verbo de comer o usar',
  'verb.contact': 'un verbo de tocar', 'verb.creation': 'un verbo de hacer o crear', 'verb.emotion': 'un verbo de sentir',
  'verb.motion': 'un verbo de movimiento', 'verb.perception': 'un verbo de ver, oír o percibir', 'verb.possession': 'un verbo de tener o dar',
  'verb.social': 'un verbo de la vida en común', 'verb.stative': 'un verbo de ser o estar', 'verb.weather': 'un verbo del tiempo atmosférico',
  'adj.all': 'un adjetivo', 'adj.living': 'un adjetivo que se dice de seres vivos', 'adj.thing': 'un adjetivo que se dice de cosas',
  'adj.pert': 'un adjetivo de relación («de» algo)', 'adj.ppl': 'un adjetivo formado a partir de un verbo', 'adv.all': 'un adverbio',
  name: 'un nombre de pila', 'name.male': 'un nombre de hombre', 'name.female': 'un nombre de mujer',
  determiner: 'un determinante', preposition: 'una preposición', conjunction: 'una conjunción', pronoun: 'un pronombre',
  question: 'una palabra interrogativa', auxiliary: 'un verbo auxiliar', 'pronoun.contraction': 'un pronombre con un verbo unido',
  'adverb.function': 'un adverbio breve como «not» o «very»', interjection: 'una interjección', number: 'un número',
};
const PLURAL_MARK = ', plural';
const LANGUAGES = { en: [ENGLISH, 'in the plural'], es: [SPANISH, 'en plural'] };

/**
 * A kind (analyze()'s wordClass) in plain words in a language the widget speaks (its strings'
 * locale, English otherwise): "an animal, in the plural (noun.animal, plural)"; "a preposition"
 * (its own name would add nothing). A kind not listed is its own name.
 */
export function kindInWords(wordClass, locale) {
  const [names, inThePlural] = LANGUAGES[locale] ?? LANGUAGES.en;
  const plural = wordClass.endsWith(PLURAL_MARK);
  const kind = plural ? wordClass.slice(0, -PLURAL_MARK.length) : wordClass;
  const name = Object.hasOwn(names, kind) ? names[kind] : null;
  if (name === null) return wordClass;
  const words = plural ? `${name}, ${inThePlural}` : name;
  return kind.includes('.') ? `${words} (${wordClass})` : words;
}
