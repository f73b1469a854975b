// dist/custom-elements.json: the Custom Elements Manifest (schema 2.x) of <attention-lens>,
// <attention-quiz> and <attention-sandbox>, for authors' editors and tools (VS Code's custom data, Storybook, linters).
// Generated from the JSDoc on the element classes by @custom-elements-manifest/analyzer
// (its programmatic API, so nothing else in the tree is read or rewritten), then pointed at the
// files the package ships: the elements are declared in web/src/, but a page or a bundler
// imports them from the package's entry scripts, which export the classes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { create, ts } from '@custom-elements-manifest/analyzer';

/** Declared in (under web/) → the package's file that exports it. */
export const ELEMENT_MODULES = {
  'src/attention_lens_element.js': 'attention-lens.js',
  'src/quiz/attention_quiz_element.js': 'attention-quiz.js',
  'src/sandbox/attention_sandbox_element.js': 'attention-sandbox.js',
};

/** The manifest as an object, from the sources under `webFolder`. */
export function customElementsManifest(webFolder) {
  const modules = Object.keys(ELEMENT_MODULES).map((path) =>
    ts.createSourceFile(path, readFileSync(join(webFolder, path), 'utf8'), ts.ScriptTarget.ES2022, true));
  const manifest = create({ modules });
  for (const module of manifest.modules) {
    const shipped = ELEMENT_MODULES[module.path];
    if (!shipped) throw new Error(`custom-elements.json: unexpected module ${module.path}`);
    module.path = shipped;
    // Only what the module exports (the analyzer also lists some local variables), and of the
    // classes only their interface: private fields and methods (#…) are the element's inside.
    const exported = new Set((module.exports ?? []).map((entry) => entry.name));
    module.declarations = (module.declarations ?? []).filter((declaration) => exported.has(declaration.name));
    for (const declaration of module.declarations) {
      if (declaration.members) declaration.members = declaration.members.filter((member) => member.privacy !== 'private');
      // The entry script defines the tag (customElements.define with a variable, which the
      // analyzer cannot follow): said here the way the analyzer says it for a literal define.
      if (declaration.customElement && declaration.tagName) {
        module.exports.push({ kind: 'custom-element-definition', name: declaration.tagName, declaration: { name: declaration.name, module: shipped } });
      }
    }
    for (const entry of module.exports ?? []) {
      if (entry.declaration?.module) entry.declaration.module = shipped;
    }
  }
  return manifest;
}
