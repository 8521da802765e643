// @vitest-environment jsdom
// The shell shows exactly the navigation each default group may use: drawer on desktop, bottom
// tabs on phones; the header names the user.
import { afterEach, describe, expect, it } from 'vitest';
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

afterEach(async () => {
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

async function vi_waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !condition(); i++) {
    await flushPromises();
    await new Promise((r) => setTimeout(r, 10));
  }
}
