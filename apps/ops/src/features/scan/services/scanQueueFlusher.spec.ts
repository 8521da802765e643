// The flusher against a real IndexedDB (fake-indexeddb) with fake timers for the backoff.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/shared/http';
import { createScanQueueDb, type ScanQueueDb } from './scanStorage';
import { ScanQueueFlusher, type FlusherDeps } from './scanQueueFlusher';
import { createLocalLock } from './scanQueueLock';
import { newScanRecord, type ScanQueueRecord } from '../model/scanQueueRecord';

const USER = 'tech@gigafibre.ca';
let dbCount = 0;
let names: { database: string; store: string };
let db: ScanQueueDb;

const link = (serial: string, user = USER) =>
  newScanRecord(
    { kind: 'link-equipment', payload: { serial, mac: null, equipmentType: 'ONT', model: null, manufacturer: null, serviceLocation: 'LOC-000005', source: 'manual' } },
    { user, job: 'DJ-000005' },
  );
const status = (s: 'En Route' | 'In Progress') => newScanRecord({ kind: 'job-status', payload: { status: s } }, { user: USER, job: 'DJ-000005' });
const serialOf = (r: ScanQueueRecord) => (r.kind === 'link-equipment' ? r.payload.serial : r.kind === 'job-status' ? r.payload.status : r.id);
const timeout = () => new ApiError({ status: 0, code: 'timeout', message: 'délai' });
const refusal = (why: string) => new ApiError({ status: 417, code: 'validation', message: why, serverMessages: [why] });
const tooMany = (retryAfterMs: number) => new ApiError({ status: 429, code: 'rate-limited', message: 'Trop de demandes', retryAfterMs });

async function queue(...records: ScanQueueRecord[]) {
  for (const r of records) await db.put(r);
}
/** Lets IndexedDB's real (not faked) callbacks run. */
async function settle(rounds = 20) {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
}
/** Waits for a condition driven by IndexedDB callbacks, without moving the fake clock. */
async function until(check: () => boolean | Promise<boolean>, rounds = 200) {
  for (let i = 0; i < rounds; i++) {
    if (await check()) return;
    await settle(1);
  }
  throw new Error('condition never met');
}
const stored = async () => (await db.all()).records.sort((a, b) => a.seq - b.seq);

function flusherWith(send: FlusherDeps['send'], overrides: Partial<FlusherDeps> = {}) {
  return new ScanQueueFlusher({ db, lock: createLocalLock(), send, user: () => USER, canSend: () => true, random: () => 0, ...overrides });
}

beforeEach(() => {
  names = { database: `scan-queue-test-${++dbCount}`, store: 'records' };
  db = createScanQueueDb(names);
  // fake-indexeddb schedules with setImmediate: only timers and the clock are faked.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => vi.useRealTimers());

describe('flushing', () => {
  it('sends oldest first and removes each record only once acknowledged', async () => {
    const sent: string[] = [];
    await queue(link('A'), link('B'), link('C'));
    const result = await flusherWith(async (r) => {
      sent.push(serialOf(r));
      expect((await stored()).map(serialOf)).toContain(serialOf(r)); // still stored while on its way
      return undefined;
    }).flush();
    expect(sent).toEqual(['A', 'B', 'C']);
    expect(result).toEqual({ sent: 3, refused: 0, stoppedBy: null });
    expect(await stored()).toEqual([]);
  });

  it('sends up to four records at once, in creation order, and one chain strictly one after the other', async () => {
    let inFlight = 0;
    let most = 0;
    const started: string[] = [];
    const order: string[] = [];
    const chains = new Map<string, number>();
    await queue(link('A'), link('B'), link('C'), link('D'), link('A'), link('E'), link('F'));
    await flusherWith(async (r) => {
      const chain = serialOf(r);
      expect(chains.get(chain) ?? 0).toBe(0); // never two of one chain on their way
      chains.set(chain, 1);
      started.push(chain);
      most = Math.max(most, ++inFlight);
      await settle(2);
      inFlight--;
      chains.set(chain, 0);
      order.push(chain);
      return undefined;
    }).flush();
    expect(most).toBe(4);
    expect(started).toEqual(['A', 'B', 'C', 'D', 'A', 'E', 'F']);
    expect(order.filter((c) => c === 'A')).toHaveLength(2);
    expect(await stored()).toEqual([]);
  });

  it('a timeout stops the pass: nothing new leaves after it, and the timer retries after the backoff', async () => {
    const sent: string[] = [];
    let fail = true;
    await queue(link('A'), link('B'), link('C'), link('D'), link('E'), link('F'));
    const flusher = flusherWith(async (r) => {
      sent.push(serialOf(r));
      await settle(1);
      if (fail && serialOf(r) === 'A') throw timeout();
      return undefined;
    });
    expect(await flusher.flush()).toMatchObject({ sent: 3, stoppedBy: 'waiting' });
    // B, C, D were already on their way beside A; E and F did not leave.
    expect(sent).toEqual(['A', 'B', 'C', 'D']);
    const left = await stored();
    expect(left.map(serialOf)).toEqual(['A', 'E', 'F']);
    expect(left[0]).toMatchObject({ state: 'pending', attempts: 1, lastError: { code: 'timeout' } });

    // Before the delay nothing happens; after it, the rest goes, oldest first.
    fail = false;
    await vi.advanceTimersByTimeAsync(900);
    await settle();
    expect(sent).toHaveLength(4);
    await vi.advanceTimersByTimeAsync(200);
    await until(async () => (await stored()).length === 0);
    expect(sent.slice(4)).toEqual(['A', 'E', 'F']);
  });

  it('backs off longer after each failure, and « réessayer maintenant » skips the wait', async () => {
    const at: number[] = [];
    await queue(link('A'));
    const flusher = flusherWith(async () => {
      at.push(Date.now());
      throw timeout();
    });
    const start = Date.now();
    const nextAt = async () => (await stored())[0]!.nextAttemptAt;
    await flusher.flush();
    expect(await nextAt()).toBe(start + 1_000); // 1st retry: 1 s (random 0)
    await vi.advanceTimersByTimeAsync(999);
    await settle();
    expect(at).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await until(() => at.length === 2);
    await until(async () => (await nextAt()) === at[1]! + 2_000); // 2nd retry: 2 s
    await vi.advanceTimersByTimeAsync(2_000);
    await until(() => at.length === 3);
    await until(async () => (await nextAt()) === at[2]! + 4_000); // 3rd: 4 s
    await flusher.flush({ force: true });
    expect(at).toHaveLength(4);
    expect((await stored())[0]?.attempts).toBe(4);
    flusher.stop();
  });

  it('a 429 keeps the record and waits its Retry-After before it (or anything after it) goes, « réessayer » and `online` included', async () => {
    const at: [string, number][] = [];
    let limited = true;
    await queue(link('A'), link('B'), link('A'));
    const flusher = flusherWith(async (r) => {
      at.push([serialOf(r), Date.now()]);
      await settle(1);
      if (limited && serialOf(r) === 'A') {
        limited = false;
        throw tooMany(3_000);
      }
      return undefined;
    });
    const start = Date.now();
    // B left beside the first A; the second A (same chain) waits behind it.
    expect(await flusher.flush()).toEqual({ sent: 1, refused: 0, stoppedBy: 'waiting' });
    expect((await stored()).map((r) => [serialOf(r), r.state, r.lastError?.code ?? null, r.nextAttemptAt])).toEqual([
      ['A', 'pending', 'rate-limited', start + 3_000],
      ['A', 'pending', null, 0],
    ]);
    // The technician taps « réessayer », the network comes back: nothing leaves before 3 s.
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await flusher.flush({ force: true })).toMatchObject({ sent: 0, stoppedBy: 'waiting' });
    await vi.advanceTimersByTimeAsync(1_999);
    await settle();
    expect(at.map(([serial]) => serial)).toEqual(['A', 'B']);
    // At 3 s the timer sends the record again, then its chain.
    await vi.advanceTimersByTimeAsync(1);
    await until(async () => (await stored()).length === 0);
    expect(at.map(([serial]) => serial)).toEqual(['A', 'B', 'A', 'A']);
    expect(at[2]![1] - at[0]![1]).toBeGreaterThanOrEqual(3_000);
  });

  it('a refused record is set aside with its reason and holds back only its own chain', async () => {
    const sent: string[] = [];
    const records = [link('BAD'), link('OK1'), status('En Route'), status('In Progress'), link('BAD'), link('OK2')];
    const first = records[2]!;
    await queue(...records);
    const result = await flusherWith(async (r) => {
      sent.push(serialOf(r));
      if (serialOf(r) === 'BAD' || r.id === first.id) throw refusal(`Refusé : ${serialOf(r)}`);
      return undefined;
    }).flush();
    // The second BAD and « In Progress » wait behind their refused elders; OK1 and OK2 go.
    expect(sent).toEqual(['BAD', 'OK1', 'En Route', 'OK2']);
    expect(result).toEqual({ sent: 2, refused: 2, stoppedBy: null });
    expect(sent.indexOf('OK1')).toBeGreaterThan(-1);
    const left = await stored();
    expect(left.map((r) => [serialOf(r), r.state])).toEqual([
      ['BAD', 'refused'],
      ['En Route', 'refused'],
      ['In Progress', 'pending'],
      ['BAD', 'pending'],
    ]);
    expect(left[0]!.lastError).toMatchObject({ code: 'validation', message: 'Refusé : BAD' });
    // No timer spins on records held behind a refusal.
    expect(vi.getTimerCount()).toBe(0);
  });

  it('an expired session stops the pass and keeps every record; signing in again sends them', async () => {
    const sent: string[] = [];
    let signedIn = true;
    await queue(link('A'), link('B'), link('C'));
    const flusher = flusherWith(async (r) => {
      if (!signedIn) throw new ApiError({ status: 401, code: 'session-expired', message: 'expirée' });
      sent.push(serialOf(r));
      if (serialOf(r) === 'A') signedIn = false; // expires mid-flush
      return undefined;
    });
    expect(await flusher.flush()).toMatchObject({ sent: 1, stoppedBy: 'session' });
    // B and C left beside A and met the expired session too: both kept, due once signed in.
    expect((await stored()).map((r) => [serialOf(r), r.state, r.lastError?.code ?? null])).toEqual([
      ['B', 'pending', 'session-expired'],
      ['C', 'pending', 'session-expired'],
    ]);
    expect(vi.getTimerCount()).toBe(0); // no hammering the sign-in page
    signedIn = true;
    expect(await flusher.flush()).toMatchObject({ sent: 2, stoppedBy: null });
    expect(sent).toEqual(['A', 'B', 'C']);
  });

  it('sends only the signed-in user’s records, and nothing while offline unless forced', async () => {
    const sent: string[] = [];
    let online = false;
    await queue(link('MINE'), link('THEIRS', 'other@gigafibre.ca'));
    const flusher = flusherWith(
      async (r) => {
        sent.push(serialOf(r));
        return undefined;
      },
      { canSend: () => online },
    );
    expect(await flusher.flush()).toMatchObject({ sent: 0, stoppedBy: 'offline' });
    online = true;
    await flusher.flush();
    expect(sent).toEqual(['MINE']);
    expect((await stored()).map(serialOf)).toEqual(['THEIRS']);
  });

  it('keeps an OCR answer for confirmation instead of removing the record', async () => {
    const ocr = newScanRecord({ kind: 'ocr', payload: { image: new Blob(['png'], { type: 'image/png' }), fileName: 'label.png' } }, { user: USER, job: 'DJ-000005' });
    await queue(ocr);
    const answer = { serial: 'ALCLB2C4D601', mac: 'A4:E3:1B:2C:4D:01', model: 'G-010G-Q', manufacturer: 'Nokia', barcodes: [] };
    await flusherWith(async () => answer).flush();
    expect(await db.get(ocr.id)).toMatchObject({ state: 'to-confirm', result: answer });
  });
});

describe('durability and tabs', () => {
  it('records survive a new connection to the same database (a reload), an interrupted send included', async () => {
    const a = link('A');
    await queue(a, link('B'));
    await db.put({ ...a, state: 'sending', attempts: 1 });
    const reopened = createScanQueueDb(names);
    const { records } = await reopened.all();
    expect(records.map((r) => [serialOf(r), r.state]).sort()).toEqual([
      ['A', 'pending'],
      ['B', 'pending'],
    ]);
  });

  it('two tabs flushing at once send each record exactly once', async () => {
    const sent: string[] = [];
    const serials = Array.from({ length: 12 }, (_, i) => `S${i}`);
    await queue(...serials.map((s) => link(s)));
    const lock = createLocalLock(); // stands in for the cross-tab Web Lock
    const send: FlusherDeps['send'] = async (r) => {
      sent.push(serialOf(r));
      await Promise.resolve();
      return undefined;
    };
    const tabA = flusherWith(send, { lock, db: createScanQueueDb(names) });
    const tabB = flusherWith(send, { lock, db: createScanQueueDb(names) });
    await Promise.all([tabA.flush(), tabB.flush(), tabA.flush()]);
    expect(sent.sort()).toEqual([...serials].sort());
    expect(await stored()).toEqual([]);
  });

  it('a record discarded in another tab while it waits its turn is not sent', async () => {
    const a = link('A');
    const b = link('A'); // same chain: waits for A
    await queue(a, b);
    const sent: string[] = [];
    await flusherWith(async (r) => {
      sent.push(serialOf(r));
      if (r.id === a.id) await db.remove(b.id); // the other tab's « supprimer »
      return undefined;
    }).flush();
    expect(sent).toEqual(['A']);
  });
});
