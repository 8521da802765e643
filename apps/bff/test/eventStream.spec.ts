// Live events through the BFF: browser streams with the SSE headers, fanned out from ONE hub
// subscription per replica (made with the service token), the hub's heartbeats relayed and none
// added, the hub's failures answered as before, identity required.
import { beforeAll, describe, expect, it } from 'vitest';
import { useEventStack } from './eventStack';
import { openTab } from './sseClient';
import { HUB_TOKEN, tokenFor } from './testEnv';

const GREETING = 'retry: 3000\n: connected\n\n';
let token: string;
const stack = useEventStack();
const { startBff } = stack;

beforeAll(async () => {
  token = await tokenFor(['ops-tech'], 'tech@gigafibre.ca');
});

const subscriptions = () => stack.hub.upstream.requests.filter((r) => r.url === '/events');

describe('browser event streams', () => {
  it('open with the stream headers and a greeting, over one subscription made with the service token', async () => {
    const { port } = await startBff();
    const tab = await openTab(port, { token, headers: { Cookie: 'authentik_session=abc' } });
    expect(tab.res.statusCode).toBe(200);
    expect(tab.res.headers['content-type']).toBe('text/event-stream');
    expect(tab.res.headers['cache-control']).toBe('no-cache, no-transform');
    expect(tab.res.headers['x-accel-buffering']).toBe('no');
    expect(tab.res.headers['content-encoding']).toBeUndefined();
    expect(tab.res.headers['x-content-type-options']).toBe('nosniff');
    expect(tab.res.headers['x-request-id']).toMatch(/\S/);
    await expect.poll(() => tab.text()).toBe(GREETING);
    const [subscription] = subscriptions();
    expect(subscriptions()).toHaveLength(1);
    expect(subscription?.headers.authorization).toBe(`Bearer ${HUB_TOKEN}`);
    expect(subscription?.headers.accept).toBe('text/event-stream');
    for (const name of ['cookie', 'x-authentik-jwt', 'x-ops-user', 'last-event-id']) expect(subscription?.headers[name]).toBeUndefined();
    tab.close();
  });

  it('fan one subscription out to every browser: each event once, with its id, the same bytes', async () => {
    const { port } = await startBff();
    const tabs = await Promise.all(Array.from({ length: 5 }, () => openTab(port, { token })));
    await expect.poll(() => tabs.every((tab) => tab.text() === GREETING)).toBe(true);
    const ids = [stack.hub.publish(), stack.hub.publish(), stack.hub.publish()];
    const expected = GREETING + ids.map((id) => stack.hub.frame(id)).join('');
    for (const tab of tabs) await expect.poll(() => tab.text()).toBe(expected);
    expect(subscriptions()).toHaveLength(1);
    expect(stack.hub.streams).toHaveLength(1);
    for (const tab of tabs) tab.close();
  });

  it('relay the hub’s heartbeat to every browser, and add none of their own', async () => {
    const { port } = await startBff();
    const tabs = [await openTab(port, { token }), await openTab(port, { token })];
    await expect.poll(() => stack.hub.streams.length).toBe(1);
    stack.hub.heartbeat();
    for (const tab of tabs) await expect.poll(() => tab.text()).toBe(`${GREETING}: heartbeat\n\n`);
    // The hub silent: the browsers get nothing either (their stall detection relies on it).
    await new Promise((r) => setTimeout(r, 400));
    for (const tab of tabs) expect(tab.text()).toBe(`${GREETING}: heartbeat\n\n`);
    for (const tab of tabs) tab.close();
  });

  it('are never cut by the upstream timeout once open', async () => {
    const { port } = await startBff({ UPSTREAM_TIMEOUT_MS: '300' });
    const tab = await openTab(port, { token });
    await expect.poll(() => tab.text()).toBe(GREETING);
    await new Promise((r) => setTimeout(r, 700)); // well over UPSTREAM_TIMEOUT_MS: a quiet stream is a normal stream
    const id = stack.hub.publish();
    await expect.poll(() => tab.text()).toBe(GREETING + stack.hub.frame(id));
    tab.close();
  });

  it('need a verified identity (the hub is not asked)', async () => {
    const { port } = await startBff();
    const tab = await openTab(port, { token: 'x.y.z' });
    expect(tab.res.statusCode).toBe(401);
    expect(stack.hub.upstream.requests).toEqual([]);
  });

  it('answer the hub’s refusal of the service token as 502 upstream_auth, at once for the next browser too', async () => {
    stack.hub.refuse(401);
    const { port } = await startBff();
    for (let i = 0; i < 2; i++) {
      const tab = await openTab(port, { token });
      expect(tab.res.statusCode).toBe(502);
      await tab.ended;
      expect(JSON.parse(tab.text())).toMatchObject({ error: 'upstream_auth', upstream: 'hub' });
    }
    expect(subscriptions()).toHaveLength(1); // the second browser was answered from the subscription's state
  });

  it('answer 504 when the hub never opens the subscription', async () => {
    stack.hub.refuse('hang');
    const { port } = await startBff({ UPSTREAM_TIMEOUT_MS: '300' });
    const tab = await openTab(port, { token });
    expect(tab.res.statusCode).toBe(504);
    await tab.ended;
    expect(JSON.parse(tab.text())).toMatchObject({ error: 'upstream_timeout', upstream: 'hub' });
  });

  it('answer HEAD with the stream headers only', async () => {
    const { port } = await startBff();
    const answer = await fetch(`http://127.0.0.1:${port}/ops/api/hub/events`, { method: 'HEAD', headers: { 'X-Authentik-Jwt': token } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/event-stream');
  });

  it('refuse a Last-Event-ID no hub would have sent (400), before the hub is asked', async () => {
    const { port } = await startBff();
    // Too long; and, by query, what could not travel on as a header to the hub (a catch-up).
    const tabs = [
      await openTab(port, { token, lastEventId: '9'.repeat(300) }),
      await openTab(port, { token, path: '/ops/api/hub/events?lastEventId=%C3%A9t%C3%A9' }),
      await openTab(port, { token, path: '/ops/api/hub/events?lastEventId=1%092' }),
      await openTab(port, { token, path: '/ops/api/hub/events?lastEventId=%E2%82%AC' }),
    ];
    for (const tab of tabs) {
      expect(tab.res.statusCode).toBe(400);
      await tab.ended;
      expect(JSON.parse(tab.text())).toMatchObject({ error: 'bad_last_event_id' });
    }
    expect(stack.hub.upstream.requests).toEqual([]);
  });

  it('end on closeUpstreams, and release the subscription', async () => {
    const { t, port } = await startBff();
    const tab = await openTab(port, { token });
    const id = stack.hub.publish();
    await expect.poll(() => tab.text()).toBe(GREETING + stack.hub.frame(id));
    t.app.closeUpstreams();
    await tab.ended;
    expect(tab.text()).toMatch(/retry: \d+\n\n: [^\n]+\n\n$/);
    await expect.poll(() => stack.hub.streams.length).toBe(0);
  });
});
