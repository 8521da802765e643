// Timing marks in production code, in one place. Benches (bench/dispatch-board.ts) and e2e tests
// (diagnostics) read these entries from the browser's Performance timeline; the app itself only
// shows one of them (the diagnostics panel's « rendu en … ms »). Every name the app writes is listed
// here, so a bench imports the same constant the app marks with and a rename cannot silently leave
// a bench waiting for an entry that never comes.
//
// Why it never throws: `performance.measure` throws when its start mark is missing (cleared, or a
// second render without a first); a figure for a bench must never break a dispatcher's drop.

/** Every mark and measure the app writes, by screen. */
export const TIMING = {
  dispatch: {
    /** The day's data arrived (first load of the board only). */
    dataReady: 'dispatch:data-ready',
    /** The board is in the DOM (first load only). */
    rendered: 'dispatch:rendered',
    /** Measure dataReady → rendered: bench dispatch-board's first render. */
    firstRender: 'dispatch:first-render',
    /** A drop (or keyboard assign) is handled: the write starts. */
    writeStart: 'dispatch:write-start',
    /** ERPNext's answer is on the board. */
    persisted: 'dispatch:persisted',
    /** Measure writeStart → persisted: bench dispatch-board's drop to persisted. */
    dropToPersisted: 'dispatch:drop-to-persisted',
  },
  diagnostics: {
    lookupStart: 'diagnostics:lookup-start',
    lookupAnswer: 'diagnostics:lookup-answer',
    /** Measure lookupStart → painted panel (the figure the page shows and e2e budgets). */
    lookupToRender: 'diagnostics:lookup-to-render',
    /** Measure lookupStart → lookupAnswer. */
    lookupNetwork: 'diagnostics:lookup-network',
    /** Measure lookupAnswer → painted panel. */
    answerToRender: 'diagnostics:answer-to-render',
  },
} as const;

type Names<T> = { [K in keyof T]: T[K] }[keyof T];
/** One of the names above. */
export type TimingName = Names<{ [S in keyof typeof TIMING]: Names<(typeof TIMING)[S]> }>;

function timeline(): typeof performance | undefined {
  return typeof performance === 'object' && typeof performance.mark === 'function' ? performance : undefined;
}

/** Marks this moment (`detail`: e.g. the job's name, visible to whoever reads the timeline). */
export function markTiming(name: TimingName, detail?: string): void {
  try {
    timeline()?.mark(name, detail === undefined ? undefined : { detail });
  } catch {
    // instrumentation only: see the header
  }
}

/**
 * Measures from the mark `start` to the mark `end` (or to now) under `name`; the duration in ms,
 * or null when it could not be measured (a missing mark).
 */
export function measureTiming(name: TimingName, start: TimingName, end?: TimingName, detail?: string): number | null {
  try {
    return timeline()?.measure(name, { start, ...(end !== undefined && { end }), ...(detail !== undefined && { detail }) }).duration ?? null;
  } catch {
    return null;
  }
}

/** Removes earlier entries of these names (a screen used all day must not pile them up). */
export function clearTiming(...names: TimingName[]): void {
  const perf = timeline();
  if (!perf) return;
  for (const name of names) {
    perf.clearMarks(name);
    perf.clearMeasures(name);
  }
}
