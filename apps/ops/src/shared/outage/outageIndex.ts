// Pure rules of the outage store: open incidents kept up to date from live changes, and the
// « which open incident touches this client / this address » index.
import type { AffectedIndex, Incident, IncidentEvent } from '@gigafibre/contracts';

/** Customer or service location → the open incident touching it (the oldest, when several do). */
export interface OutageLookup {
  customers: ReadonlyMap<string, string>;
  locations: ReadonlyMap<string, string>;
}

/** Builds the lookup from the hub's index (incidents come oldest first: the first one wins). */
export function buildLookup(index: AffectedIndex): OutageLookup {
  const customers = new Map<string, string>();
  const locations = new Map<string, string>();
  for (const entry of index.data) {
    for (const c of entry.customers) if (!customers.has(c)) customers.set(c, entry.incident);
    for (const l of entry.service_locations) if (!locations.has(l)) locations.set(l, entry.incident);
  }
  return { customers, locations };
}

/** The open incidents after one change: replaced or added while open, removed once resolved; oldest first. */
export function applyIncidentEvent(open: readonly Incident[], event: IncidentEvent): Incident[] {
  const others = open.filter((i) => i.id !== event.incident.id);
  if (event.incident.status !== 'open') return others;
  return [...others, event.incident].sort((a, b) => a.opened_at.localeCompare(b.opened_at) || a.id.localeCompare(b.id));
}

/** True when a change alters who is affected (the index must be read again). */
export function changesAffected(event: IncidentEvent): boolean {
  return event.change.kind === 'opened' || event.change.kind === 'reopened' || event.change.kind === 'resolved';
}
