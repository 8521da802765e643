// The SPA's import layers (opsLayers.js) through the workspace's own lint configuration: each kind
// of crossing is caught, static or dynamic, by alias or relative path (`pnpm run lint` keeps the
// tree itself clean).
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const repoRoot = `${resolve(import.meta.dirname, '../../..')}/`;
const eslint = new ESLint({ cwd: repoRoot, ruleFilter: ({ ruleId }) => ruleId === 'ops/layers' || ruleId === 'max-lines' });

/** Lints these lines as a file of apps/ops/src: `line:rule` for each problem. */
async function problems(file: string, lines: string[]): Promise<string[]> {
  const [result] = await eslint.lintText(`${lines.join('\n')}\n`, { filePath: `${repoRoot}apps/ops/src/${file}` });
  return (result?.messages ?? []).map((m) => `${m.line}:${m.ruleId}`);
}

/** The lines numbers the rule reports when `file` imports each of `allowed` then each of `refused`,
 * every one statically (`import * as`), as a re-export and dynamically (`import()`). */
async function refusedLines(file: string, allowed: string[], refused: string[]): Promise<number[]> {
  const forms = (specifier: string, i: number) => [
    `import * as m${i} from '${specifier}';`,
    `export * from '${specifier}';`,
    `export const d${i} = () => import('${specifier}'), s${i} = m${i};`,
  ];
  const lines = [...allowed, ...refused].flatMap(forms);
  const found = await problems(file, lines);
  expect(found.every((p) => p.endsWith(':ops/layers')), found.join(' ')).toBe(true);
  return found.map((p) => Number(p.split(':')[0]));
}
/** Where refusals are expected: every form of every refused specifier, none of the allowed. */
const expected = (allowed: number, refused: number) => Array.from({ length: refused * 3 }, (_, i) => allowed * 3 + i + 1);

describe('SPA import layers', () => {
  it('a feature: its own files, shared/, packages and the i18n service — never another feature or the app', async () => {
    const allowed = ['vue-i18n', '@gigafibre/contracts', '@/shared/session/useCan', '@/i18n', '@/i18n/labels', '../model/dispatchJobSet', '@/features/dispatch/api/dispatchApi'];
    const refused = ['@/features/clients/model/highlight', '../../scan/model/scanQueueRecord', '@/router/routes', '@/layouts/ShellLayout.vue', '../../../boot/http', '@/i18n/fr-CA'];
    expect(await refusedLines('features/dispatch/composables/useProbe.ts', allowed, refused)).toEqual(expected(allowed.length, refused.length));
  });

  it('shared/ stays on the floor: shared/ only, no feature, no app layer', async () => {
    const allowed = ['vue', '../session/useCan', '@/shared/http'];
    const refused = ['@/router/routes', '../../i18n', '@/features/scan/pages/ScanPage.vue', '../../features/users/model/usersFilter'];
    expect(await refusedLines('shared/ui/probe.ts', allowed, refused)).toEqual(expected(allowed.length, refused.length));
  });

  it('the app plugs features in, but nothing in the SPA imports the BFF or the standin', async () => {
    const allowed = ['@/features/scan/services/startScanQueue', '../layouts/ShellLayout.vue', '@gigafibre/capabilities'];
    const refused = ['@gigafibre/bff/src/config', '../../../standin/src/seed', '../../../bff/src/policy', '@gigafibre/standin'];
    expect(await refusedLines('router/probe.ts', allowed, refused)).toEqual(expected(allowed.length, refused.length));
  });

  it('refuses a file past 350 lines, in any app of the workspace', async () => {
    const long = Array.from({ length: 351 }, (_, i) => `export const v${i} = ${i};`);
    expect(await problems('shared/format/probe.ts', long)).toEqual(['351:max-lines']);
    const [bff] = await eslint.lintText(`${long.join('\n')}\n`, { filePath: `${repoRoot}apps/bff/src/probe.ts` });
    expect(bff?.messages.map((m) => m.ruleId)).toEqual(['max-lines']);
  });
});
