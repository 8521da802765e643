import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocChangeEvent } from '@gigafibre/contracts';
import { DocumentStore, type EntrySpec } from './documentStore';

type Job = { name: string; status: string; modified: string };
const event = (over: Partial<DocChangeEvent> = {}): DocChangeEvent => ({ doctype: 'Dispatch Job', name: 'DJ-1', action: 'update', changed: ['status'], by: null, at: '2026-01-01T00:00:00Z', ...over });

function docSpec(load: () => Promise<Job>): EntrySpec<Job> {
  return { key: 'doc:DJ-1', holds: { kind: 'doc', doctype: 'Dispatch Job', name: 'DJ-1' }, load, concerns: (e) => e.doctype === 'Dispatch Job' && e.name === 'DJ-1' };
}
function listSpec(load: () => Promise<Job[]>, key = 'list:day'): EntrySpec<Job[]> {
  return { key, holds: { kind: 'list', doctype: 'Dispatch Job' }, load, concerns: (e) => e.doctype === 'Dispatch Job' };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => vi.useRealTimers());

describe('DocumentStore', () => {
  it('gives everyone watching a key one entry and one request', async () => {
    const store = new DocumentStore();
    const load = vi.fn(async () => ({ name: 'DJ-1', status: 'Scheduled', modified: 'm1' }));
    const a = store.entry(docSpec(load));
    const b = store.entry(docSpec(load));
    expect(b).toBe(a);
    store.watch(a);
    store.watch(b);
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
    expect(a.state.value).toMatchObject({ data: { status: 'Scheduled' }, error: null, loading: false });
  });

  it('keeps the last answer when a refetch fails, and reads again on the next watcher', async () => {
    const store = new DocumentStore();
    const load = vi.fn().mockResolvedValueOnce({ name: 'DJ-1', status: 'Scheduled', modified: 'm1' }).mockRejectedValueOnce(new Error('down')).mockResolvedValue({ name: 'DJ-1', status: 'En Route', modified: 'm2' });
    const entry = store.entry(docSpec(load));
    store.watch(entry);
    await settle();
    await store.read(entry);
    expect(entry.state.value).toMatchObject({ data: { status: 'Scheduled' }, error: new Error('down') });
    store.watch(entry);
    await settle();
    expect(entry.state.value).toMatchObject({ data: { status: 'En Route' }, error: null });
  });

  it('a write’s answer updates the document and the list rows showing it, keeping each row’s fields', async () => {
    const store = new DocumentStore();
    const doc = store.entry(docSpec(async () => ({ name: 'DJ-1', status: 'Scheduled', modified: 'm1' })));
    const list = store.entry(listSpec(async () => [{ name: 'DJ-1', status: 'Scheduled', modified: 'm1' }, { name: 'DJ-2', status: 'Scheduled', modified: 'm1' }]));
    store.watch(doc);
    store.watch(list);
    await settle();
    store.putDoc('Dispatch Job', { name: 'DJ-1', status: 'En Route', modified: 'm2', technician: 'TECH-1' });
    expect(doc.state.value.data).toMatchObject({ status: 'En Route', technician: 'TECH-1' });
    expect(list.state.value.data).toEqual([{ name: 'DJ-1', status: 'En Route', modified: 'm2' }, { name: 'DJ-2', status: 'Scheduled', modified: 'm1' }]);
  });

  it('live events refetch watched entries once per burst, skip our own write, and drop unwatched ones', async () => {
    vi.useFakeTimers();
    const store = new DocumentStore({ batchMs: 40 });
    const load = vi.fn(async () => ({ name: 'DJ-1', status: 'Scheduled', modified: 'm1' }));
    const doc = store.entry(docSpec(load));
    store.watch(doc);
    await vi.advanceTimersByTimeAsync(0);
    store.onEvent(event({ modified: 'm1' }));
    await vi.advanceTimersByTimeAsync(50);
    expect(load).toHaveBeenCalledTimes(1);
    store.onEvent(event({ modified: 'm2' }));
    store.onEvent(event({ modified: 'm3' }));
    store.onEvent(event({ name: 'DJ-9' }));
    await vi.advanceTimersByTimeAsync(50);
    expect(load).toHaveBeenCalledTimes(2);
    const idle = store.entry(listSpec(async () => [], 'list:other'));
    store.watch(idle)();
    await vi.advanceTimersByTimeAsync(0);
    store.onEvent(event({ name: 'DJ-5' }));
    expect(store.peek('list:other')).toBeUndefined();
  });

  it('an event during a read in flight reads again when it ends (the answer may predate the change)', async () => {
    const store = new DocumentStore({ batchMs: 0 });
    let resolve!: (job: Job) => void;
    const load = vi.fn(() => new Promise<Job>((r) => (resolve = r)));
    const doc = store.entry(docSpec(load));
    store.watch(doc);
    expect(load).toHaveBeenCalledTimes(1);
    void store.refresh(doc);
    expect(load).toHaveBeenCalledTimes(1);
    resolve({ name: 'DJ-1', status: 'Scheduled', modified: 'm1' });
    await settle();
    expect(load).toHaveBeenCalledTimes(2);
    resolve({ name: 'DJ-1', status: 'En Route', modified: 'm2' });
    await settle();
    expect(doc.state.value.data?.status).toBe('En Route');
  });

  it('after a cut, watched entries are read again and the others forgotten', async () => {
    const store = new DocumentStore();
    const load = vi.fn(async () => [] as Job[]);
    const watched = store.entry(listSpec(load, 'a'));
    const idle = store.entry(listSpec(load, 'b'));
    store.watch(watched);
    store.watch(idle)();
    await settle();
    store.onResumed();
    await settle();
    expect(load).toHaveBeenCalledTimes(3);
    expect(store.peek('b')).toBeUndefined();
    expect(store.peek('a')).toBe(watched);
  });

  it('keeps a bounded number of unwatched entries, the most recently used', async () => {
    let clock = 0;
    const store = new DocumentStore({ maxIdle: 2, now: () => ++clock });
    for (const key of ['a', 'b', 'c', 'd']) {
      const release = store.watch(store.entry(listSpec(async () => [], key)));
      await settle();
      release();
    }
    expect([...['a', 'b', 'c', 'd']].filter((k) => store.peek(k))).toEqual(['c', 'd']);
  });

  it('a deleted document leaves the lists at once', async () => {
    const store = new DocumentStore();
    const list = store.entry(listSpec(async () => [{ name: 'DJ-1', status: 'Scheduled', modified: 'm1' }]));
    store.watch(list);
    await settle();
    store.dropDoc('Dispatch Job', 'DJ-1');
    expect(list.state.value.data).toEqual([]);
  });
});
