// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { capabilitiesFor, DEFAULT_GROUP_MAP, type Capability } from '@gigafibre/capabilities';
import { createMemoryHistory } from 'vue-router';
import { createPinia, setActivePinia } from 'pinia';
import { decideNavigation, landingRouteName, missingCapabilities, requiredCapabilities } from './access';
import { navItems, phoneTabs } from './navItems';
import { createAppRouter } from './index';
import { useSessionStore } from '@/shared/session/useSessionStore';

const held = (...caps: Capability[]) => new Set(caps);
const groupCaps = (group: string) => new Set(capabilitiesFor([group]));

describe('route capability logic', () => {
  it('collects requirements from the route and its parents', () => {
    const matched = [{ meta: { requires: ['clients.view'] as Capability[] } }, { meta: {} }, { meta: { requires: ['clients.edit', 'clients.view'] as Capability[] } }];
    expect(requiredCapabilities(matched)).toEqual(['clients.view', 'clients.edit']);
    expect(missingCapabilities(matched, held('clients.view'))).toEqual(['clients.edit']);
    expect(missingCapabilities(matched, held('clients.view', 'clients.edit'))).toEqual([]);
  });

  it('sends a user without the capability to « accès refusé », remembering where they wanted to go', () => {
    const to = { fullPath: '/settings/users', matched: [{ meta: {} }, { meta: { requires: ['users.manage'] as Capability[] } }] };
    expect(decideNavigation(to as never, groupCaps('ops-dispatch'))).toEqual({ name: 'denied', query: { from: '/settings/users' }, replace: true });
    expect(decideNavigation(to as never, groupCaps('ops-admin'))).toBe(true);
  });

  it('lands each default group where it works', () => {
    expect(landingRouteName(groupCaps('ops-admin'))).toBe('users');
    expect(landingRouteName(groupCaps('authentik Admins'))).toBe('users');
    expect(landingRouteName(groupCaps('ops-dispatch'))).toBe('dispatch');
    expect(landingRouteName(groupCaps('ops-support'))).toBe('clients');
    expect(landingRouteName(groupCaps('ops-tech'))).toBe('jobs');
    expect(landingRouteName(held('diagnostics.view'))).toBe('diagnostics');
    expect(landingRouteName(held())).toBe('profile');
  });
});

describe('the router with the app’s real routes', () => {
  async function routerFor(groups: string[]) {
    setActivePinia(createPinia());
    const session = useSessionStore();
    session.user = { email: 'x@gigafibre.ca', name: 'X', username: 'x', groups, capabilities: capabilitiesFor(groups) };
    session.status = 'ready';
    const router = createAppRouter(createMemoryHistory());
    await router.push('/');
    return router;
  }

  it('redirects / to the landing page and guards every route by its meta.requires', async () => {
    const router = await routerFor(['ops-tech']);
    expect(router.currentRoute.value.name).toBe('jobs');
    await router.push('/dispatch');
    expect(router.currentRoute.value.name).toBe('denied');
    expect(router.currentRoute.value.query.from).toBe('/dispatch');
    await router.push('/j/DJ-000042');
    expect(router.currentRoute.value.params.job).toBe('DJ-000042');
    await router.push('/scan');
    expect(router.currentRoute.value.name).toBe('scan');
    await router.push('/nowhere/at/all');
    expect(router.currentRoute.value.name).toBe('not-found');
    await router.push('/profile');
    expect(router.currentRoute.value.name).toBe('profile');
  });

  it('every feature route declares what it needs, and each default group sees exactly its navigation', async () => {
    const router = await routerFor(['ops-admin']);
    const featureRoutes = router.getRoutes().filter((r) => r.meta.feature);
    expect(featureRoutes.length).toBeGreaterThanOrEqual(8);
    // Every feature route needs a capability, but the profile: everyone may see who they are.
    for (const route of featureRoutes) if (route.meta.feature !== 'profile') expect(route.meta.requires?.length, route.path).toBeGreaterThan(0);
    expect(router.resolve('/profile').meta.feature).toBe('profile');
    expect(router.resolve('/profile').meta.requires).toBeUndefined();

    const expected: Record<string, string[]> = {
      'ops-admin': ['dispatch', 'clients', 'tickets', 'diagnostics', 'incidents', 'jobs', 'scan', 'users'],
      'authentik Admins': ['dispatch', 'clients', 'tickets', 'diagnostics', 'incidents', 'jobs', 'scan', 'users'],
      'ops-dispatch': ['dispatch', 'clients', 'tickets', 'diagnostics', 'incidents'],
      'ops-support': ['dispatch', 'clients', 'tickets', 'diagnostics', 'incidents'],
      'ops-tech': ['diagnostics', 'jobs', 'scan'],
  'ops-noc': ['dispatch', 'clients', 'tickets', 'incidents'],
    };
    expect(Object.keys(expected).sort()).toEqual(Object.keys(DEFAULT_GROUP_MAP).sort());
    for (const [group, names] of Object.entries(expected)) {
      expect(navItems(router.getRoutes(), groupCaps(group)).map((i) => i.name), group).toEqual(names);
    }
  });

  it('fits the phone bar: at most five tabs, the rest in the menu', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f'].map((name, i) => ({ name, label: name, icon: 'x', order: i, tab: true }));
    expect(phoneTabs(items)).toMatchObject({ overflow: true });
    expect(phoneTabs(items).tabs.map((t) => t.name)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(phoneTabs(items.slice(0, 3))).toMatchObject({ overflow: false });
  });
});
