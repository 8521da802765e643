// @vitest-environment jsdom
// The job picker of #/scan shows the same jobs as « Mes tâches » (issue 23): finished ones too,
// labelled and after the ones still to do; « aucune intervention » only when there is none.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { shallowRef } from 'vue';
import type { JobStatus } from '@gigafibre/contracts';
import { i18n, loadFeatureMessages } from '@/i18n';
import type { TechJobList, TechJobSummary } from '../services/techJobData';
import ScanJobPicker from './ScanJobPicker.vue';

const list = shallowRef<TechJobList | null>(null);
vi.mock('../composables/useTechJobs', () => ({ useTechJobs: () => ({ data: list, loading: shallowRef(false) }) }));

function job(name: string, status: JobStatus, startTime: string): TechJobSummary {
  return {
    name,
    status,
    jobType: 'Repair',
    priority: null,
    startTime,
    scheduledDate: '2026-11-18',
    durationMinutes: 60,
    notes: null,
    customer: 'CUST-00001',
    customerName: `Client ${name}`,
    place: { location: 'LOC-000001', address: '1, rue Test', city: 'Montréal', postalCode: null, latitude: null, longitude: null, accessNotes: null },
  };
}

function mountPicker(jobs: TechJobSummary[]) {
  list.value = { technician: { name: 'TECH-001', technicianName: 'Jean-François Roy' }, date: '2026-11-18', jobs, savedAt: null };
  setActivePinia(createPinia());
  return mount(ScanJobPicker, { global: { plugins: [i18n] } });
}

const shown = (wrapper: ReturnType<typeof mountPicker>) =>
  wrapper.findAll('[data-testid="scan-pick-job"]').map((b) => [b.attributes('data-job'), b.attributes('data-status')]);

beforeAll(() => loadFeatureMessages('scan'));

describe('ScanJobPicker', () => {
  it('lists every job of the day, the ones still to do first, finished ones labelled', async () => {
    const wrapper = mountPicker([job('DJ-000003', 'Completed', '08:00:00'), job('DJ-000004', 'In Progress', '10:00:00'), job('DJ-000005', 'Scheduled', '13:30:00')]);
    await flushPromises();
    expect(shown(wrapper)).toEqual([
      ['DJ-000004', 'In Progress'],
      ['DJ-000005', 'Scheduled'],
      ['DJ-000003', 'Completed'],
    ]);
    expect(wrapper.get('[data-job="DJ-000003"]').text()).toContain('Terminée');
    expect(wrapper.find('[data-testid="scan-pick-none"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="scan-pick-all-done"]').exists()).toBe(false);
  });

  it('in the evening, when all are done, still offers them and says so (never « aucune intervention »)', async () => {
    const wrapper = mountPicker([job('DJ-000003', 'Completed', '08:00:00'), job('DJ-000005', 'Completed', '13:30:00')]);
    await flushPromises();
    expect(shown(wrapper).map(([name]) => name)).toEqual(['DJ-000003', 'DJ-000005']);
    expect(wrapper.find('[data-testid="scan-pick-none"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="scan-pick-all-done"]').text()).toContain('toutes terminées');
    await wrapper.get('[data-job="DJ-000005"]').trigger('click');
    expect(wrapper.emitted('pick')).toEqual([['DJ-000005']]);
  });

  it('says there is no job only when there is none', async () => {
    const wrapper = mountPicker([]);
    await flushPromises();
    expect(shown(wrapper)).toEqual([]);
    expect(wrapper.get('[data-testid="scan-pick-none"]').text()).toContain('Aucune intervention aujourd’hui');
  });
});
