/** Every capability the ops app knows; positive names only (what a user may do). */
export const CAPABILITIES = [
  'dispatch.view',
  'dispatch.assign',
  'clients.view',
  'clients.edit',
  'diagnostics.view',
  'diagnostics.act',
  'scan.use',
  'tickets.view',
  'tickets.work',
  'visits.book',
  'users.manage',
  'messages.send',
  'incidents.view',
  'incidents.notify',
] as const;

/** One thing a user may do in the ops app. */
export type Capability = (typeof CAPABILITIES)[number];

/** True when `value` names a known capability. */
export function isCapability(value: unknown): value is Capability {
  return typeof value === 'string' && (CAPABILITIES as readonly string[]).includes(value);
}
