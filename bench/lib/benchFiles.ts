// Which files of bench/ are benches: every `bench/<name>.ts` but the runners (and `_draft.ts`).
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const benchDir = fileURLToPath(new URL('..', import.meta.url));

/** Files of bench/ that run benches rather than being one. */
const RUNNERS = ['run.ts', 'smoke.ts', 'smokeList.ts'];

/** The benches' names, sorted: `pnpm bench <name>` runs bench/<name>.ts. */
export function benchNames(dir = benchDir): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !RUNNERS.includes(f) && !f.startsWith('_'))
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();
}
