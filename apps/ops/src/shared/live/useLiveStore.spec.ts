import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import { createPinia, setActivePinia } from 'pinia';
import { useLiveEvents } from './useLiveEvents';
import { useLiveStore } from './useLiveStore';

/** A fetch that answers /ops/api/hub/events with a stream the test writes to. */
function streamingFetch() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const requests: RequestInit[] = [];
  const fetchMock = vi.fn((_url: string, init: RequestInit) => {
    requests.push(init);
    const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
    return Promise.resolve(new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }));
  });
  const send = (text: string) => controller.enqueue(new TextEncoder().encode(text));
  return { fetchMock, requests, send };
}

const change = (id: number, doctype: string, name: string) =>
  `id: ${id}\nevent: doc_change\ndata: ${JSON.stringify({ doctype, name, action: 'update', changed: ['status'], by: null, at: '2025-11-26T14:00:00Z' })}\n\n`;

beforeEach(() => setActivePinia(createPinia()));
afterEach(() => vi.unstubAllGlobals());

describe('live events store', () => {
  it('delivers doc_change events by doctype and name, and unsubscribes with the scope', async () => {
    const server = streamingFetch();
    vi.stubGlobal('fetch', server.fetchMock);
    const live = useLiveStore();
    const jobs = vi.fn();
    const oneCustomer = vi.fn();
    const scope = effectScope();
    scope.run(() => {
      useLiveEvents({ doctype: 'Dispatch Job' }, jobs);
      useLiveEvents({ doctype: 'Customer', name: 'CUST-00001' }, oneCustomer);
    });
    expect(live.subscriberCount()).toBe(2);
    live.start();
    await vi.waitFor(() => expect(live.status).toBe('connected'));
    expect(new Headers(server.requests[0]?.headers).get('Accept')).toBe('text/event-stream');

    server.send(change(1, 'Dispatch Job', 'DJ-000001'));
    server.send(change(2, 'Customer', 'CUST-00002'));
    server.send(': heartbeat\n\n');
    server.send(change(3, 'Customer', 'CUST-00001'));
    await vi.waitFor(() => expect(oneCustomer).toHaveBeenCalledTimes(1));
    expect(jobs).toHaveBeenCalledWith(expect.objectContaining({ doctype: 'Dispatch Job', name: 'DJ-000001', changed: ['status'] }));
    expect(jobs).toHaveBeenCalledTimes(1);

    scope.stop();
    expect(live.subscriberCount()).toBe(0);
    live.stop();
    expect(live.status).toBe('offline');
  });
});
