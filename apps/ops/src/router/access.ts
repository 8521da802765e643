// Pure capability logic for routes: what a route needs, what a user lacks, where they land.
import type { Capability } from '@gigafibre/capabilities';
import type { RouteLocationNormalized, RouteLocationRaw, RouteRecordNormalized } from 'vue-router';
import '@/shared/routing/routeMeta';

/** Every capability required by the route and its parents (in order, without duplicates). */
export function requiredCapabilities(matched: readonly Pick<RouteRecordNormalized, 'meta'>[]): Capability[] {
  return [...new Set(matched.flatMap((record) => record.meta.requires ?? []))];
}

/** The required capabilities the user does not hold. */
export function missingCapabilities(
  matched: readonly Pick<RouteRecordNormalized, 'meta'>[],
  held: ReadonlySet<Capability>,
): Capability[] {
  return requiredCapabilities(matched).filter((cap) => !held.has(cap));
}

/**
 * Where a user lands after opening the app, by what they can do: admins on users, dispatchers on
 * the board, CSRs on clients, technicians on their jobs. A custom group map gets the first match.
 */
const LANDINGS: readonly [Capability, string][] = [
  ['users.manage', 'users'],
  ['dispatch.assign', 'dispatch'],
  ['clients.view', 'clients'],
  ['scan.use', 'jobs'],
  ['dispatch.view', 'dispatch'],
  ['diagnostics.view', 'diagnostics'],
];

export function landingRouteName(held: ReadonlySet<Capability>): string {
  return LANDINGS.find(([cap]) => held.has(cap))?.[1] ?? 'profile';
}

/** The one guard's decision for a navigation: go on, or show « accès refusé » for that path. */
export function decideNavigation(to: Pick<RouteLocationNormalized, 'matched' | 'fullPath'>, held: ReadonlySet<Capability>): true | RouteLocationRaw {
  if (missingCapabilities(to.matched, held).length > 0) {
    return { name: 'denied', query: { from: to.fullPath }, replace: true };
  }
  return true;
}
