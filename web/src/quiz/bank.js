// The built-in questions, in our own words, tagged by topic so an author can pick a set
// (bank="scaling"). Schema: docs/quiz.md; every question passes validateQuestions(). Their
// Spanish is in bank_es.js; builtInQuestions(locale) gives them in the quiz's language.

export const TOPICS = ['qkv', 'similarity', 'scaling', 'softmax', 'weighted-sum', 'self-cross',
  'multi-head', 'soft-hard', 'cost', 'long-range', 'causal', 'learning'];

export const BUILT_IN_QUESTIONS = [
  {
    id: 'qkv-roles', topic: 'qkv', type: 'single',
    prompt: 'In the library picture of attention, which of Query, Key and Value is the book you take home?',
    options: [
      { text: 'The Query', feedback: 'The query is what you are looking for, the question you bring to the desk.' },
      { text: 'The Key', feedback: 'A key is the label on each book: it is matched against the query, not handed back.' },
      { text: 'The Value', correct: true, feedback: 'Right: values are the content that gets mixed into the output, weighted by how well each key matched.' },
      { text: 'The score', feedback: 'The score only says how well a key matched; it is not content.' },
    ],
    explanation: 'Queries are compared with keys to decide how much of each value to take.',
  },
  {
    id: 'qkv-same-token', topic: 'qkv', type: 'multiple',
    prompt: 'In self-attention, each word gets its own query, key and value. Which statements are true?',
    options: [
      { text: 'They come from the same word vector multiplied by three different learned matrices', correct: true, feedback: 'Yes: W_Q, W_K and W_V project one vector three ways.' },
      { text: 'The query and the key of a word are always equal', feedback: 'They come from different matrices, so they are usually different.' },
      { text: 'A word can attend to itself', correct: true, feedback: 'Yes: its own key is among the keys it scores.' },
      { text: 'Values are fixed and never learned', feedback: 'W_V is learned like W_Q and W_K.' },
    ],
    explanation: 'One input vector, three learned projections; every word scores every key, its own included.',
  },
  {
    id: 'dot-product', topic: 'similarity', type: 'single',
    prompt: 'The score between a query and a key is their dot product. When is it large?',
    options: [
      { text: 'When the two vectors point in similar directions', correct: true, feedback: 'Right: aligned vectors give a large positive dot product.' },
      { text: 'When the two vectors are perpendicular', feedback: 'Perpendicular vectors have a dot product of zero.' },
      { text: 'When the two words are next to each other', feedback: 'Position can matter through the vectors, but the score itself only compares directions and lengths.' },
      { text: 'Only when the two words are identical', feedback: 'Different words can still have aligned query and key vectors.' },
    ],
    explanation: 'Q·K is a similarity measure: big when the query and key point the same way.',
  },
  {
    id: 'dot-product-calc', topic: 'similarity', type: 'single',
    prompt: 'A query is [1, 2] and a key is [3, 1]. What is their score Q·K?',
    options: [
      { text: '4', feedback: 'That adds the vectors’ entries; multiply pairs and then add.' },
      { text: '5', correct: true, feedback: 'Right: 1·3 + 2·1 = 5.' },
      { text: '7', feedback: 'Check the pairs: 1 goes with 3, 2 goes with 1.' },
      { text: '[3, 2]', feedback: 'A dot product is one number, not a vector.' },
    ],
    explanation: 'Multiply matching entries and add them up: 1·3 + 2·1 = 5.',
  },
  {
    id: 'why-scale', topic: 'scaling', type: 'single',
    prompt: 'Why are the scores divided by √d_k before the softmax?',
    options: [
      { text: 'To make the computation faster', feedback: 'It costs one extra multiplication; speed is not the point.' },
      { text: 'Because dot products grow with d_k, and large scores push softmax into putting almost all weight on one key', correct: true, feedback: 'Right: without it, rows saturate and the gradients for the other keys nearly vanish.' },
      { text: 'So that every row sums to 1', feedback: 'Softmax already makes rows sum to 1, scaled or not.' },
      { text: 'To turn the scores into probabilities', feedback: 'That is what softmax does, not the scaling.' },
    ],
    explanation: 'The spread of a dot product of random d_k-dimensional vectors grows like √d_k; dividing by it keeps the scores in a range where softmax still spreads its weight.',
  },
  {
    id: 'scale-number', topic: 'scaling', type: 'single',
    prompt: 'Each head in our model has d_k = 8. By what factor are its scores multiplied?',
    options: [
      { text: '1/8', feedback: 'That divides by d_k itself; the formula divides by its square root.' },
      { text: '1/√8 ≈ 0.354', correct: true, feedback: 'Right: the math panel shows this factor as × 0.354.' },
      { text: '√8 ≈ 2.83', feedback: 'That would make the scores larger, the opposite of the aim.' },
      { text: '1, scaling only applies to large models', feedback: 'The formula applies at every size; the toggle in the widget lets you switch it off to compare.' },
    ],
    explanation: 'softmax(QKᵀ/√d_k): with d_k = 8 the factor is 1/√8 ≈ 0.354.',
  },
  {
    id: 'no-scale-effect', topic: 'scaling', type: 'single',
    prompt: 'In the widget, you switch off "Divide by √d_k". What happens to the rows of weights?',
    options: [
      { text: 'They get flatter: every key gets about the same weight', feedback: 'Larger scores do the opposite.' },
      { text: 'They get sharper: the top key takes even more of the weight', correct: true, feedback: 'Right: unscaled scores are larger, and softmax of larger numbers is more peaked.' },
      { text: 'Rows no longer sum to 1', feedback: 'Softmax still normalises every row.' },
      { text: 'Nothing changes', feedback: 'The scores change, so the weights change too.' },
    ],
    explanation: 'Bigger inputs to softmax give more extreme outputs; that is the saturation the scaling prevents.',
  },
  {
    id: 'softmax-sum', topic: 'softmax', type: 'single',
    prompt: 'After the softmax, what do the weights in one row add up to?',
    options: [
      { text: 'Exactly 1', correct: true, feedback: 'Right: softmax turns any row of scores into a distribution.' },
      { text: 'The number of words', feedback: 'That would be true of a row of ones, not of softmax weights.' },
      { text: 'It depends on the scores', feedback: 'The individual weights depend on the scores; their sum is always 1.' },
      { text: 'Zero', feedback: 'Every softmax weight is positive, so the sum cannot be zero.' },
    ],
    explanation: 'softmax(x)_j = e^{x_j} / Σ e^{x_i}: positive weights with a sum of 1. The grid shows this as the row sum 1.00.',
  },
  {
    id: 'softmax-shift', topic: 'softmax', type: 'single',
    prompt: 'You add 100 to every score in a row before the softmax. What happens to the weights?',
    options: [
      { text: 'They stay the same', correct: true, feedback: 'Right: softmax only cares about differences between scores. Implementations use this to subtract the row maximum for numerical safety.' },
      { text: 'The first key gets all the weight', feedback: 'Every score moved by the same amount, so none gained on the others.' },
      { text: 'They all become 1', feedback: 'They still have to sum to 1.' },
      { text: 'They overflow and become infinite', feedback: 'A careful implementation subtracts the row maximum first, so even huge scores are safe.' },
    ],
    explanation: 'e^{x+c} / Σ e^{x_i+c} = e^{x} / Σ e^{x_i}: the constant cancels.',
  },
  {
    id: 'weights-meaning', topic: 'softmax', type: 'single',
    prompt: 'What do attention weights represent in Attention(Q, K, V) = softmax(QKᵀ/√d_k)·V?',
    options: [
      { text: 'How much each word’s value contributes to the output for the word that is looking', correct: true, feedback: 'Right: each row is one query’s recipe for mixing the values.' },
      { text: 'The meaning of each word', feedback: 'Meanings live in the vectors; weights only say how much to take from each.' },
      { text: 'The order of the words in the sentence', feedback: 'Order comes in through position information, not through the weights themselves.' },
      { text: 'The probability that a word is misspelled', feedback: 'Nothing in the formula looks at spelling.' },
    ],
    explanation: 'Weights are how much attention a query pays to each key, used to mix the values.',
  },
  {
    id: 'weighted-sum', topic: 'weighted-sum', type: 'single',
    prompt: 'A word attends 0.75 to a value [4, 0] and 0.25 to a value [0, 8]. What is its output?',
    options: [
      { text: '[4, 8]', feedback: 'That adds the values without weighting them.' },
      { text: '[3, 2]', correct: true, feedback: 'Right: 0.75·[4, 0] + 0.25·[0, 8] = [3, 2].' },
      { text: '[1, 6]', feedback: 'The weights are swapped: 0.75 goes with [4, 0].' },
      { text: '[2, 4]', feedback: 'That is a plain average; the weights are not equal.' },
    ],
    explanation: 'The output is Σ weight × value: 0.75·[4, 0] + 0.25·[0, 8] = [3, 2].',
  },
  {
    id: 'self-vs-cross', topic: 'self-cross', type: 'single',
    prompt: 'What makes attention "cross-attention" rather than self-attention?',
    options: [
      { text: 'The queries come from one sequence and the keys and values from another', correct: true, feedback: 'Right: for example a translation’s words looking at the source sentence.' },
      { text: 'It uses more heads', feedback: 'Both kinds can have any number of heads.' },
      { text: 'It skips the softmax', feedback: 'Both use the same formula.' },
      { text: 'It only looks at the previous word', feedback: 'That describes a very narrow mask, not cross-attention.' },
    ],
    explanation: 'Self-attention: Q, K, V from one sequence. Cross-attention: Q from one, K and V from another; the grid is then n_q × n_k.',
  },
  {
    id: 'why-heads', topic: 'multi-head', type: 'single',
    prompt: 'Why do Transformers use several attention heads instead of one?',
    options: [
      { text: 'Each head can learn a different kind of link, such as pronoun → noun or verb → subject', correct: true, feedback: 'Right: several heads look at the sentence in several ways at once.' },
      { text: 'To make each row of weights sum to more than 1', feedback: 'Every head’s rows still sum to 1.' },
      { text: 'Because one head cannot handle more than ten words', feedback: 'A single head can attend over any length.' },
      { text: 'To avoid computing the softmax', feedback: 'Every head computes its own softmax.' },
    ],
    explanation: 'Each head has its own W_Q, W_K, W_V; their outputs are concatenated and mixed by W_O.',
  },
  {
    id: 'heads-dimensions', topic: 'multi-head', type: 'single',
    prompt: 'A model has d_model = 32 and 4 heads. How wide is each head’s query vector?',
    options: [
      { text: '32', feedback: 'That is the whole model width; it is split between the heads.' },
      { text: '8', correct: true, feedback: 'Right: d_k = d_model / h = 32 / 4.' },
      { text: '128', feedback: 'Heads split the width, they do not multiply it.' },
      { text: '4', feedback: 'That is the number of heads, not their width.' },
    ],
    explanation: 'd_k = d_model / h, so the heads together cost about as much as one full-width head.',
  },
  {
    id: 'soft-vs-hard', topic: 'soft-hard', type: 'single',
    prompt: 'What is the difference between soft and hard attention?',
    options: [
      { text: 'Soft attention mixes all values with weights; hard attention picks one', correct: true, feedback: 'Right: and because soft attention is smooth, it can be trained by gradient descent.' },
      { text: 'Soft attention is for short sentences, hard for long ones', feedback: 'The difference is how values are combined, not the length.' },
      { text: 'Hard attention has more heads', feedback: 'Heads are unrelated to this distinction.' },
      { text: 'There is no difference', feedback: 'One takes a weighted average, the other a single choice.' },
    ],
    explanation: 'Transformers use soft attention: a differentiable weighted average.',
  },
  {
    id: 'cost-count', topic: 'cost', type: 'single',
    prompt: 'Self-attention over 1 000 tokens computes one score per query–key pair. How many scores is that, per head?',
    options: [
      { text: '1 000', feedback: 'That is one per token; each token scores every token.' },
      { text: '2 000', feedback: 'Pairs multiply, they do not add.' },
      { text: '1 000 000', correct: true, feedback: 'Right: 1 000 × 1 000. The cost grows with N².' },
      { text: '500 500', feedback: 'That counts each unordered pair once; attention scores every ordered pair.' },
    ],
    explanation: 'N queries × N keys = N² scores: doubling the length quadruples the work.',
  },
  {
    id: 'cost-growth', topic: 'cost', type: 'single',
    prompt: 'A sentence doubles in length. Roughly how does the work of computing attention scores change?',
    options: [
      { text: 'It doubles', feedback: 'That would be linear cost; attention is quadratic.' },
      { text: 'It quadruples', correct: true, feedback: 'Right: (2N)² = 4N².' },
      { text: 'It stays the same', feedback: 'More tokens mean more pairs to score.' },
      { text: 'It grows eightfold', feedback: 'That would be cubic.' },
    ],
    explanation: 'The score matrix is N × N.',
  },
  {
    id: 'long-range', topic: 'long-range', type: 'single',
    prompt: 'Compared with a recurrent network, why does attention handle long-range links (like "it" → "animal" ten words back) well?',
    options: [
      { text: 'Every word can look at every other word directly, in one step', correct: true, feedback: 'Right: the path between any two words has length one.' },
      { text: 'It reads the sentence backwards', feedback: 'Direction is not the reason; direct access is.' },
      { text: 'It only looks at the nearest word', feedback: 'That would make long links harder, not easier.' },
      { text: 'It has no parameters', feedback: 'Attention has learned projections.' },
    ],
    explanation: 'No information has to be passed along word by word: the score between far-apart words is computed directly.',
  },
  {
    id: 'causal-mask', topic: 'causal', type: 'single',
    prompt: 'In a GPT-style model, the causal mask is on. Which words may the 4th word attend to?',
    options: [
      { text: 'All words in the sentence', feedback: 'That is an encoder without a mask.' },
      { text: 'Words 1 to 4', correct: true, feedback: 'Right: itself and everything before it, never a later word.' },
      { text: 'Only word 5', feedback: 'Looking ahead is exactly what the mask forbids.' },
      { text: 'Only word 3', feedback: 'It may look at every earlier word, not just the previous one.' },
    ],
    explanation: 'The causal mask hides the future so a model that generates text cannot peek at the answer. In the grid, everything above the diagonal is 0.',
  },
  {
    id: 'causal-why', topic: 'causal', type: 'multiple',
    prompt: 'Which are true of the causal mask?',
    options: [
      { text: 'Masked scores are set to −∞ before the softmax, so their weights are exactly 0', correct: true, feedback: 'Yes: e^−∞ = 0.' },
      { text: 'Rows still sum to 1 over the words that remain visible', correct: true, feedback: 'Yes: softmax normalises over the allowed keys.' },
      { text: 'It is needed when generating text one word at a time', correct: true, feedback: 'Yes: otherwise training would let a word see the words it must predict.' },
      { text: 'It removes the need for the √d_k scaling', feedback: 'Masking and scaling solve different problems.' },
    ],
    explanation: 'Mask, then softmax over what is left: the first word attends only to itself.',
  },
  {
    id: 'learned', topic: 'learning', type: 'single',
    prompt: 'Who decides that "it" should look at "animal"?',
    options: [
      { text: 'A programmer writes a rule for pronouns', feedback: 'No rule is written; the weights come out of training.' },
      { text: 'The model learns it by gradient descent, because attending there helps it predict well', correct: true, feedback: 'Right: our own small model found this on its own while learning to name what "it" refers to.' },
      { text: 'The softmax chooses it at random', feedback: 'Softmax is deterministic; the scores come from learned projections.' },
      { text: 'The dictionary lists it', feedback: 'Attention does not consult a dictionary.' },
    ],
    explanation: 'W_Q, W_K and W_V are trained; the attention pattern is a consequence of what helps the loss.',
  },
  {
    id: 'differentiable', topic: 'learning', type: 'single',
    prompt: 'Why can attention be trained with gradient descent at all?',
    options: [
      { text: 'Every step — dot products, scaling, softmax, weighted sum — is differentiable', correct: true, feedback: 'Right: gradients flow through the whole formula back to W_Q, W_K and W_V.' },
      { text: 'Because it uses a hard choice of one word', feedback: 'A hard choice is not differentiable; soft attention is.' },
      { text: 'It cannot; the weights are set by hand', feedback: 'They are learned.' },
      { text: 'Because the rows sum to 1', feedback: 'Normalisation does not make something differentiable by itself.' },
    ],
    explanation: 'Smooth operations all the way through make the attention pattern learnable.',
  },
];

// Each translation is its own module, fetched only by a quiz in that language: the Spanish bank
// is 4 KB gzipped that an English lesson page would otherwise load before its first grid.
const TRANSLATIONS = { es: () => import('./bank_es.js').then((module) => module.SPANISH_QUESTIONS) };

/**
 * The built-in questions in a language (a promise): the English ones with their words replaced by
 * the translation's, option by option (which option is correct, topics and types stay); English
 * for a locale without a translation.
 * @param {string} locale 'en' or 'es' (strings.js's locale)
 */
export async function builtInQuestions(locale) {
  const load = TRANSLATIONS[locale];
  if (!load) return BUILT_IN_QUESTIONS;
  const translation = await load();
  return BUILT_IN_QUESTIONS.map((question) => {
    const words = translation[question.id];
    if (!words) return question;
    return {
      ...question,
      prompt: words.prompt,
      explanation: words.explanation,
      options: question.options.map((option, o) => ({ ...option, text: words.options[o][0], feedback: words.options[o][1] })),
    };
  });
}
