// What each Authentik group lets its members do, in words an admin reads when choosing groups.
// Pure: the labeler and list joiner come from the caller (the UI passes capabilityLabel and the
// current locale), so the tests read plain data.
import { CAPABILITIES, DEFAULT_GROUP_MAP, type Capability, type GroupMap } from '@gigafibre/capabilities';

/**
 * Authentik's own superuser group. It opens Authentik's admin console too, so the ops app never
 * offers it (`ops-admin` gives the same rights inside the app); a user who already has it keeps it.
 */
export const AUTHENTIK_SUPERUSER_GROUP = 'authentik Admins';

export interface GroupDescription {
  group: string;
  /** What the group grants, in canonical order. */
  capabilities: Capability[];
  /** The group grants every capability the app knows. */
  everything: boolean;
}

/** What `group` grants according to `map` (an unknown group grants nothing). */
export function describeGroup(group: string, map: GroupMap = DEFAULT_GROUP_MAP): GroupDescription {
  const granted = new Set(map[group] ?? []);
  const capabilities = CAPABILITIES.filter((cap) => granted.has(cap));
  return { group, capabilities, everything: capabilities.length === CAPABILITIES.length };
}

export interface SummaryWords {
  /** « Consulter la répartition » for a capability. */
  capabilityLabel: (capability: Capability) => string;
  /** Said of a group that grants everything. */
  everything: string;
  /** Said of a group that grants nothing the app knows. */
  nothing: string;
  /** BCP 47 locale for joining the list (« a, b et c »). */
  locale: string;
}

function lowerFirst(text: string, locale: string): string {
  return text.charAt(0).toLocaleLowerCase(locale) + text.slice(1);
}

/** One sentence: « Consulter la répartition, assigner et planifier les interventions et consulter les diagnostics ». */
export function groupSummary(description: GroupDescription, words: SummaryWords): string {
  if (description.everything) return words.everything;
  if (description.capabilities.length === 0) return words.nothing;
  const labels = description.capabilities.map((cap, i) => (i === 0 ? words.capabilityLabel(cap) : lowerFirst(words.capabilityLabel(cap), words.locale)));
  return new Intl.ListFormat(words.locale, { style: 'long', type: 'conjunction' }).format(labels);
}

/**
 * The groups an admin may choose for a user: every group of the map but Authentik's superuser
 * group, plus whatever the user already holds (so editing never drops a group silently).
 */
export function offeredGroups(held: readonly string[] = [], map: GroupMap = DEFAULT_GROUP_MAP): string[] {
  const offered = Object.keys(map).filter((group) => group !== AUTHENTIK_SUPERUSER_GROUP);
  for (const group of held) if (!offered.includes(group)) offered.push(group);
  return offered;
}
