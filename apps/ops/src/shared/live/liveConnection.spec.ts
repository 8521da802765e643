import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../http/ApiError';
import { LiveConnection, type LiveStatus } from './liveConnection';
import type { SseMessage } from './sseParser';

/** A server stream the test writes to. */
class FakeStream {
  private controller!: ReadableStreamDefaultController<Uint8Array>;
  readonly stream = new ReadableStream<Uint8Array>({ start: (c) => void (this.controller = c) });
  send(text: string) {
    this.controller.enqueue(new TextEncoder().encode(text));
  }
  end() {
    this.controller.close();
  }
}

interface Harness {
  conn: LiveConnection;
  opens: { lastEventId: string | null; signal: AbortSignal }[];
  streams: FakeStream[];
  statuses: string[];
  messages: SseMessage[];
  resumed: number;
  /** What the next open() does: a stream (default) or a failure. */
  next: (() => Promise<ReadableStream<Uint8Array>>)[];
}

function harness(): Harness {
  const h: Harness = { opens: [], streams: [], statuses: [], messages: [], resumed: 0, next: [] } as unknown as Harness;
  h.conn = new LiveConnection({
    open: (lastEventId, signal) => {
      h.opens.push({ lastEventId, signal });
      const planned = h.next.shift();
      if (planned) return planned();
      const s = new FakeStream();
      h.streams.push(s);
      return Promise.resolve(s.stream);
    },
    onMessage: (m) => h.messages.push(m),
    onStatus: (s: LiveStatus, reason) => h.statuses.push(reason ? `${s}:${reason}` : s),
    onResumed: () => (h.resumed += 1),
    baseDelayMs: 1000,
    maxDelayMs: 8000,
    stallMs: 45_000,
    random: () => 0.5, // delay = 3/4 of the ceiling
  });
  return h;
}

const networkError = () => Promise.reject(new ApiError({ status: 0, code: 'network', message: 'x' }));

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('LiveConnection', () => {
  it('connects, delivers events, and resumes with Last-Event-ID after the stream drops', async () => {
    const h = harness();
    h.conn.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.statuses).toEqual(['connecting', 'connected']);
    expect(h.opens[0]?.lastEventId).toBeNull();

    h.streams[0]?.send('event: doc_change\nid: 7\ndata: {"doctype":"Customer"}\n\n');
    h.streams[0]?.send('id: 8\nevent: doc_change\ndata: {}\n\n');
    await vi.advanceTimersByTimeAsync(0);
    expect(h.messages.map((m) => m.lastEventId)).toEqual(['7', '8']);

    h.streams[0]?.end();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.statuses.at(-1)).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(749);
    expect(h.opens).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.opens).toHaveLength(2);
    expect(h.opens[1]?.lastEventId).toBe('8');
    expect(h.statuses.at(-1)).toBe('connected');
    expect(h.resumed).toBe(1);
  });

  it('backs off exponentially (with jitter) up to the ceiling while the server is unreachable', async () => {
    const h = harness();
    h.next.push(networkError, networkError, networkError, networkError, networkError);
    h.conn.start();
    expect(h.opens).toHaveLength(1);
    const times: number[] = [0];
    let elapsed = 0;
    while (h.opens.length < 6) {
      const before = h.opens.length;
      await vi.advanceTimersByTimeAsync(50);
      elapsed += 50;
      if (h.opens.length > before) times.push(elapsed);
    }
    const gaps = times.slice(1).map((t, i) => t - (times[i] as number));
    // ceilings 1s, 2s, 4s, 8s, 8s → 3/4 of each
    expect(gaps).toEqual([750, 1500, 3000, 6000, 6000]);
    expect(h.statuses.filter((s) => s === 'reconnecting').length).toBeGreaterThanOrEqual(5);
    expect(h.statuses.at(-1)).toBe('connected');
    expect(h.resumed).toBe(0); // never connected before: nothing was missed
  });

  it('stops, without retrying, when the session has expired', async () => {
    const h = harness();
    h.next.push(() => Promise.reject(new ApiError({ status: 401, code: 'session-expired', message: 'x' })));
    h.conn.start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.opens).toHaveLength(1);
    expect(h.statuses).toEqual(['connecting', 'offline:signed-out']);

    h.conn.start(); // signed in again
    await vi.advanceTimersByTimeAsync(0);
    expect(h.opens).toHaveLength(2);
    expect(h.statuses.at(-1)).toBe('connected');
  });

  it('restarts a stream that went silent (no heartbeat) and resumes from the last id', async () => {
    const h = harness();
    h.conn.start();
    await vi.advanceTimersByTimeAsync(0);
    h.streams[0]?.send('id: 3\nevent: doc_change\ndata: {}\n\n');
    await vi.advanceTimersByTimeAsync(30_000);
    h.streams[0]?.send(': heartbeat\n\n');
    await vi.advanceTimersByTimeAsync(44_000);
    expect(h.opens).toHaveLength(1); // the heartbeat kept it alive
    await vi.advanceTimersByTimeAsync(1_000);
    expect(h.opens[0]?.signal.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(750);
    expect(h.opens).toHaveLength(2);
    expect(h.opens[1]?.lastEventId).toBe('3');
  });

  it('start() during a backoff reconnects at once; stop() ends everything', async () => {
    const h = harness();
    h.next.push(networkError);
    h.conn.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.statuses.at(-1)).toBe('reconnecting');
    h.conn.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.opens).toHaveLength(2);
    expect(h.statuses.at(-1)).toBe('connected');

    h.conn.stop('network');
    expect(h.opens[1]?.signal.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.opens).toHaveLength(2);
    expect(h.statuses.at(-1)).toBe('offline:network');
  });
});
