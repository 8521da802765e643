// Resuming live events with Last-Event-ID, on one replica or another: from the replica's memory
// when it covers the gap, through a catch-up from the hub when it does not (shared by browsers
// resuming from the same id), never losing or repeating an event; and what browsers see when the
// replica's subscription to the hub drops.
import { beforeAll, describe, expect, it } from 'vitest';
import { useEventStack } from './eventStack';
import { idRange, openTab, type Tab } from './sseClient';
import { tokenFor } from './testEnv';

let token: string;
const stack = useEventStack((req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(req.url === '/api/method/ping' ? '{"message":"pong"}' : '{"data":[]}');
});
const { startBff } = stack;

beforeAll(async () => {
  token = await tokenFor(['ops-dispatch'], 'dispatch@gigafibre.ca');
});

const catchUpRequests = () => stack.hub.upstream.requests.filter((r) => r.url === '/events' && r.headers['last-event-id'] !== undefined);
const lastOf = (tab: Tab) => tab.ids().at(-1) as string;

describe('resuming with Last-Event-ID on one replica', () => {
  it('is served from memory when the replica holds the gap: the missed events, then live, without asking the hub', async () => {
    const { port } = await startBff();
    const first = await openTab(port, { token });
    const published = idRange(1, 5).map(() => stack.hub.publish());
    await expect.poll(() => first.ids()).toEqual(published);
    const resumed = await openTab(port, { token, lastEventId: '2' });
    await expect.poll(() => resumed.ids()).toEqual(['3', '4', '5']);
    const upToDate = await openTab(port, { token, lastEventId: '5' });
    stack.hub.publish();
    await expect.poll(() => resumed.ids()).toEqual(['3', '4', '5', '6']);
    await expect.poll(() => upToDate.ids()).toEqual(['6']);
    expect(stack.hub.upstream.requests.filter((r) => r.url === '/events')).toHaveLength(1);
    // The hub's `?lastEventId=` works as well (as it does on the hub).
    const byQuery = await openTab(port, { token, path: '/ops/api/hub/events?lastEventId=4' });
    await expect.poll(() => byQuery.ids()).toEqual(['5', '6']);
    for (const tab of [first, resumed, upToDate, byQuery]) tab.close();
  });

  it('catches up from the hub when memory does not reach back that far, then joins the broadcast without loss or repeat', async () => {
    const { port } = await startBff({ EVENT_REPLAY_EVENTS: '3' });
    const first = await openTab(port, { token });
    for (let i = 0; i < 10; i++) stack.hub.publish();
    await expect.poll(() => first.ids()).toEqual(idRange(1, 10));
    const resumed = await openTab(port, { token, lastEventId: '2' });
    await expect.poll(() => resumed.ids()).toEqual(idRange(3, 10));
    expect(catchUpRequests().map((r) => r.headers['last-event-id'])).toEqual(['2']);
    // It met the shared subscription within the replay: the catch-up stream is closed already.
    await expect.poll(() => stack.hub.streams.length).toBe(1);
    stack.hub.publish();
    await expect.poll(() => resumed.ids()).toEqual(idRange(3, 11));
    first.close();
    resumed.close();
  });

  it('shares one catch-up among browsers resuming from the same id on a replica that just started, until the next event', async () => {
    for (let i = 0; i < 5; i++) stack.hub.publish(); // before this replica existed: it knows none of them
    const { t, port } = await startBff();
    const tabs = await Promise.all([0, 1, 2].map(() => openTab(port, { token, lastEventId: '5' })));
    const behind = await openTab(port, { token, lastEventId: '3' });
    await expect.poll(() => behind.ids()).toEqual(['4', '5']);
    expect(catchUpRequests().map((r) => r.headers['last-event-id']).sort()).toEqual(['3', '5']);
    expect(t.app.eventStreams()).toEqual({ browsers: 4, catchUps: 2 });
    stack.hub.publish();
    for (const tab of tabs) await expect.poll(() => tab.ids()).toEqual(['6']);
    await expect.poll(() => behind.ids()).toEqual(['4', '5', '6']);
    // Both met the shared subscription at event 6: only it is left upstream.
    await expect.poll(() => t.app.eventStreams()).toEqual({ browsers: 4, catchUps: 0 });
    await expect.poll(() => stack.hub.streams.length).toBe(1);
    stack.hub.publish();
    for (const tab of [...tabs, behind]) await expect.poll(() => tab.ids().at(-1)).toBe('7');
    for (const tab of [...tabs, behind]) expect(new Set(tab.ids()).size).toBe(tab.ids().length);
    for (const tab of [...tabs, behind]) tab.close();
  });
});

describe('resuming on another replica while events keep coming', () => {
  // The hub publishes every few milliseconds throughout: the switch happens mid-flow.
  async function moveAcross(warm: boolean): Promise<void> {
    const a = await startBff();
    const b = await startBff();
    const watcher = warm ? await openTab(b.port, { token }) : undefined;
    const onA = await openTab(a.port, { token });
    const publisher = setInterval(() => stack.hub.publish(), 3);
    try {
      await expect.poll(() => onA.ids().length, { timeout: 5000 }).toBeGreaterThanOrEqual(20);
      onA.close();
      const seenOnA = onA.ids();
      const onB = await openTab(b.port, { token, lastEventId: lastOf(onA) });
      await expect.poll(() => onB.ids().length, { timeout: 5000 }).toBeGreaterThanOrEqual(20);
      clearInterval(publisher);
      const last = stack.hub.publish();
      await expect.poll(() => lastOf(onB), { timeout: 5000 }).toBe(last);
      // Every event exactly once, in order, across the two replicas.
      expect([...seenOnA, ...onB.ids()]).toEqual(idRange(Number(seenOnA[0]), Number(last)));
      expect(catchUpRequests().length).toBe(warm ? 0 : 1);
      onB.close();
    } finally {
      clearInterval(publisher);
      watcher?.close();
    }
  }

  it('from the other replica’s memory when it has been listening', () => moveAcross(true));
  it('through a catch-up when the other replica has just started', () => moveAcross(false));
});

describe('when the subscription to the hub drops', () => {
  it('keeps browsers’ streams (silent), reports it in readyz, and delivers what they missed once it resumes', async () => {
    const { port } = await startBff();
    const tab = await openTab(port, { token });
    stack.hub.publish();
    stack.hub.publish();
    await expect.poll(() => tab.ids()).toEqual(['1', '2']);
    stack.hub.refuse(503);
    stack.hub.cut();
    const ready = () => fetch(`http://127.0.0.1:${port}/ops/readyz`).then(async (r) => ({ status: r.status, body: (await r.json()) as { down?: string[] } }));
    await expect.poll(async () => (await ready()).body.down, { timeout: 5000 }).toEqual(['events']);
    stack.hub.publish();
    stack.hub.publish(); // while the replica is away from the hub
    // A new browser is told at once (as when each stream had its own upstream); the open one waits.
    const late = await openTab(port, { token });
    expect(late.res.statusCode).toBe(502);
    const before = tab.text();
    stack.hub.refuse(null);
    await expect.poll(() => tab.ids(), { timeout: 15_000 }).toEqual(['1', '2', '3', '4']);
    expect(tab.text().slice(before.length)).not.toMatch(/^(retry:|:(?! heartbeat))/m); // nothing but the events: no hint, no comment
    expect(stack.hub.upstream.requests.filter((r) => r.url === '/events').at(-1)?.headers['last-event-id']).toBe('2');
    await expect.poll(async () => (await ready()).status).toBe(200);
    tab.close();
  });

  it('delivers the events of a hub that restarted with its ids from 1 again (none taken for a repeat)', async () => {
    const { port } = await startBff();
    const tab = await openTab(port, { token });
    for (let i = 0; i < 3; i++) stack.hub.publish();
    await expect.poll(() => tab.ids()).toEqual(['1', '2', '3']);
    stack.hub.restart();
    const resubscribed = () => stack.hub.upstream.requests.filter((r) => r.url === '/events').length === 2 && stack.hub.streams.length === 1;
    await expect.poll(resubscribed, { timeout: 5000 }).toBe(true);
    expect(stack.hub.streams[0]?.lastEventId).toBe('3');
    stack.hub.publish();
    stack.hub.publish();
    await expect.poll(() => tab.ids()).toEqual(['1', '2', '3', '1', '2']);
    tab.close();
  });

  it('ends the streams it cannot resume exactly (no event seen yet), so the SPA reconnects and refreshes', async () => {
    const { port } = await startBff();
    const tab = await openTab(port, { token });
    await expect.poll(() => stack.hub.streams.length).toBe(1);
    stack.hub.cut();
    await tab.ended;
    expect(tab.text()).toMatch(/: connected\n\nretry: \d+\n\n: flux du hub interrompu[^\n]*\n\n$/);
  });
});

describe('a browser that stops reading', () => {
  it('is dropped past EVENT_STREAM_BACKLOG_BYTES with a retry hint, without holding the others, and resumes where it stopped', async () => {
    const { t, port } = await startBff({ EVENT_STREAM_BACKLOG_BYTES: '262144' });
    const fast = await openCountingTab(port);
    const slow = await openTab(port, { token });
    slow.res.pause(); // reads nothing more: the kernel's buffers fill, then Node's
    // Loopback buffers hold megabytes before Node queues anything: publish until the BFF gives
    // up on the slow one, the fast one reading each event as it comes.
    let published = 0;
    while (t.app.eventStreams().browsers > 1 && published < 3000) {
      const id = stack.hub.publish(undefined, 60_000);
      published++;
      await expect.poll(() => fast.lastId(), { interval: 1 }).toBe(id);
    }
    expect(t.app.eventStreams().browsers).toBe(1);
    const last = stack.hub.publish();
    await expect.poll(() => fast.lastId()).toBe(last);
    expect(fast.count()).toBe(Number(last));
    slow.res.resume();
    await slow.ended;
    expect(slow.text()).toMatch(/\n\nretry: \d+\n\n: flux en retard[^\n]*\n\n$/);
    const got = slow.ids();
    expect(got).toEqual(idRange(1, got.length)); // whole events, no gap, up to where it stopped
    const resumed = await openTab(port, { token, lastEventId: lastOf(slow) });
    await expect.poll(() => lastOf(resumed), { timeout: 10_000 }).toBe(last);
    expect([...got, ...resumed.ids()]).toEqual(idRange(1, Number(last)));
    fast.close();
    resumed.close();
  });
});

describe('a long catch-up from the hub', () => {
  it('is read from the hub at the pace of the browser, not dropped for its size, then joins the broadcast', async () => {
    // 12 MB the browser missed, more than loopback buffers and the backlog cap hold together.
    for (let i = 0; i < 200; i++) stack.hub.publish(undefined, 60_000);
    const { t, port } = await startBff({ EVENT_REPLAY_EVENTS: '0', EVENT_STREAM_BACKLOG_BYTES: '262144' });
    const tab = await openCountingTab(port, '0');
    tab.pause(); // a slow phone: nothing read for a while, then everything
    await expect.poll(() => t.app.eventStreams().catchUps).toBe(1);
    await new Promise((r) => setTimeout(r, 300)); // (nothing to observe: the BFF must simply wait)
    expect(t.app.eventStreams().browsers).toBe(1);
    tab.resume();
    await expect.poll(() => tab.lastId(), { timeout: 10_000 }).toBe('200');
    const last = stack.hub.publish();
    await expect.poll(() => tab.lastId()).toBe(last);
    expect(tab.count()).toBe(201);
    expect(tab.ended()).toBe(false);
    await expect.poll(() => t.app.eventStreams()).toEqual({ browsers: 1, catchUps: 0 });
    tab.close();
  });
});

/** A tab that keeps only the count and last id of what it read (megabytes go through it). */
interface CountingTab {
  count(): number;
  lastId(): string | undefined;
  ended(): boolean;
  pause(): void;
  resume(): void;
  close(): void;
}

async function openCountingTab(port: number, lastEventId?: string): Promise<CountingTab> {
  const tab = await openTab(port, { token, ...(lastEventId !== undefined && { lastEventId }) });
  let ended = false;
  void tab.ended.then(() => (ended = true));
  let count = 0;
  let lastId: string | undefined;
  let rest = '';
  const read = (chunk: string) => {
    const text = rest + chunk;
    const cut = text.lastIndexOf('\n');
    for (const m of text.slice(0, cut + 1).matchAll(/^id: (.*)$/gm)) {
      count++;
      lastId = m[1];
    }
    rest = text.slice(cut + 1);
  };
  tab.res.removeAllListeners('data');
  read(tab.text()); // what came before this listener
  tab.res.on('data', read);
  return { count: () => count, lastId: () => lastId, ended: () => ended, pause: () => tab.res.pause(), resume: () => tab.res.resume(), close: () => tab.close() };
}
