import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/shared/http';
import { memoryTable } from '@/shared/storage/idbTable';
import { newOutboxRecord, readOutboxRecord, retryDelay, type SmsOutboxRecord } from '../model/smsOutboxRecord';
import { SmsOutbox } from './smsOutbox';

const draft = (body: string) => ({ customer: 'CUST-00001', to: '+15145550142', body, template: null, user: 'support@gigafibre.ca' });
const down = () => new ApiError({ status: 503, code: 'unavailable', message: 'hub down' });
const optedOut = () => new ApiError({ status: 422, code: 'validation', message: 'opted out', serverMessages: ['Ce numéro a répondu STOP.'] });

function setup(send: (r: SmsOutboxRecord) => Promise<{ sid: string }>) {
  let now = 1_000_000;
  const table = memoryTable<SmsOutboxRecord>();
  const seen: (readonly SmsOutboxRecord[])[] = [];
  const sent: string[] = [];
  const outbox = new SmsOutbox({
    table,
    send,
    user: () => 'support@gigafibre.ca',
    onRecords: (r) => seen.push(r),
    onSent: (_r, m) => sent.push(m.sid),
    now: () => now,
    random: () => 0.5,
  });
  return { outbox, table, seen, sent, advance: (ms: number) => (now += ms), now: () => now };
}

afterEach(() => vi.useRealTimers());

describe('SMS outbox', () => {
  it('keeps a record until the hub acknowledges it, then removes it', async () => {
    const keys: string[] = [];
    const { outbox, table, sent } = setup((r) => (keys.push(r.key), Promise.resolve({ sid: 'SM1' })));
    await outbox.add(newOutboxRecord(draft('Bonjour'), 1_000_000, 'k-1'));
    expect(keys).toEqual(['k-1']);
    expect(sent).toEqual(['SM1']);
    expect((await table.all()).rows).toEqual([]);
    outbox.stop();
  });

  it('retries a transient failure with the same key after its delay, and survives a reload', async () => {
    const keys: string[] = [];
    let up = false;
    const first = setup((r) => (keys.push(r.key), up ? Promise.resolve({ sid: 'SM2' }) : Promise.reject(down())));
    await first.outbox.add(newOutboxRecord(draft('Votre technicien arrive'), first.now(), 'k-2'));
    first.outbox.stop();
    const stored = (await first.table.all()).rows;
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ key: 'k-2', state: 'waiting', attempts: 1, reason: 'unavailable', nextAt: first.now() + 2_000 });

    // A reload: a new outbox over the same table; not due yet, then due.
    const sends: string[] = [];
    const second = new SmsOutbox({ table: first.table, send: (r) => (sends.push(r.key), Promise.resolve({ sid: 'SM2' })), user: () => 'support@gigafibre.ca', onRecords: () => undefined, now: () => first.now() + 500 });
    await second.start();
    expect(sends).toEqual([]);
    second.stop();
    up = true;
    first.advance(2_000);
    await first.outbox.flush();
    expect(keys).toEqual(['k-2', 'k-2']);
    expect((await first.table.all()).rows).toEqual([]);
  });

  it('marks a refusal with the hub’s reason and sends nothing more for it until dismissed', async () => {
    const send = vi.fn(() => Promise.reject(optedOut()));
    const { outbox, table, seen } = setup(send);
    await outbox.add(newOutboxRecord(draft('Bonjour'), 1_000_000, 'k-3'));
    await outbox.flush(true);
    expect(send).toHaveBeenCalledTimes(1);
    expect(seen.at(-1)?.[0]).toMatchObject({ state: 'refused', reason: 'Ce numéro a répondu STOP.' });
    await outbox.dismiss('k-3');
    expect((await table.all()).rows).toEqual([]);
    expect(seen.at(-1)).toEqual([]);
  });

  it('sends only the signed-in user’s records, oldest first', async () => {
    const order: string[] = [];
    const { outbox, table } = setup((r) => (order.push(r.key), Promise.resolve({ sid: r.key })));
    await table.put('b', newOutboxRecord(draft('2'), 2, 'b'));
    await table.put('a', newOutboxRecord(draft('1'), 1, 'a'));
    await table.put('c', newOutboxRecord({ ...draft('3'), user: 'dispatch@gigafibre.ca' }, 0, 'c'));
    await outbox.start();
    outbox.stop();
    expect(order).toEqual(['a', 'b']);
    expect((await table.all()).rows.map((r) => r.key)).toEqual(['c']);
  });
});

describe('SMS outbox across tabs', () => {
  it('takes on refresh what another tab left waiting, and sends it with the same key', async () => {
    const first = setup(() => Promise.reject(down()));
    await first.outbox.add(newOutboxRecord(draft('De l’autre onglet'), first.now(), 'k-tab'));
    first.outbox.stop(); // that tab is closed
    const keys: string[] = [];
    const other = new SmsOutbox({ table: first.table, send: (r) => (keys.push(r.key), Promise.resolve({ sid: 'SM7' })), user: () => 'support@gigafibre.ca', onRecords: () => undefined });
    await other.refresh();
    other.stop();
    expect(keys).toEqual(['k-tab']);
    expect((await first.table.all()).rows).toEqual([]);
  });
});

describe('outbox records', () => {
  it('reads only rows of its schema, whole', () => {
    const record = newOutboxRecord(draft('x'), 5, 'k');
    expect(readOutboxRecord(record)).toEqual(record);
    expect(readOutboxRecord({ ...record, schema: 2 })).toBeNull();
    expect(readOutboxRecord({ ...record, body: 3 })).toBeNull();
    expect(readOutboxRecord(null)).toBeNull();
  });

  it('waits longer after each failure, up to a minute', () => {
    expect([1, 2, 3, 4, 10].map((n) => retryDelay(n, () => 0.5))).toEqual([2_000, 4_000, 8_000, 16_000, 60_000]);
    expect(retryDelay(1, () => 0)).toBe(1_600);
  });
});
