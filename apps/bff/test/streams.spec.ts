// Event streams at scale: no silent cap (the 257th stream used to hang behind a default agent),
// an explicit MAX_EVENT_STREAMS answered 503 at once, browsers that leave released at once (the
// hub sees one subscription per replica whatever the number of browsers; catch-up streams opened
// for resuming browsers close the moment those leave), and shutdown ends streams between events
// with a `retry:` hint.
import { beforeAll, describe, expect, it } from 'vitest';
import type { BffApp } from '../src/app';
import { alive, collectGarbage } from './collectGarbage';
import { useEventStack } from './eventStack';
import { openTab } from './sseClient';
import { tokenFor } from './testEnv';

let token: string;
const stack = useEventStack();
const { startBff } = stack;

beforeAll(async () => {
  token = await tokenFor(['ops-tech'], 'tech@gigafibre.ca');
});

/** Wraps the app so that every response it answers is recorded as a WeakRef (is it still held?). */
const recording = (served: WeakRef<object>[]) => (app: BffApp): BffApp =>
  Object.assign((req: Parameters<BffApp>[0], res: Parameters<BffApp>[1]) => (served.push(new WeakRef(res)), app(req, res)), app);

describe('event streams through one BFF', () => {
  it('opens 300 streams (past the old 256-socket cap): each gets its headers and the next event, over one subscription', async () => {
    const { port } = await startBff();
    const tabs = await Promise.all(Array.from({ length: 300 }, () => openTab(port, { token })));
    for (const tab of tabs) {
      expect(tab.res.statusCode).toBe(200);
      expect(tab.res.headers['content-type']).toBe('text/event-stream');
    }
    expect(stack.hub.streams).toHaveLength(1);
    const id = stack.hub.publish();
    await expect.poll(() => tabs.filter((tab) => tab.text().endsWith(stack.hub.frame(id))).length, { timeout: 5000 }).toBe(300);
    for (const tab of tabs) tab.close();
  });

  it('lets go of 100 browsers within 2 s of their leaving; the one subscription stays, by design', async () => {
    const { t, port } = await startBff();
    const tabs = await Promise.all(Array.from({ length: 100 }, () => openTab(port, { token })));
    expect(t.app.eventStreams()).toEqual({ browsers: 100, catchUps: 0 });
    for (const tab of tabs) tab.close();
    const closedAt = Date.now();
    await expect.poll(() => t.app.eventStreams().browsers, { timeout: 2000, interval: 20 }).toBe(0);
    expect(Date.now() - closedAt).toBeLessThan(2000);
    // Kept open: the next browser (often the same one, reconnecting) is served from memory at once.
    expect(stack.hub.streams).toHaveLength(1);
  });

  it('releases the hub’s catch-up streams within 2 s when 100 resuming browsers go away', async () => {
    for (let i = 0; i < 100; i++) stack.hub.publish(); // before this replica started: it must ask the hub
    const { t, port } = await startBff();
    // Each resumes from a different id: one catch-up stream each.
    const tabs = await Promise.all(Array.from({ length: 100 }, (_, i) => openTab(port, { token, lastEventId: String(i + 1) })));
    await expect.poll(() => stack.hub.streams.length, { timeout: 5000 }).toBe(101);
    expect(t.app.eventStreams()).toEqual({ browsers: 100, catchUps: 100 });
    for (const tab of tabs) tab.close();
    const closedAt = Date.now();
    await expect.poll(() => stack.hub.streams.length, { timeout: 2000, interval: 20 }).toBe(1);
    expect(Date.now() - closedAt).toBeLessThan(2000);
    expect(t.app.eventStreams()).toEqual({ browsers: 0, catchUps: 0 });
  });

  it('keeps nothing of browsers that left, however they started (live, from memory, through a catch-up)', async () => {
    const before = [stack.hub.publish(), stack.hub.publish()]; // before this replica started: it must ask the hub
    const served: WeakRef<object>[] = [];
    const { t, port } = await startBff({}, recording(served));
    const first = await Promise.all(Array.from({ length: 40 }, () => openTab(port, { token })));
    const inMemory = [stack.hub.publish(), stack.hub.publish(), stack.hub.publish()];
    await expect.poll(() => first.every((tab) => tab.ids().length === 3)).toBe(true);
    const resumed = await Promise.all(
      Array.from({ length: 80 }, (_, i) => openTab(port, { token, lastEventId: i % 2 === 0 ? inMemory[i % 3] : before[i % 4 === 1 ? 0 : 1] })),
    );
    const last = stack.hub.publish();
    const tabs = [...first, ...resumed];
    await expect.poll(() => tabs.every((tab) => tab.ids().at(-1) === last), { timeout: 5000 }).toBe(true);
    expect(served.length).toBe(120);
    expect(stack.hub.upstream.requests.filter((r) => r.headers['last-event-id'] !== undefined).length).toBeGreaterThanOrEqual(2); // catch-ups from « 1 » and « 2 »
    for (const tab of tabs) tab.close();
    await expect.poll(() => t.app.eventStreams(), { timeout: 2000, interval: 20 }).toEqual({ browsers: 0, catchUps: 0 });
    await collectGarbage();
    // Neither a set, a catch-up, a listener, a timer nor a closure still holds one of their responses.
    expect(alive(served)).toBe(0);
  });

  it('answers 503 at once past MAX_EVENT_STREAMS, and takes new streams again once some close', async () => {
    const { port } = await startBff({ MAX_EVENT_STREAMS: '3' });
    const tabs = await Promise.all([openTab(port, { token }), openTab(port, { token }), openTab(port, { token })]);
    const refused = await openTab(port, { token });
    expect(refused.res.statusCode).toBe(503);
    expect(refused.res.headers['retry-after']).toBe('10');
    await refused.ended;
    expect(JSON.parse(refused.text())).toMatchObject({ error: 'too_many_streams', max: 3 });

    tabs[0]?.close();
    await expect
      .poll(async () => {
        const again = await openTab(port, { token });
        again.close();
        return again.res.statusCode;
      })
      .toBe(200);
    for (const tab of tabs) tab.close();
  });
});

describe('ending streams at shutdown', () => {
  const HINT = /retry: (\d+)\n\n: [^\n]*\n\n$/;

  it('ends each stream with a retry hint between retryMs and twice that, and the hub’s streams with them', async () => {
    for (let i = 0; i < 3; i++) stack.hub.publish();
    const { t, port } = await startBff({ STREAM_RETRY_MS: '1500' });
    const tabs = await Promise.all(Array.from({ length: 20 }, () => openTab(port, { token })));
    const catchingUp = await openTab(port, { token, lastEventId: '1' });
    await expect.poll(() => catchingUp.ids()).toEqual(['2', '3']);
    await expect.poll(() => stack.hub.streams.length).toBe(2);
    t.app.endStreams();
    await Promise.all([...tabs, catchingUp].map((tab) => tab.ended));
    const hints = [...tabs, catchingUp].map((tab) => Number(HINT.exec(tab.text())?.[1]));
    for (const ms of hints) {
      expect(ms).toBeGreaterThanOrEqual(1500);
      expect(ms).toBeLessThan(3000);
    }
    expect(new Set(hints).size).toBeGreaterThan(1); // spread, so tabs do not all come back at once
    await expect.poll(() => stack.hub.streams.length).toBe(0);
  });

  it('never splits an event: one the hub has not finished is not sent, the browser gets it on resuming', async () => {
    const { t, port } = await startBff();
    const tab = await openTab(port, { token });
    const id = stack.hub.publish();
    await expect.poll(() => tab.ids()).toEqual([id]);
    stack.hub.writeRaw('id: 7\nevent: doc_change\ndata: {"name":"DJ-');
    await new Promise((r) => setTimeout(r, 100)); // (nothing to observe: the half event stays in the BFF)
    t.app.endStreams();
    await tab.ended;
    const [before, after] = tab.text().split(stack.hub.frame(id));
    expect(before).toBe('retry: 3000\n: connected\n\n');
    expect(after).toMatch(/^retry: \d+\n\n: [^\n]*\n\n$/);
  });

  it('refuses a new stream once the streams were ended (503 draining)', async () => {
    const { t, port } = await startBff();
    t.app.endStreams();
    const late = await openTab(port, { token });
    expect(late.res.statusCode).toBe(503);
    await late.ended;
    expect(JSON.parse(late.text())).toMatchObject({ error: 'draining' });
  });
});
