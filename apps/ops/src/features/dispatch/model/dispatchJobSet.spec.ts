import { describe, expect, it } from 'vitest';
import { DispatchJobSet } from './dispatchJobSet';
import { applyPatch, assignPatch, isSamePlace, unassignPatch } from './dispatchPatch';
import type { BoardJob } from './dispatchTypes';

const T1 = '2026-05-04 09:00:00.000001';
const T2 = '2026-05-04 09:05:00.000001';
const T3 = '2026-05-04 09:10:00.000001';

const job = (over: Partial<BoardJob> = {}): BoardJob => ({
  name: 'DJ-1',
  modified: T1,
  job_type: 'Repair',
  status: 'Unscheduled',
  priority: 'High',
  customer: 'CUST-00006',
  service_location: 'LOC-000006',
  technician: null,
  territory: 'Montréal',
  required_skill: 'Wi-Fi/Mesh',
  requested_date: '2026-05-04',
  scheduled_date: null,
  start_time: null,
  duration_minutes: 60,
  notes: null,
  _user_tags: null,
  no_sms: 0,
  ...over,
});

const target = { technician: 'TECH-002', date: '2026-05-04', start: 600 };

describe('PUT bodies', () => {
  it('assigns from the queue: technician, date, time, Scheduled, and the modified seen', () => {
    expect(assignPatch(job(), target)).toEqual({
      technician: 'TECH-002',
      scheduled_date: '2026-05-04',
      start_time: '10:00:00',
      status: 'Scheduled',
      modified: T1,
    });
  });

  it('moves a scheduled or underway job without touching its status', () => {
    const enRoute = job({ status: 'En Route', technician: 'TECH-003', scheduled_date: '2026-05-04', start_time: '09:00:00' });
    expect(assignPatch(enRoute, target)).toEqual({ technician: 'TECH-002', scheduled_date: '2026-05-04', start_time: '10:00:00', modified: T1 });
  });

  it('unassigns back to the queue', () => {
    expect(unassignPatch(job({ status: 'Scheduled', technician: 'TECH-002' }))).toEqual({
      technician: null,
      scheduled_date: null,
      start_time: null,
      status: 'Unscheduled',
      modified: T1,
    });
  });

  it('knows a drop on the same place is no change', () => {
    const placed = job({ status: 'Scheduled', technician: 'TECH-002', scheduled_date: '2026-05-04', start_time: '10:00:00' });
    expect(isSamePlace(placed, target)).toBe(true);
    expect(isSamePlace(placed, { ...target, start: 615 })).toBe(false);
    expect(isSamePlace(placed, 'queue')).toBe(false);
    expect(isSamePlace(job(), 'queue')).toBe(true);
  });

  it('shows the move at once, keeping the modified the server knows', () => {
    const shown = applyPatch(job(), assignPatch(job(), target));
    expect(shown).toMatchObject({ technician: 'TECH-002', start_time: '10:00:00', status: 'Scheduled', modified: T1 });
  });
});

describe('DispatchJobSet', () => {
  it('applies newer remote versions, ignores stale ones, removes jobs that left', () => {
    const set = new DispatchJobSet();
    set.replaceAll([job()]);
    expect(set.remote('DJ-1', job({ modified: T2, priority: 'Urgent' }))).toBe('applied');
    expect(set.get('DJ-1')?.priority).toBe('Urgent');
    expect(set.remote('DJ-1', job({ modified: T1, priority: 'Low' }))).toBe('stale');
    expect(set.get('DJ-1')?.priority).toBe('Urgent');
    expect(set.remote('DJ-2', job({ name: 'DJ-2' }))).toBe('applied');
    expect(set.remote('DJ-2', null)).toBe('applied');
    expect(set.get('DJ-2')).toBeUndefined();
    expect(set.remote('DJ-2', null)).toBe('stale');
  });

  it('says which jobs a reload brought that were not shown, or not in that version', () => {
    const set = new DispatchJobSet();
    expect(set.replaceAll([job(), job({ name: 'DJ-2' })])).toEqual(['DJ-1', 'DJ-2']);
    expect(set.replaceAll([job(), job({ name: 'DJ-2', modified: T2, technician: 'TECH-009' }), job({ name: 'DJ-3' })])).toEqual(['DJ-2', 'DJ-3']);
    expect(set.replaceAll([job()])).toEqual([]);
  });

  it('never yanks a card being dragged: the update waits for the drop to end', () => {
    const set = new DispatchJobSet();
    const original = job();
    set.replaceAll([original]);
    set.beginDrag('DJ-1');
    expect(set.remote('DJ-1', job({ modified: T2, technician: 'TECH-009', status: 'Scheduled' }))).toBe('deferred');
    expect(set.get('DJ-1')).toBe(original);
    // Other cards still update live.
    expect(set.remote('DJ-5', job({ name: 'DJ-5' }))).toBe('applied');
    expect(set.endDrag()).toEqual(['DJ-1']);
    expect(set.get('DJ-1')?.technician).toBe('TECH-009');
  });

  it('keeps the newest of several held versions, and a removal', () => {
    const set = new DispatchJobSet();
    set.replaceAll([job()]);
    set.beginDrag('DJ-1');
    set.remote('DJ-1', job({ modified: T3, notes: 'last' }));
    set.remote('DJ-1', job({ modified: T2, notes: 'older' }));
    expect(set.endDrag()).toEqual(['DJ-1']);
    expect(set.get('DJ-1')?.notes).toBe('last');
    set.beginDrag('DJ-1');
    set.remote('DJ-1', null);
    expect(set.endDrag()).toEqual(['DJ-1']);
    expect(set.get('DJ-1')).toBeUndefined();
  });

  it('a drop that the server accepts shows the server document', () => {
    const set = new DispatchJobSet();
    set.replaceAll([job()]);
    set.beginDrag('DJ-1');
    const shown = applyPatch(job(), assignPatch(job(), target));
    const write = set.beginWrite(shown);
    expect(set.endDrag()).toEqual([]);
    expect(set.get('DJ-1')).toBe(shown);
    // Our own change's live echo arrives before the PUT answers: held, not flickering.
    expect(set.remote('DJ-1', { ...shown, modified: T2 })).toBe('deferred');
    set.commitWrite(write, { ...shown, modified: T2 });
    expect(set.get('DJ-1')?.modified).toBe(T2);
    expect(set.isWriting('DJ-1')).toBe(false);
  });

  it('a refused drop goes back where it was, then newer news applies', () => {
    const set = new DispatchJobSet();
    const original = job();
    set.replaceAll([original]);
    const write = set.beginWrite(applyPatch(original, assignPatch(original, target)));
    expect(set.get('DJ-1')?.technician).toBe('TECH-002');
    expect(set.rollbackWrite(write)).toEqual([]);
    expect(set.get('DJ-1')).toBe(original);

    // Someone else assigned it meanwhile (why the server refused): their version shows after the rollback.
    const again = set.beginWrite(applyPatch(original, assignPatch(original, target)));
    set.remote('DJ-1', job({ modified: T2, technician: 'TECH-007', status: 'Scheduled' }));
    expect(set.rollbackWrite(again)).toEqual(['DJ-1']);
    expect(set.get('DJ-1')?.technician).toBe('TECH-007');
  });

  it('a reload during a write keeps the optimistic card', () => {
    const set = new DispatchJobSet();
    set.replaceAll([job()]);
    const shown = applyPatch(job(), assignPatch(job(), target));
    const write = set.beginWrite(shown);
    set.replaceAll([job({ name: 'DJ-2' }), job({ modified: T2, technician: 'TECH-007', status: 'Scheduled' })]);
    expect(set.get('DJ-2')).toBeDefined();
    expect(set.get('DJ-1')).toBe(shown);
    // The write is refused: the reloaded version is what shows.
    expect(set.rollbackWrite(write)).toEqual(['DJ-1']);
    expect(set.get('DJ-1')?.technician).toBe('TECH-007');
  });

  it('tells its owner of every change to what the board shows, and only then', () => {
    let changes = 0;
    const set = new DispatchJobSet(() => (changes += 1));
    set.replaceAll([job({ name: 'DJ-1', modified: 'm1' })]);
    expect(changes).toBe(1);
    expect(set.remote('DJ-1', job({ name: 'DJ-1', modified: 'm0' }))).toBe('stale');
    expect(changes).toBe(1);
    set.beginDrag('DJ-1');
    expect(set.remote('DJ-1', job({ name: 'DJ-1', modified: 'm2' }))).toBe('deferred');
    expect(changes).toBe(1);
    expect(set.endDrag()).toEqual(['DJ-1']);
    expect(changes).toBe(2);
    const write = set.beginWrite(job({ name: 'DJ-1', modified: 'm2', technician: 'TECH-2' }));
    set.rollbackWrite(write);
    expect(changes).toBe(4);
  });
});
