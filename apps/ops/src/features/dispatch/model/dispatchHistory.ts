// A job's history from Frappe's Version documents (`data`: `{"changed": [[field, old, new], …]}`),
// as entries a dispatcher reads: who, when, what changed.

export interface HistoryChange {
  field: string;
  from: string | null;
  to: string | null;
}

export interface HistoryEntry {
  name: string;
  by: string;
  at: string;
  /** The status after this change, when the change set one (for the timeline's dot colour). */
  status: string | null;
  changes: HistoryChange[];
}

/** Fields worth showing, in the order a dispatcher reads them. */
const SHOWN = ['status', 'technician', 'scheduled_date', 'start_time', 'duration_minutes', 'priority', 'notes'];

const asText = (value: unknown): string | null => (value === null || value === undefined || value === '' ? null : String(value));

/** Reads one Version's `data`; unreadable or empty data gives no changes (never throws). */
export function parseVersionData(data: string | null): HistoryChange[] {
  if (!data) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return [];
  }
  const changed = (parsed as { changed?: unknown } | null)?.changed;
  if (!Array.isArray(changed)) return [];
  const out: HistoryChange[] = [];
  for (const row of changed) {
    if (!Array.isArray(row) || typeof row[0] !== 'string' || !SHOWN.includes(row[0])) continue;
    out.push({ field: row[0], from: asText(row[1]), to: asText(row[2]) });
  }
  return out.sort((a, b) => SHOWN.indexOf(a.field) - SHOWN.indexOf(b.field));
}

/** History entries, newest first, leaving out versions with nothing worth showing. */
export function historyEntries(versions: readonly { name: string; owner: string; creation: string; data: string | null }[]): HistoryEntry[] {
  return versions
    .map((v) => {
      const changes = parseVersionData(v.data);
      return { name: v.name, by: v.owner, at: v.creation, status: changes.find((c) => c.field === 'status')?.to ?? null, changes };
    })
    .filter((e) => e.changes.length > 0)
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
