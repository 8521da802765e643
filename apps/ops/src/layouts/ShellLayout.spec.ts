// @vitest-environment jsdom
// The shell shows exactly the navigation each default group may use: drawer on desktop, bottom
// tabs on phones; the header names the user.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Incident } from '@gigafibre/contracts';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory } from 'vue-router';
import { capabilitiesFor, DEFAULT_GROUP_MAP } from '@gigafibre/capabilities';
import { i18n, setLocale } from '@/i18n';
import { createAppRouter } from '@/router';
import { useSessionStore } from '@/shared/session/useSessionStore';
import App from '@/App.vue';

const EXPECTED: Record<string, string[]> = {
  'ops-admin': ['dispatch', 'clients', 'tickets', 'diagnostics', 'incidents', 'jobs', 'scan', 'users'],
  'authentik Admins': ['dispatch', 'clients', 'tickets', 'diagnostics', 'incidents', 'jobs', 'scan', 'users'],
  'ops-dispatch': ['dispatch', 'clients', 'tickets', 'diagnostics', 'incidents'],
  'ops-support': ['dispatch', 'clients', 'tickets', 'diagnostics', 'incidents'],
  'ops-tech': ['diagnostics', 'jobs', 'scan'],
  'ops-noc': ['dispatch', 'clients', 'tickets', 'incidents'],
};

/** Quasar's Screen plugin is a singleton that follows window resizes (debounced). */
async function resizeTo(width: number) {
  Object.defineProperty(window, 'innerWidth', { value: width, configurable: true });
  Object.defineProperty(document.documentElement, 'clientWidth', { value: width, configurable: true });
  window.dispatchEvent(new Event('resize'));
  await new Promise((r) => setTimeout(r, 150));
}

async function mountShellAs(group: string, width: number) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const session = useSessionStore();
  session.user = { email: 'marie@gigafibre.ca', name: 'Marie-Ève Tremblay', username: 'marie', groups: [group], capabilities: capabilitiesFor([group]) };
  session.status = 'ready';
  const router = createAppRouter(createMemoryHistory());
  await router.push('/');
  const wrapper = mount(App, { global: { plugins: [pinia, router, i18n] }, attachTo: document.body });
  await resizeTo(width);
  await flushPromises();
  return { wrapper, router };
}

/** What the hub answers for the open incidents (the banner's read at start); nothing else is served. */
let openIncidents: Incident[] = [];
let incidentReads = 0;

beforeEach(() => {
  openIncidents = [];
  incidentReads = 0;
  vi.stubGlobal('fetch', async (input: string | URL) => {
    const url = new URL(String(input), 'http://ops.test');
    if (url.pathname === '/ops/api/hub/incidents') {
      incidentReads++;
      return Response.json({ data: openIncidents });
    }
    return Response.json({ message: 'not served here' }, { status: 404 });
  });
});

afterEach(async () => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
  await setLocale('fr-CA', false);
});

describe('ShellLayout navigation', () => {
  it('covers every default group', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(DEFAULT_GROUP_MAP).sort());
  });

  for (const [group, names] of Object.entries(EXPECTED)) {
    it(`desktop drawer for ${group}: exactly ${names.join(', ')}`, async () => {
      const { wrapper } = await mountShellAs(group, 1440);
      const items = wrapper.findAll('[data-testid="nav-item"]');
      expect(items.map((i) => i.attributes('data-nav'))).toEqual(names);
      expect(wrapper.find('[data-testid="tab-item"]').exists()).toBe(false);
      wrapper.unmount();
    });

    it(`phone tab bar for ${group}`, async () => {
      const { wrapper } = await mountShellAs(group, 390);
      await vi_waitFor(() => wrapper.findAll('[data-testid="tab-item"]').length > 0);
      const tabs = wrapper.findAll('[data-testid="tab-item"]').map((t) => t.attributes('data-nav'));
      expect(tabs).toEqual(names.slice(0, 5));
      // Items that did not fit are reachable from the menu button.
      expect(wrapper.find('[aria-label="Ouvrir le menu"]').exists()).toBe(names.length > 5);
      wrapper.unmount();
    });
  }

  it('names the user with initials, and translates the shell when the language changes', async () => {
    const { wrapper } = await mountShellAs('ops-dispatch', 1440);
    expect(wrapper.find('[data-testid="user-name"]').text()).toBe('Marie-Ève Tremblay');
    expect(wrapper.find('[data-testid="user-menu"] .q-avatar').text()).toBe('MT');
    expect(wrapper.find('[data-nav="clients"]').text()).toContain('Clients');
    await setLocale('en-CA', false);
    await flushPromises();
    expect(wrapper.find('[data-nav="clients"]').text()).toContain('Customers');
    wrapper.unmount();
  });
});

describe('ShellLayout outage banner', () => {
  it('is absent while nothing is down, and shows an open incident once the shell has read it', async () => {
    const quiet = await mountShellAs('ops-tech', 1440);
    await vi_waitFor(() => incidentReads > 0);
    await flushPromises();
    expect(quiet.wrapper.find('[data-testid="outage-banner"]').exists()).toBe(false);
    quiet.wrapper.unmount();

    openIncidents = [
      {
        id: 'INC-000001',
        element: { id: 'OLT-BLA-01', kind: 'olt', name: 'OLT Blainville 01', parent: 'ZONE-BLA', zone: 'ZONE-BLA' },
        monitor: { id: 101, name: 'OLT Blainville 01' },
        status: 'open',
        opened_at: '2026-12-07T14:05:00Z',
        resolved_at: null,
        last_message: 'timeout',
        affected_count: 412,
        updated_at: '2026-12-07T14:05:00Z',
      },
    ];
    const down = await mountShellAs('ops-tech', 1440);
    await vi_waitFor(() => down.wrapper.find('[data-testid="outage-banner"]').exists());
    expect(down.wrapper.find('[data-testid="outage-banner"]').text()).toContain('OLT Blainville 01');
    expect(down.wrapper.find('[data-testid="outage-banner"]').text()).toContain('412 clients touchés');
    down.wrapper.unmount();
  });
});

async function vi_waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !condition(); i++) {
    await flushPromises();
    await new Promise((r) => setTimeout(r, 10));
  }
}
