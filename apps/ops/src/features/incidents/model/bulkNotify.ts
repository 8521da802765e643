// The bulk outage text, as pure rules: who gets it (each affected client once, with a textable
// mobile), in which language, and a run's progress that survives the page closing.
import { OUTAGE_SMS, outageNotifyKey, toE164, type AffectedCustomer } from '@gigafibre/contracts';

export interface NotifyTarget {
  customer: string;
  to: string;
  body: string;
  key: string;
}

/** What a run has done so far, by client (stored: a closed page resumes where it stopped). */
export interface NotifyProgress {
  incident: string;
  total: number;
  sent: string[];
  optedOut: string[];
  failed: string[];
}

/** The text in the client's language (English for `en…`, French otherwise). */
export function outageText(language: string | null): string {
  return OUTAGE_SMS[language?.toLowerCase().startsWith('en') ? 'en-CA' : 'fr-CA'];
}

/** Each affected client once (several addresses, one text), those without a textable mobile left out. */
export function notifyTargets(incident: string, rows: readonly AffectedCustomer[]): { targets: NotifyTarget[]; noMobile: number } {
  const seen = new Set<string>();
  const targets: NotifyTarget[] = [];
  let noMobile = 0;
  for (const row of rows) {
    if (seen.has(row.customer)) continue;
    seen.add(row.customer);
    const to = toE164(row.mobile_no ?? '');
    if (!to) {
      noMobile++;
      continue;
    }
    targets.push({ customer: row.customer, to, body: outageText(row.language), key: outageNotifyKey(incident, row.customer) });
  }
  return { targets, noMobile };
}

/** A fresh run. */
export function startProgress(incident: string, total: number): NotifyProgress {
  return { incident, total, sent: [], optedOut: [], failed: [] };
}

/** The targets a run still has to send (a failure is tried again on resume). */
export function remaining(targets: readonly NotifyTarget[], progress: NotifyProgress): NotifyTarget[] {
  const done = new Set([...progress.sent, ...progress.optedOut]);
  return targets.filter((t) => !done.has(t.customer));
}

/** Records one client's outcome (a retried failure moves out of `failed`). */
export function record(progress: NotifyProgress, customer: string, outcome: 'sent' | 'optedOut' | 'failed'): NotifyProgress {
  const failed = progress.failed.filter((c) => c !== customer);
  if (outcome === 'failed') return { ...progress, failed: [...failed, customer] };
  return { ...progress, failed, [outcome]: [...progress[outcome], customer] };
}

/** Share of the run done (0–1). */
export function fraction(progress: NotifyProgress): number {
  return progress.total === 0 ? 1 : Math.min(1, (progress.sent.length + progress.optedOut.length + progress.failed.length) / progress.total);
}

/** Reads a stored progress; null when absent or not of this shape. */
export function parseProgress(raw: string | null, incident: string): NotifyProgress | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<NotifyProgress>;
    const list = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');
    if (v.incident !== incident || typeof v.total !== 'number' || !list(v.sent) || !list(v.optedOut) || !list(v.failed)) return null;
    return { incident, total: v.total, sent: v.sent, optedOut: v.optedOut, failed: v.failed };
  } catch {
    return null;
  }
}
