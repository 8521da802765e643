import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import { createPinia, setActivePinia } from 'pinia';
import { useHubEvents, useLiveEvents } from './useLiveEvents';
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

  it('delivers the hub’s other named events as JSON to their subscribers only, and drops bad JSON', async () => {
    const server = streamingFetch();
    vi.stubGlobal('fetch', server.fetchMock);
    const live = useLiveStore();
    const messages = vi.fn();
    const docs = vi.fn();
    const scope = effectScope();
    scope.run(() => {
      useHubEvents('message', messages);
      useLiveEvents({}, docs);
    });
    live.start();
    await vi.waitFor(() => expect(live.status).toBe('connected'));
    server.send('id: 1\nevent: message\ndata: {"sid":"SM1"}\n\n');
    server.send('id: 2\nevent: message\ndata: {not json\n\n');
    server.send('id: 3\nevent: number_opt\ndata: {"number":"+15145550142"}\n\n');
    server.send(change(4, 'Customer', 'CUST-00001'));
    await vi.waitFor(() => expect(docs).toHaveBeenCalledTimes(1));
    expect(messages).toHaveBeenCalledTimes(1);
    expect(messages).toHaveBeenCalledWith({ sid: 'SM1' });
    scope.stop();
    server.send('id: 5\nevent: message\ndata: {"sid":"SM2"}\n\n');
    await new Promise((r) => setTimeout(r, 10));
    expect(messages).toHaveBeenCalledTimes(1);
    live.stop();
  });
});
