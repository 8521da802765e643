// Where « now » comes from. Production reads the system clock; the standin and the e2e suite can
// run on a clock that starts at a chosen Montréal moment and runs at real pace from there, so a
// test written for 10:00 sees 10:00 whatever the real hour (issue 23).
import { isIsoDate, montrealInstant } from './montrealTime';

/** A source of the current instant, in ms since the epoch. */
export type Clock = () => number;

/** The machine's clock. */
export const systemClock: Clock = () => Date.now();

/** A clock that reads `startAtMs` now and advances with `real` from there. */
export function clockStartingAt(startAtMs: number, real: Clock = systemClock): Clock {
  const offset = startAtMs - real();
  return () => real() + offset;
}

/**
 * The clock a setting describes: `<moment>` reads that moment now and runs at real pace;
 * `<moment>@<epoch ms>` read that moment at that real instant (so several processes started a few
 * seconds apart share one clock: the stack resolves the setting once and hands it to each).
 */
export function clockFromSetting(value: string, real: Clock = systemClock): Clock {
  const at = value.lastIndexOf('@');
  if (at < 0) return clockStartingAt(parseClockSetting(value), real);
  const moment = parseClockSetting(value.slice(0, at));
  const realMs = Number(value.slice(at + 1));
  if (!Number.isSafeInteger(realMs) || realMs <= 0) throw new Error(`heure invalide : « ${value} » (après « @ », un instant réel en ms attendu)`);
  const offset = moment - realMs;
  return () => real() + offset;
}

/** `setting` tied to the real instant `realMs`, for processes that must share one clock. */
export function anchorClockSetting(setting: string, realMs: number = Date.now()): string {
  return setting.includes('@') ? setting : `${setting}@${realMs}`;
}

const WALL = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Reads a clock setting: a Montréal wall time `YYYY-MM-DDTHH:mm[:ss]` (no zone: the common case,
 * e.g. `2026-03-08T23:30`), or an ISO 8601 instant with `Z` or an offset. Throws a French message.
 */
export function parseClockSetting(value: string): number {
  const text = value.trim();
  const wall = WALL.exec(text);
  if (wall) {
    const [, date, h, m, s = '0'] = wall as unknown as [string, string, string, string, string?];
    if (!isIsoDate(date) || Number(h) > 23 || Number(m) > 59 || Number(s) > 59) throw new Error(`heure invalide : « ${value} »`);
    return montrealInstant(date, Number(h) * 60 + Number(m)) + Number(s) * 1000;
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) {
    const ms = Date.parse(text);
    if (!Number.isNaN(ms)) return ms;
  }
  throw new Error(`heure invalide : « ${value} » (attendu AAAA-MM-JJTHH:MM, heure de Montréal, ou un instant ISO 8601 avec fuseau)`);
}
