// The script a lesson page includes for quick checks:
//   <script type="module" src=".../attention-quiz.js"></script>
//   <attention-quiz bank="scaling"></attention-quiz>
import { AttentionQuizElement } from './src/quiz/attention_quiz_element.js';

export { AttentionQuizElement };

export function defineAttentionQuiz(tagName = 'attention-quiz') {
  if (!customElements.get(tagName)) customElements.define(tagName, AttentionQuizElement);
}

defineAttentionQuiz();
