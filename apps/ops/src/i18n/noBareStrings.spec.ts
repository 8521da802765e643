// @vitest-environment node
/// <reference types="node" />
// Fails on hard-coded UI text in any template of the app, with the same rule and options the lint
// uses (vue/no-bare-strings-in-template, extended to Quasar's text props).
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const repoRoot = `${resolve(import.meta.dirname, '../../../..')}/`;

async function lint(files: string[] | string, text?: string) {
  const eslint = new ESLint({
    cwd: repoRoot,
    overrideConfig: {
      // Only the one rule: this test is about user-visible text, not style.
      rules: {},
    },
    ruleFilter: ({ ruleId }) => ruleId === 'vue/no-bare-strings-in-template',
  });
  return text === undefined
    ? eslint.lintFiles(files)
    : eslint.lintText(text, { filePath: `${repoRoot}apps/ops/src/features/probe/ProbePage.vue` });
}

describe('no hard-coded UI text in templates', () => {
  it('finds none in apps/ops/src', async () => {
    const results = await lint(['apps/ops/src/**/*.vue']);
    expect(results.length).toBeGreaterThan(20);
    const problems = results.flatMap((r) => r.messages.map((m) => `${r.filePath.replace(repoRoot, '')}:${m.line} ${m.message}`));
    expect(problems).toEqual([]);
  }, 60_000); // parses every template of the app: ~3 s alone, far more when CI's 2 cores are busy

  it('would catch text in elements and in Quasar labels', async () => {
    const [result] = await lint([], '<template><div><p>Bonjour</p><q-btn label="Enregistrer" /><q-input hint="Obligatoire" /></div></template>\n');
    expect(result?.messages.map((m) => m.ruleId)).toEqual([
      'vue/no-bare-strings-in-template',
      'vue/no-bare-strings-in-template',
      'vue/no-bare-strings-in-template',
    ]);
  });
});
