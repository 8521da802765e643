// What every bench shares: percentiles and the one-line JSON result.

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
 * Prints the bench's result as its last line and sets the exit code from `pass`.
 * Figures carry their unit in their name (`p95_ms`, `rss_mb`).
 */
export function report(bench: string, figures: Record<string, number | string | boolean>, pass: boolean): void {
  console.log(JSON.stringify({ bench, ...figures, pass }));
  process.exitCode = pass ? 0 : 1;
}
