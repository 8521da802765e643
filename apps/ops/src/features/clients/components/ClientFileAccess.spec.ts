// @vitest-environment jsdom
// What a user may do on a client file follows their capabilities: the « Diagnostiquer » link only
// with diagnostics.view (pointing at that device), the note form and « Nouveau billet » only with
// clients.edit.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { Capability } from '@gigafibre/capabilities';
import { i18n, loadFeatureMessages } from '@/i18n';
import { useSessionStore } from '@/shared/session/useSessionStore';
import type { EquipmentRow } from '../api/clientDetailApi';
import ClientEquipmentList from './ClientEquipmentList.vue';
import ClientTicketsSection from './ClientTicketsSection.vue';
import ClientTimelineSection from './ClientTimelineSection.vue';

vi.mock('../api/clientTimelineApi', () => ({
  fetchTimelineSources: () => Promise.resolve({ comments: [], issues: [], jobs: [], payments: [], versions: [] }),
}));
vi.mock('../api/clientDetailApi', () => ({ fetchTickets: () => Promise.resolve([]) }));

const ont: EquipmentRow = {
  name: 'EQ-000001',
  service_location: 'LOC-000001',
  equipment_type: 'ONT',
  manufacturer: 'Nokia',
  model: 'G-010G-Q',
  serial_no: 'ALCLB2C4D601',
  mac_address: 'A4:E3:1B:2C:4D:01',
  status: 'Active',
};

beforeAll(() => loadFeatureMessages('clients'));
afterEach(() => (document.body.innerHTML = ''));

function setup(capabilities: Capability[]) {
  const pinia = createPinia();
  setActivePinia(pinia);
  useSessionStore().user = { email: 'x@gigafibre.ca', name: 'X', username: 'x', groups: [], capabilities };
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/', component: { template: '<div />' } }, { path: '/diagnostics', name: 'diagnostics', component: { template: '<div />' } }],
  });
  return { global: { plugins: [pinia, router, i18n] } };
}

describe('client file access', () => {
  it('links Diagnostiquer to that device for users who may diagnose, and hides it otherwise', async () => {
    const withDiag = mount(ClientEquipmentList, { props: { equipment: [ont], customer: 'CUST-00001', caption: 'x' }, ...setup(['clients.view', 'diagnostics.view']) });
    const link = withDiag.get('[data-testid="diagnose"]');
    expect(link.attributes('href')).toBe('/diagnostics?serial=ALCLB2C4D601&customer=CUST-00001');
    expect(link.attributes('aria-label')).toBe('Diagnostiquer ONT ALCLB2C4D601');

    const without = mount(ClientEquipmentList, { props: { equipment: [ont], customer: 'CUST-00001', caption: 'x' }, ...setup(['clients.view']) });
    expect(without.find('[data-testid="diagnose"]').exists()).toBe(false);
    expect(without.text()).toContain('ALCLB2C4D601');
  });

  it('offers the note form and a new ticket only with clients.edit', async () => {
    for (const [caps, shown] of [
      [['clients.view', 'clients.edit'], true],
      [['clients.view', 'dispatch.view'], false],
    ] as [Capability[], boolean][]) {
      const timeline = mount(ClientTimelineSection, { props: { id: 'CUST-00001' }, ...setup(caps) });
      const tickets = mount(ClientTicketsSection, { props: { id: 'CUST-00001', customerName: 'Josée Tremblay' }, ...setup(caps) });
      await flushPromises();
      expect(timeline.find('[data-testid="note-form"]').exists(), caps.join()).toBe(shown);
      expect(tickets.find('[data-testid="ticket-create"]').exists(), caps.join()).toBe(shown);
      expect(timeline.find('[data-testid="section-empty"]').exists()).toBe(true);
    }
  });
});
