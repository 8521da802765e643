// What every bench shares: percentiles, the one-line JSON result, and the smoke mode.

/**
 * BENCH_SMOKE=1: small sizes, a few seconds, figures printed but not judged (`npm test` runs every
 * bench this way, bench/smoke.ts, so a bench that no longer runs fails CI). An error still fails.
 */
export const SMOKE = process.env.BENCH_SMOKE === '1';

/** `full` normally, `smoke` under BENCH_SMOKE=1: a bench's size (requests, rows, seconds). */
export function size(full: number, smoke: number): number {
  return SMOKE ? smoke : full;
}

/** The p-th percentile (0–100) of `values` (nearest rank); NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/** Rounds to `digits` decimals for a readable report. */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * Prints the bench's result as its last line and sets the exit code from `pass` (in smoke mode the
 * figures are not judged: `pass` is printed as `target_met` and the exit code is 0).
 * Figures carry their unit in their name (`p95_ms`, `rss_mb`).
 */
export function report(bench: string, figures: Record<string, number | string | boolean>, pass: boolean): void {
  if (SMOKE) {
    console.log(JSON.stringify({ bench, smoke: true, ...figures, target_met: pass, pass: true }));
    process.exitCode = 0;
    return;
  }
  console.log(JSON.stringify({ bench, ...figures, pass }));
  process.exitCode = pass ? 0 : 1;
}

/** The bench could not run: one JSON line saying why, and a failure in every mode. */
export function reportError(bench: string, error: unknown): void {
  console.error(error);
  console.log(JSON.stringify({ bench, ...(SMOKE && { smoke: true }), error: error instanceof Error ? error.message : String(error), pass: false }));
  process.exitCode = 2;
}
