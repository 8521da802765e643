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

describe('SPA import layers', () => {
  it('stops a feature importing another feature, statically or dynamically', async () => {
    const lines = [
      "import { highlightSegments } from '@/features/clients/model/highlight';",
      "import type { ScanQueueRecord } from '../../scan/model/scanQueueRecord';",
      "export { mapUrl } from '@/features/clients/model/mapLink';",
      "export const later = () => import('@/features/users/messages');",
      'export const both = [highlightSegments, {} as ScanQueueRecord];',
    ];
    expect(await problems('features/dispatch/model/probe.ts', lines)).toEqual(['1:ops/layers', '2:ops/layers', '3:ops/layers', '4:ops/layers']);
  });

  it('lets a feature use its own files, shared/, packages and the i18n service', async () => {
    const lines = [
      "import { useI18n } from 'vue-i18n';",
      "import type { DispatchJob } from '@gigafibre/contracts';",
      "import { useCan } from '@/shared/session/useCan';",
      "import { loadFeatureMessages } from '@/i18n';",
      "import { groupLabel } from '@/i18n/labels';",
      "import { jobSet } from '../model/dispatchJobSet';",
      "import api from '@/features/dispatch/api/dispatchApi';",
      'export const all = [useI18n, {} as DispatchJob, useCan, loadFeatureMessages, groupLabel, jobSet, api];',
    ];
    expect(await problems('features/dispatch/composables/useProbe.ts', lines)).toEqual([]);
  });

  it('stops a feature reaching up to the router, the shell, boot or the shell messages', async () => {
    const lines = [
      "import { routes } from '@/router/routes';",
      "import ShellLayout from '@/layouts/ShellLayout.vue';",
      "import { bootHttp } from '../../../boot/http';",
      "import frCA from '@/i18n/fr-CA';",
      'export const all = [routes, ShellLayout, bootHttp, frCA];',
    ];
    expect(await problems('features/scan/services/probe.ts', lines)).toEqual(['1:ops/layers', '2:ops/layers', '3:ops/layers', '4:ops/layers']);
  });

  it('keeps shared/ on the floor: no feature, no app layer', async () => {
    const lines = [
      "import { useCan } from '../session/useCan';",
      "import { routes } from '@/router/routes';",
      "import { i18n } from '../../i18n';",
      "export const later = () => import('@/features/scan/pages/ScanPage.vue');",
      'export const all = [useCan, routes, i18n];',
    ];
    expect(await problems('shared/ui/probe.ts', lines)).toEqual(['2:ops/layers', '3:ops/layers', '4:ops/layers']);
  });

  it('never lets the SPA import the BFF or the standin', async () => {
    const lines = [
      "import { loadConfig } from '@gigafibre/bff/src/config';",
      "import { seed } from '../../../standin/src/seed';",
      "import { policy } from '../../../bff/src/policy';",
      'export const all = [loadConfig, seed, policy];',
    ];
    expect(await problems('router/probe.ts', lines)).toEqual(['1:ops/layers', '2:ops/layers', '3:ops/layers']);
  });

  it('refuses a file past 350 lines, in any app of the workspace', async () => {
    const long = Array.from({ length: 351 }, (_, i) => `export const v${i} = ${i};`);
    expect(await problems('shared/format/probe.ts', long)).toEqual(['351:max-lines']);
    const [bff] = await eslint.lintText(`${long.join('\n')}\n`, { filePath: `${repoRoot}apps/bff/src/probe.ts` });
    expect(bff?.messages.map((m) => m.ruleId)).toEqual(['max-lines']);
  });
});
