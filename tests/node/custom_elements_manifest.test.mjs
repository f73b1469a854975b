// dist/custom-elements.json (build_scripts/packaging/custom_elements_manifest.mjs) says what the
// elements really are: every attribute they observe, every event and custom property the docs
// and styles name, their public members, and the package file that defines each tag.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ELEMENT_MODULES, customElementsManifest } from '../../build_scripts/packaging/custom_elements_manifest.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WEB = join(ROOT, 'web');
const manifest = customElementsManifest(WEB);
const read = (path) => readFileSync(join(ROOT, path), 'utf8');

const ELEMENTS = {
  'attention-lens': { source: 'web/src/attention_lens_element.js', doc: 'docs/element.md', css: 'web/styles/attention-lens.css', members: ['ready', 'analysis', 'exportSvg', 'exportPng'] },
  'attention-quiz': { source: 'web/src/quiz/attention_quiz_element.js', doc: 'docs/quiz.md', css: 'web/styles/attention-quiz.css', members: ['ready', 'score'] },
  'attention-sandbox': { source: 'web/src/sandbox/attention_sandbox_element.js', doc: 'docs/sandbox.md', css: 'web/styles/attention-sandbox.css', members: ['ready', 'trace', 'vectors', 'words', 'focusIndex', 'setVector', 'applyPreset'] },
};

const declarationOf = (tag) => manifest.modules.flatMap((module) => module.declarations.map((d) => ({ module, d })))
  .find(({ d }) => d.tagName === tag);

test('the manifest has a schema version and declares both tags, each defined by the package file that exports it', () => {
  assert.match(manifest.schemaVersion, /^\d+\.\d+\.\d+$/);
  for (const tag of Object.keys(ELEMENTS)) {
    const { module, d } = declarationOf(tag);
    assert.equal(d.kind, 'class');
    assert.equal(d.customElement, true);
    assert.ok(Object.values(ELEMENT_MODULES).includes(module.path));
    assert.ok(existsSync(join(WEB, module.path)), `${module.path} is a file of the package`);
    assert.match(read(`web/${module.path}`), new RegExp(`export \\{ ${d.name} \\}`), `${module.path} exports ${d.name}`);
    assert.deepEqual(module.exports.find((e) => e.kind === 'custom-element-definition'), { kind: 'custom-element-definition', name: tag, declaration: { name: d.name, module: module.path } });
    assert.ok(d.summary && d.description, `${tag} has a summary and a description`);
  }
});

test('every attribute an element observes is in the manifest with a description, and no other', () => {
  for (const [tag, { source }] of Object.entries(ELEMENTS)) {
    const observed = read(source).match(/static get observedAttributes\(\) \{\s*return \[([^\]]*)\]/)[1]
      .match(/'[^']+'/g).map((name) => name.slice(1, -1));
    const { d } = declarationOf(tag);
    assert.deepEqual(d.attributes.map((a) => a.name).sort(), [...observed].sort(), tag);
    for (const attribute of d.attributes) assert.ok(attribute.description, `${tag} ${attribute.name} is described`);
  }
});

test('every event the docs name is in the manifest, and every event in it is in the docs', () => {
  for (const [tag, { doc }] of Object.entries(ELEMENTS)) {
    // The docs name an event as `name` followed by "a bubbling, composed `CustomEvent`".
    const documented = [...read(doc).matchAll(/`([a-z]+)`(?: \([^)]*\))?: a bubbling, composed `CustomEvent`/g)].map((m) => m[1]);
    assert.ok(documented.length >= 1, `${doc} names its events`);
    const { d } = declarationOf(tag);
    assert.deepEqual(d.events.map((e) => e.name).sort(), [...documented].sort(), tag);
  }
});

test('every custom property the styles declare on :host is in the manifest, and the lens names its grid part', () => {
  for (const [tag, { css }] of Object.entries(ELEMENTS)) {
    const firstHost = read(css).match(/:host \{([^}]*)\}/)[1];
    const declared = [...firstHost.matchAll(/(--[a-z-]+):/g)].map((m) => m[1]);
    assert.ok(declared.length >= 5);
    const { d } = declarationOf(tag);
    assert.deepEqual(d.cssProperties.map((p) => p.name).sort(), [...declared].sort(), tag);
  }
  assert.deepEqual(declarationOf('attention-lens').d.cssParts.map((p) => p.name), ['grid']);
  assert.match(read('web/src/attention_lens_element.js'), /setAttribute\('part', 'grid'\)/);
});

test('public members are listed and private ones are not', () => {
  for (const [tag, { members }] of Object.entries(ELEMENTS)) {
    const names = declarationOf(tag).d.members.map((m) => m.name);
    for (const name of members) assert.ok(names.includes(name), `${tag} lists ${name}`);
    assert.deepEqual(names.filter((name) => name.startsWith('#')), [], `${tag} hides its private members`);
  }
});
