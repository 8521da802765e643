// Readable names for capabilities and groups (used by the profile, the "accès refusé" page, the 403
// toast and the users feature), in the current language.
import type { Capability } from '@gigafibre/capabilities';
import { i18n } from './index';

const GROUP_KEYS: Readonly<Record<string, string>> = {
  'ops-admin': 'groups.admin',
  'authentik Admins': 'groups.authentikAdmins',
  'ops-dispatch': 'groups.dispatch',
  'ops-support': 'groups.support',
  'ops-tech': 'groups.tech',
  'ops-noc': 'groups.noc',
};

/** « Assigner et planifier les interventions » for `dispatch.assign`. */
export function capabilityLabel(capability: Capability): string {
  return i18n.global.t(`capabilities.${capability}`);
}

/** « Répartition » for `ops-dispatch`; a group the app does not know is shown as named in Authentik. */
export function groupLabel(group: string): string {
  const key = GROUP_KEYS[group];
  return key ? i18n.global.t(key) : group;
}
