// @vitest-environment jsdom
// A technician's row: cards from the layout, their words (visible, then what a screen reader adds),
// warning badges, who may drag what, one tab stop; and the labels' per-language message cache.
import { beforeAll, describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { mount } from '@vue/test-utils';
import { i18n, loadFeatureMessages, setLocale } from '@/i18n';
import { useDispatchLabels, type DispatchLabels } from '../composables/useDispatchLabels';
import { techProfile } from '../model/dispatchConflicts';
import { createBoardLayout } from '../model/dispatchLayout';
import type { BoardJob, BoardTechnician, Placement } from '../model/dispatchTypes';
import DispatchTimelineRow from './DispatchTimelineRow.vue';

beforeAll(() => loadFeatureMessages('dispatch'));

const EVIL = '<img src=x onerror="window.__pwned=1">';

const tech: BoardTechnician = {
  name: 'TECH-002',
  technician_name: 'Mathieu Caron',
  territory: 'Montréal',
  skills: 'Installation,Wi-Fi/Mesh',
  shift_start: '10:00:00',
  shift_end: '18:30:00',
  phone: null,
  status: 'Active',
  traccar_device_id: 102,
};

const job = (name: string, start: string, duration: number, over: Partial<BoardJob> = {}): BoardJob => ({
  name,
  modified: '2026-05-04 08:00:00.000000',
  job_type: 'Repair',
  status: 'Scheduled',
  priority: 'Medium',
  customer: 'CUST-1',
  service_location: 'LOC-1',
  technician: 'TECH-002',
  territory: 'Montréal',
  required_skill: 'Wi-Fi/Mesh',
  requested_date: '2026-05-04',
  scheduled_date: '2026-05-04',
  start_time: start,
  duration_minutes: duration,
  notes: null,
  _user_tags: null,
  no_sms: 0,
  ...over,
});

/** Renders the row with real labels (the composable needs a component around it). */
function mountRow(jobs: BoardJob[], props: { tabbable?: string | null; draggable?: boolean; outageAt?: (location: string) => { id: string } | undefined } = {}) {
  let labels: DispatchLabels | null = null;
  const Harness = defineComponent({
    setup() {
      labels = useDispatchLabels();
      const l = labels;
      const placed = new Map([
        [
          'TECH-002',
          jobs.map((j) => {
            const [hh, mm] = (j.start_time as string).split(':').map(Number) as [number, number];
            const placement: Placement = { job: j.name, technician: 'TECH-002', start: hh * 60 + mm, end: hh * 60 + mm + j.duration_minutes, requiredSkill: j.required_skill, status: j.status };
            return { job: j, placement };
          }),
        ],
      ]);
      const layout = createBoardLayout()({
        technicians: [tech],
        profiles: new Map([['TECH-002', techProfile(tech)]]),
        placed,
        axis: { start: 420, end: 1200 },
        conflicts: new Map([['DJ-2', [{ kind: 'overlap' as const, job: 'DJ-3', start: 840, end: 900 }]]]),
        text: (j, p, warnings) => ({
          label: j.customer,
          detail: `${l.range(p.start, p.end)} · ${l.jobType(j.job_type)}`,
          extra: [j.name, l.status(j.status), ...warnings.map(l.conflictKind)].join(', '),
        }),
        textKey: 0,
        dim: () => false,
        flash: new Set(),
      });
      const row = layout.rows[0];
      if (!row) throw new Error('no row');
      return () => h(DispatchTimelineRow, { row, labels: l, tabbable: props.tabbable ?? null, dragging: null, draggable: props.draggable ?? true, outageAt: props.outageAt });
    },
  });
  const wrapper = mount(Harness, { global: { plugins: [i18n] } });
  return { wrapper, labels: labels as unknown as DispatchLabels };
}

describe('DispatchTimelineRow', () => {
  it('shows the technician, shift and load, and each job as a card with its words', () => {
    const { wrapper } = mountRow([job('DJ-1', '10:00:00', 60, { customer: 'Geneviève Lévesque' })]);
    expect(wrapper.get('.dj-row__name').text()).toBe('Mathieu Caron');
    // The shift in its short form (whole hours without « 00 »), so English fits the column too.
    expect(wrapper.text()).toContain('10 h–18 h 30');
    expect(wrapper.get('[role="meter"]').attributes('aria-valuenow')).toBe('12');
    const card = wrapper.get('[data-job="DJ-1"]');
    expect(card.text()).toContain('Geneviève Lévesque');
    expect(card.text()).toContain('10 h 00 – 11 h 00 · Réparation');
    expect(card.get('.sr-only').text()).toBe(', DJ-1, Planifié');
    expect(card.attributes('draggable')).toBe('true');
  });

  it('flags a job at an address an outage touches, and says it', () => {
    const outageAt = (location: string) => (location === 'LOC-9' ? { id: 'INC-000001' } : undefined);
    const { wrapper } = mountRow([job('DJ-1', '10:00:00', 60), job('DJ-4', '12:00:00', 60, { service_location: 'LOC-9' })], { outageAt });
    const flagged = wrapper.get('[data-job="DJ-4"]');
    expect(flagged.attributes('data-outage')).toBe('INC-000001');
    expect(flagged.find('[data-testid="card-outage"]').exists()).toBe(true);
    expect(flagged.text()).toContain('panne en cours');
    expect(wrapper.get('[data-job="DJ-1"]').find('[data-testid="card-outage"]').exists()).toBe(false);
  });

  it('puts a warning badge on a card with conflicts, and says it', () => {
    const { wrapper } = mountRow([job('DJ-2', '14:00:00', 60), job('DJ-3', '14:30:00', 30)]);
    const card = wrapper.get('[data-job="DJ-2"]');
    expect(card.attributes('data-warnings')).toBe('overlap');
    expect(card.find('[data-testid="card-warning"]').exists()).toBe(true);
    expect(card.get('.sr-only').text()).toContain('chevauchement');
    expect(wrapper.get('[data-job="DJ-3"]').attributes('data-warnings')).toBeUndefined();
    expect(wrapper.get('.dj-row__alerts').text()).toContain('1');
  });

  it('lets nobody drag a finished job, nor anyone without the right to assign', () => {
    const done = mountRow([job('DJ-1', '10:00:00', 60, { status: 'Completed' }), job('DJ-4', '12:00:00', 60)]);
    expect(done.wrapper.get('[data-job="DJ-1"]').attributes('draggable')).toBe('false');
    expect(done.wrapper.get('[data-job="DJ-4"]').attributes('draggable')).toBe('true');
    const viewer = mountRow([job('DJ-4', '12:00:00', 60)], { draggable: false });
    expect(viewer.wrapper.get('[data-job="DJ-4"]').attributes('draggable')).toBe('false');
  });

  it('gives one card the tab stop (roving tabindex)', () => {
    const { wrapper } = mountRow([job('DJ-1', '10:00:00', 60), job('DJ-4', '12:00:00', 60)], { tabbable: 'DJ-4' });
    expect(wrapper.findAll('[data-job]').map((c) => c.attributes('tabindex'))).toEqual(['-1', '0']);
  });

  it('shows customer-controlled text as text, never as markup', () => {
    const { wrapper } = mountRow([job('DJ-1', '10:00:00', 60, { customer: EVIL })]);
    expect(wrapper.find('img').exists()).toBe(false);
    expect(wrapper.get('.dj-card__label').text()).toBe(EVIL);
  });
});

describe('useDispatchLabels', () => {
  it('formats times, ranges and durations per language, from cached messages', async () => {
    const { labels } = mountRow([]);
    expect(labels.range(600, 690)).toBe('10 h 00 – 11 h 30');
    expect(labels.shortRange(480, 960)).toBe('8 h–16 h');
    expect(labels.duration(45)).toBe('45 min');
    expect(labels.duration(120)).toBe('2 h');
    expect(labels.duration(90)).toBe('1 h 30');
    expect(labels.duration(65)).toBe('1 h 05');
    // The cache substitutes values; it does not freeze the first ones.
    expect(labels.format('dispatch.queue.priority', { priority: 'Haute' })).toBe('priorité Haute');
    expect(labels.format('dispatch.queue.priority', { priority: 'Basse' })).toBe('priorité Basse');
    expect(labels.status('En Route')).toBe('En route');
    expect(labels.skill('Wi-Fi/Mesh')).toBe('Wi-Fi et maillage');
    expect(labels.conflict({ kind: 'outside-shift', shiftStart: 600, shiftEnd: 1110 })).toBe('Hors du quart du technicien (10 h 00 – 18 h 30)');
    await setLocale('en-CA', false);
    try {
      expect(labels.status('En Route')).toBe('En route');
      expect(labels.jobType('Repair')).toBe('Repair');
      expect(labels.range(600, 690)).toMatch(/^10:00\sa\.m\. – 11:30\sa\.m\.$/);
      // A shift in English stays short enough for the technicians' column.
      expect(labels.shortRange(480, 960)).toMatch(/^8\sa\.m\.–4\sp\.m\.$/);
      expect(labels.format('dispatch.queue.priority', { priority: 'High' })).toBe('High priority');
    } finally {
      await setLocale('fr-CA', false);
    }
  });
});
