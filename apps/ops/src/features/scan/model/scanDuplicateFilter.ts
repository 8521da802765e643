// Continuous scanning reads the same code many times a second while it stays in view: take it
// once, and again only after it has been out of view for a while.

export interface DuplicateFilter {
  /** True when `code` should be taken now (first sight, or back after `forgetAfterMs` unseen). */
  accept(code: string, now: number): boolean;
  reset(): void;
}

export function createDuplicateFilter(forgetAfterMs = 2_000): DuplicateFilter {
  const lastSeen = new Map<string, number>();
  return {
    accept(code, now) {
      const previous = lastSeen.get(code);
      lastSeen.set(code, now);
      return previous === undefined || now - previous > forgetAfterMs;
    },
    reset: () => lastSeen.clear(),
  };
}
