import { describe, expect, it } from 'vitest';
import { activeFilterCount, compareQueue, EMPTY_QUEUE_FILTER, foldText, inQueue, isOnBoard, jobTags, searchMatcher, tagsIn } from './dispatchQueueFilter';
import { nextStatuses, priorityRank, statusCssVars, statusSlug } from './dispatchStatus';
import type { BoardJob } from './dispatchTypes';

const job = (over: Partial<BoardJob> = {}): BoardJob => ({
  name: 'DJ-1',
  modified: '2026-05-04 08:00:00.000000',
  job_type: 'Repair',
  status: 'Unscheduled',
  priority: 'Medium',
  customer: 'CUST-1',
  service_location: 'LOC-1',
  technician: null,
  territory: 'Laval',
  required_skill: 'Wi-Fi/Mesh',
  requested_date: '2026-05-04',
  scheduled_date: null,
  start_time: null,
  duration_minutes: 60,
  notes: null,
  _user_tags: ',VIP,Chien sur place',
  no_sms: 0,
  ...over,
});

const DAY = '2026-05-04';

describe('queue filters', () => {
  it('lists only unassigned jobs', () => {
    expect(inQueue(job(), EMPTY_QUEUE_FILTER, DAY)).toBe(true);
    expect(inQueue(job({ status: 'Scheduled', technician: 'TECH-1' }), EMPTY_QUEUE_FILTER, DAY)).toBe(false);
  });

  it('by requested date: the day only, due (late included, the default), or all', () => {
    const late = job({ requested_date: '2026-05-01' });
    const later = job({ requested_date: '2026-05-06' });
    expect([late, job(), later].map((j) => inQueue(j, EMPTY_QUEUE_FILTER, DAY))).toEqual([true, true, false]);
    expect([late, job(), later].map((j) => inQueue(j, { ...EMPTY_QUEUE_FILTER, window: 'day' }, DAY))).toEqual([false, true, false]);
    expect([late, job(), later].map((j) => inQueue(j, { ...EMPTY_QUEUE_FILTER, window: 'all' }, DAY))).toEqual([true, true, true]);
  });

  it('by region, type, priority, skill and tag (any of the chosen values)', () => {
    const f = EMPTY_QUEUE_FILTER;
    expect(inQueue(job(), { ...f, region: 'Laval' }, DAY)).toBe(true);
    expect(inQueue(job(), { ...f, region: 'Montréal' }, DAY)).toBe(false);
    expect(inQueue(job(), { ...f, types: ['Installation', 'Repair'] }, DAY)).toBe(true);
    expect(inQueue(job(), { ...f, types: ['Installation'] }, DAY)).toBe(false);
    expect(inQueue(job(), { ...f, priorities: ['High', 'Urgent'] }, DAY)).toBe(false);
    expect(inQueue(job({ priority: null }), { ...f, priorities: ['Medium'] }, DAY)).toBe(false);
    expect(inQueue(job(), { ...f, skills: ['Wi-Fi/Mesh'] }, DAY)).toBe(true);
    expect(inQueue(job(), { ...f, tags: ['VIP'] }, DAY)).toBe(true);
    expect(inQueue(job(), { ...f, tags: ['Appeler avant'] }, DAY)).toBe(false);
    expect(inQueue(job({ _user_tags: null }), { ...f, tags: ['VIP'] }, DAY)).toBe(false);
    expect(activeFilterCount({ ...f, tags: ['VIP'], types: ['Repair'], window: 'all' })).toBe(3);
    expect(activeFilterCount(f)).toBe(0);
  });

  it('puts the most urgent and longest-waiting jobs first', () => {
    const list = [
      job({ name: 'DJ-4', priority: 'Low', requested_date: '2026-04-20' }),
      job({ name: 'DJ-3', priority: 'Urgent', requested_date: '2026-05-04' }),
      job({ name: 'DJ-2', priority: 'High', requested_date: '2026-05-03' }),
      job({ name: 'DJ-1', priority: 'High', requested_date: '2026-05-03' }),
      job({ name: 'DJ-5', priority: 'Urgent', requested_date: '2026-05-01' }),
    ];
    expect(list.sort(compareQueue).map((j) => j.name)).toEqual(['DJ-5', 'DJ-3', 'DJ-1', 'DJ-2', 'DJ-4']);
  });

  it('reads tags and lists the ones present', () => {
    expect(jobTags(job())).toEqual(['VIP', 'Chien sur place']);
    expect(jobTags(job({ _user_tags: null }))).toEqual([]);
    expect(tagsIn([job(), job({ _user_tags: ',Appeler avant,VIP' })])).toEqual(['Appeler avant', 'Chien sur place', 'VIP']);
  });
});

describe('search', () => {
  it('matches every word, ignoring accents and case', () => {
    expect(foldText('Geneviève LÉVESQUE')).toBe('genevieve levesque');
    const match = searchMatcher('  levesque  Christophe ');
    const hay = foldText('DJ-000001 Geneviève Lévesque 5870, avenue Christophe-Colomb Montréal');
    expect(match?.(hay)).toBe(true);
    expect(searchMatcher('lévesque laval')?.(hay)).toBe(false);
    expect(searchMatcher('   ')).toBeNull();
  });
});

describe('statuses', () => {
  it('has a slug, a colour per mode, and the transitions the server accepts', () => {
    expect(statusSlug('En Route')).toBe('en-route');
    expect(statusCssVars(false)['--dj-in-progress']).toMatch(/^#/);
    expect(statusCssVars(true)['--dj-scheduled']).not.toBe(statusCssVars(false)['--dj-scheduled']);
    expect(nextStatuses('Scheduled')).toEqual(['En Route', 'In Progress', 'Cancelled']);
    expect(nextStatuses('Completed')).toEqual([]);
    expect(nextStatuses('Bogus')).toEqual([]);
    expect(priorityRank('Urgent')).toBeGreaterThan(priorityRank('High'));
    expect(priorityRank(null)).toBe(priorityRank('Medium'));
  });
});

describe('isOnBoard', () => {
  const window = { from: '2026-04-04', to: '2026-05-18' };
  it('keeps the day’s scheduled jobs and the queue’s window, drops the rest', () => {
    expect(isOnBoard(job(), DAY, window)).toBe(true);
    expect(isOnBoard(job({ requested_date: '2026-03-01' }), DAY, window)).toBe(false);
    expect(isOnBoard(job({ status: 'Scheduled', technician: 'TECH-1', scheduled_date: DAY }), DAY, window)).toBe(true);
    expect(isOnBoard(job({ status: 'Completed', technician: 'TECH-1', scheduled_date: DAY }), DAY, window)).toBe(true);
    expect(isOnBoard(job({ status: 'Scheduled', technician: 'TECH-1', scheduled_date: '2026-05-05' }), DAY, window)).toBe(false);
    expect(isOnBoard(job({ status: 'Cancelled', technician: null, scheduled_date: null }), DAY, window)).toBe(false);
  });
});
