// Which hub events a browser may read. Most (doc_change) only say « this document changed » and
// every signed-in user gets them; SMS events carry a customer's messages and number, so they go
// only to users who may read client files. Others get the event's id alone (`id: N`, no data):
// their EventSource dispatches nothing but keeps its place, so a resume stays exact. Incident
// events name what is down and how many clients it touches, never who: every user's banner.
import type { Capability } from '@gigafibre/capabilities';

/** Event names (`event:`) that need a capability, and which. */
export const RESTRICTED_EVENTS: ReadonlyMap<string, Capability> = new Map([
  ['message', 'clients.view'],
  ['number_opt', 'clients.view'],
]);

/** The frame a user without the capability gets instead: the id alone (nothing without an id). */
export function redactedFrame(id: string | undefined): Buffer {
  return Buffer.from(id === undefined ? '' : `id: ${id}\n\n`, 'utf8');
}

/** True when a user holding `capabilities` may read every event (skips the per-event check). */
export function readsEverything(capabilities: ReadonlySet<Capability>): boolean {
  for (const needed of RESTRICTED_EVENTS.values()) if (!capabilities.has(needed)) return false;
  return true;
}
