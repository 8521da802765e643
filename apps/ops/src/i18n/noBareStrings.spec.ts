// @vitest-environment node
/// <reference types="node" />
// The lint's rule against hard-coded UI text (vue/no-bare-strings-in-template, extended to Quasar's
// text props) catches what it must. The app's templates themselves are held to it by `pnpm run lint`
// (`--max-warnings=0` on the whole tree, a step of `npm test`); linting them all again here took the
// unit tests up to 40 s on a busy two-core machine.
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const repoRoot = `${resolve(import.meta.dirname, '../../../..')}/`;

async function lint(text: string) {
  const eslint = new ESLint({
    cwd: repoRoot,
    overrideConfig: {
      // Only the one rule: this test is about user-visible text, not style.
      rules: {},
    },
    ruleFilter: ({ ruleId }) => ruleId === 'vue/no-bare-strings-in-template',
  });
  return eslint.lintText(text, { filePath: `${repoRoot}apps/ops/src/features/probe/ProbePage.vue` });
}

describe('the lint rule against hard-coded UI text in templates', () => {
  it('would catch text in elements and in Quasar labels', async () => {
    const [result] = await lint('<template><div><p>Bonjour</p><q-btn label="Enregistrer" /><q-input hint="Obligatoire" /></div></template>\n');
    expect(result?.messages.map((m) => m.ruleId)).toEqual([
      'vue/no-bare-strings-in-template',
      'vue/no-bare-strings-in-template',
      'vue/no-bare-strings-in-template',
    ]);
  });
});
