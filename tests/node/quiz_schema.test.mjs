// web/attention-quiz.schema.json, the JSON Schema authors' editors use for a quiz's questions:
// the built-in bank (both languages) and every JSON quiz in the pages, examples and docs pass it,
// and it refuses what the element refuses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

import { builtInQuestions } from '../../web/src/quiz/bank.js';
import { validateQuestions } from '../../web/src/quiz/schema.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const schema = JSON.parse(readFileSync(join(ROOT, 'web', 'attention-quiz.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true }).compile(schema);
const problems = () => (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`).join('; ');

// Every <script type="application/json"> inside an <attention-quiz> of these files.
const SOURCES = ['web/index.html', 'docs/quiz.md', 'docs/embedding.md', 'README.md',
  ...readdirSync(join(ROOT, 'examples'), { recursive: true }).filter((path) => path.endsWith('.html')).map((path) => `examples/${path}`)];
const authored = SOURCES.flatMap((path) => [...readFileSync(join(ROOT, path), 'utf8')
  .matchAll(/<attention-quiz[^>]*>[\s\S]*?<script type="application\/json">([\s\S]*?)<\/script>/g)]
  .map((match, i) => ({ name: `${path} #${i + 1}`, questions: JSON.parse(match[1]) })));

test('the built-in questions pass the schema, in English and in Spanish', async () => {
  for (const locale of ['en', 'es']) {
    const questions = await builtInQuestions(locale);
    assert.ok(validate(questions), `${locale}: ${problems()}`);
    assert.ok(validate({ questions }), `${locale}, as { questions }: ${problems()}`);
  }
});

test('every JSON quiz in the pages, examples and docs passes the schema', () => {
  assert.ok(authored.length >= 3, `found ${authored.map((a) => a.name).join(', ')}`);
  for (const { name, questions } of authored) assert.ok(validate(questions), `${name}: ${problems()}`);
});

test('the schema refuses what the element refuses', () => {
  const good = { id: 'q', prompt: 'Which?', options: [{ text: 'a', correct: true }, { text: 'b' }] };
  const cases = {
    'no id': { ...good, id: undefined },
    'an empty prompt': { ...good, prompt: '  ' },
    'one option': { ...good, options: [{ text: 'a', correct: true }] },
    'nine options': { ...good, options: Array.from({ length: 9 }, (_, i) => ({ text: `o${i}`, correct: i === 0 })) },
    'single with two correct': { ...good, options: [{ text: 'a', correct: true }, { text: 'b', correct: true }] },
    'single with none correct': { ...good, options: [{ text: 'a' }, { text: 'b' }] },
    'multiple with none correct': { ...good, type: 'multiple', options: [{ text: 'a' }, { text: 'b' }] },
    'a bad type': { ...good, type: 'several' },
    '"correct": "yes"': { ...good, options: [{ text: 'a', correct: 'yes' }, { text: 'b', correct: true }] },
    'live with options': { ...good, live: { lens: 'grid', word: 'it' } },
    'live without a word': { id: 'q', prompt: 'Which?', live: { lens: 'grid' } },
    'live head 0': { id: 'q', prompt: 'Which?', live: { lens: 'grid', word: 'it', head: 0 } },
    'neither options nor live': { id: 'q', prompt: 'Which?' },
    'goal with options': { ...good, goal: { sandbox: 'sb', query: 'it', key: 'cat', atLeast: 0.8 } },
    'goal and live': { id: 'q', prompt: 'Move', live: { lens: 'grid', word: 'it' }, goal: { sandbox: 'sb', query: 'it', key: 'cat', atLeast: 0.8 } },
    'goal with both bounds': { id: 'q', prompt: 'Move', goal: { sandbox: 'sb', query: 'it', key: 'cat', atLeast: 0.2, atMost: 0.8 } },
    'goal with no bound': { id: 'q', prompt: 'Move', goal: { sandbox: 'sb', query: 'it', key: 'cat' } },
    'goal atLeast 1.5': { id: 'q', prompt: 'Move', goal: { sandbox: 'sb', query: 'it', key: 'cat', atLeast: 1.5 } },
    'goal atMost "0.1"': { id: 'q', prompt: 'Move', goal: { sandbox: 'sb', query: 'it', key: 'cat', atMost: '0.1' } },
    'goal without a key': { id: 'q', prompt: 'Move', goal: { sandbox: 'sb', query: 'it', atLeast: 0.8 } },
    'goal without a sandbox': { id: 'q', prompt: 'Move', goal: { query: 'it', key: 'cat', atLeast: 0.8 } },
    'goal of type multiple': { id: 'q', type: 'multiple', prompt: 'Move', goal: { sandbox: 'sb', query: 'it', key: 'cat', atLeast: 0.8 } },
    'goal as a list': { id: 'q', prompt: 'Move', goal: ['sb', 'it', 'cat'] },
  };
  for (const [name, question] of Object.entries(cases)) {
    const json = JSON.parse(JSON.stringify([question]));
    assert.notDeepEqual(validateQuestions(json).errors, [], `${name}: the element refuses it`);
    assert.equal(validate(json), false, `${name}: the schema should refuse it`);
  }
  const fine = [good, { ...good, id: 'm', type: 'multiple', options: [{ text: 'a', correct: true }, { text: 'b', correct: true }] },
    { id: 'l', prompt: 'Which?', live: { lens: 'grid', word: 'it', layer: 2, head: 'average' } },
    { id: 'g', prompt: 'Move', goal: { sandbox: 'sb', query: 'it', key: 'cat', atLeast: 0.8 } },
    { id: 'h', type: 'single', prompt: 'Move', goal: { sandbox: 'sb', query: 'it', key: 'cat', atMost: 0.05 } }];
  assert.deepEqual(validateQuestions(fine).errors, []);
  assert.ok(validate(fine), problems());
});
