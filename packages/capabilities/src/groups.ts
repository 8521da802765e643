import { z } from 'zod';
import { CAPABILITIES, type Capability } from './capability';

/** Authentik group name → the capabilities it grants. */
export type GroupMap = Readonly<Record<string, readonly Capability[]>>;

/** The groups Gigafibre uses in Authentik (auth.targo.ca) and what each may do. */
export const DEFAULT_GROUP_MAP: GroupMap = {
  'ops-admin': CAPABILITIES,
  'authentik Admins': CAPABILITIES,
  'ops-dispatch': ['dispatch.view', 'dispatch.assign', 'clients.view', 'diagnostics.view', 'tickets.view', 'visits.book', 'messages.send', 'incidents.view'],
  'ops-support': ['clients.view', 'clients.edit', 'diagnostics.view', 'diagnostics.act', 'dispatch.view', 'tickets.view', 'tickets.work', 'visits.book', 'messages.send', 'incidents.view'],
  'ops-tech': ['scan.use', 'diagnostics.view'],
  // Network operations: follow outages, see who they touch (clients, their tickets and jobs), text them.
  'ops-noc': ['incidents.view', 'incidents.notify', 'messages.send', 'clients.view', 'tickets.view', 'dispatch.view'],
};

/** The default groups in the order the UI lists them. */
export const DEFAULT_GROUPS = Object.keys(DEFAULT_GROUP_MAP);

/** Union of the capabilities granted by `groups` (unknown groups grant nothing), in canonical order. */
export function capabilitiesFor(groups: readonly string[], map: GroupMap = DEFAULT_GROUP_MAP): Capability[] {
  const granted = new Set<Capability>();
  for (const group of groups) for (const cap of map[group] ?? []) granted.add(cap);
  return CAPABILITIES.filter((cap) => granted.has(cap));
}

// Built on first use, not at import: a top-level zod call would pull zod into the SPA's first load.
function groupMapSchema() {
  return z.record(
    z.string().min(1, 'nom de groupe vide'),
    z.array(z.enum(CAPABILITIES, { error: (issue) => `capacité inconnue « ${String(issue.input)} »` })),
  );
}

/**
 * Validates a group map read from `OPS_GROUP_MAP_FILE` (JSON: `{"group": ["cap", …]}`).
 * Throws an Error whose message lists every problem, so the BFF can refuse to start with it.
 */
export function parseGroupMap(json: unknown): GroupMap {
  const result = groupMapSchema().safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(racine)'}: ${i.message}`);
    throw new Error(`Carte des groupes invalide : ${problems.join('; ')}`);
  }
  return result.data as GroupMap;
}
