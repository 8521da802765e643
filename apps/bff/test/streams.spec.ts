// Event streams at scale: no silent cap (the 257th stream used to hang behind a default agent),
// an explicit MAX_EVENT_STREAMS answered 503 at once, upstream sockets released as soon as the
// browser leaves, and shutdown ends streams between events with a `retry:` hint.
import { get, type IncomingMessage, type ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from './fakeUpstream';
import { listen, type Listening } from './rawHttp';
import { buildApp, testEnv, tokenFor, type TestApp } from './testEnv';

let erp: FakeUpstream;
let hub: FakeUpstream;
let token: string;
const running: { t: TestApp; server: Listening }[] = [];
/** Upstream side of the streams the fake hub has open. */
let upstreamStreams: ServerResponse[] = [];

beforeAll(async () => {
  erp = await startFakeUpstream();
  hub = await startFakeUpstream((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write('retry: 3000\n: connected\n\n');
    upstreamStreams.push(res);
  });
  token = await tokenFor(['ops-tech'], 'tech@gigafibre.ca');
});
afterEach(async () => {
  for (const s of upstreamStreams) s.destroy();
  upstreamStreams = [];
  for (const { t, server } of running.splice(0)) {
    t.app.closeUpstreams();
    await server.close();
  }
});
afterAll(async () => {
  await Promise.all([erp.close(), hub.close()]);
});

async function startBff(env: Record<string, string> = {}): Promise<{ t: TestApp; port: number }> {
  const t = buildApp(testEnv(erp.url, hub.url, { LOG_LEVEL: 'warn', ...env }));
  const server = await listen(t.app);
  running.push({ t, server });
  return { t, port: server.port };
}

/** One browser tab's stream: every byte received so far, and whether the answer ended. */
interface Tab {
  res: IncomingMessage;
  text: () => string;
  ended: Promise<void>;
  close(): void;
}

function openTab(port: number): Promise<Tab> {
  return new Promise((resolve, reject) => {
    // agent: false — a connection per tab, as browsers do across tabs; nothing pooled in between.
    const req = get({ port, host: '127.0.0.1', path: '/ops/api/hub/events', agent: false, headers: { 'X-Authentik-Jwt': token, Accept: 'text/event-stream' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      const ended = new Promise<void>((done) => {
        res.on('end', done);
        res.on('close', done);
      });
      resolve({ res, text: () => text, ended, close: () => req.destroy() });
    });
    req.on('error', reject);
  });
}

describe('event streams through one BFF', () => {
  it('opens 300 streams (past the old 256-socket cap): each gets its headers and the next event', async () => {
    const { port } = await startBff();
    const tabs = await Promise.all(Array.from({ length: 300 }, () => openTab(port)));
    for (const tab of tabs) {
      expect(tab.res.statusCode).toBe(200);
      expect(tab.res.headers['content-type']).toBe('text/event-stream');
    }
    await expect.poll(() => upstreamStreams.length, { timeout: 5000 }).toBe(300);
    const event = 'id: 1\nevent: doc_change\ndata: {"doctype":"Dispatch Job","name":"DJ-000001"}\n\n';
    for (const s of upstreamStreams) s.write(event);
    await expect.poll(() => tabs.filter((tab) => tab.text().endsWith(event)).length, { timeout: 5000 }).toBe(300);
    for (const tab of tabs) tab.close();
  });

  it('releases every upstream socket within 2 s when 100 browsers go away', async () => {
    const { port } = await startBff();
    const tabs = await Promise.all(Array.from({ length: 100 }, () => openTab(port)));
    await expect.poll(() => hub.open.size, { timeout: 5000 }).toBe(100);
    for (const tab of tabs) tab.close();
    const closedAt = Date.now();
    await expect.poll(() => hub.open.size, { timeout: 2000, interval: 20 }).toBe(0);
    expect(Date.now() - closedAt).toBeLessThan(2000);
  });

  it('answers 503 at once past MAX_EVENT_STREAMS, and takes new streams again once some close', async () => {
    const { port } = await startBff({ MAX_EVENT_STREAMS: '3' });
    const tabs = await Promise.all([openTab(port), openTab(port), openTab(port)]);
    const refused = await openTab(port);
    expect(refused.res.statusCode).toBe(503);
    expect(refused.res.headers['retry-after']).toBe('10');
    await refused.ended;
    expect(JSON.parse(refused.text())).toMatchObject({ error: 'too_many_streams', max: 3 });
    expect(upstreamStreams).toHaveLength(3); // the refused one never reached the hub

    tabs[0]?.close();
    await expect.poll(async () => {
      const again = await openTab(port);
      again.close();
      return again.res.statusCode;
    }).toBe(200);
    for (const tab of tabs) tab.close();
  });
});

describe('ending streams at shutdown', () => {
  const HINT = /retry: (\d+)\n\n: [^\n]*\n\n$/;

  it('ends each stream with a retry hint between retryMs and twice that, and the upstream socket with it', async () => {
    const { t, port } = await startBff({ STREAM_RETRY_MS: '1500' });
    const tabs = await Promise.all(Array.from({ length: 20 }, () => openTab(port)));
    await expect.poll(() => tabs.every((tab) => tab.text().includes(': connected'))).toBe(true);
    t.app.endStreams();
    await Promise.all(tabs.map((tab) => tab.ended));
    const hints = tabs.map((tab) => Number(HINT.exec(tab.text())?.[1]));
    for (const ms of hints) {
      expect(ms).toBeGreaterThanOrEqual(1500);
      expect(ms).toBeLessThan(3000);
    }
    expect(new Set(hints).size).toBeGreaterThan(1); // spread, so tabs do not all come back at once
    await expect.poll(() => hub.open.size).toBe(0);
  });

  it('lets the event in flight finish before the hint, never splitting it', async () => {
    const { t, port } = await startBff();
    const tab = await openTab(port);
    await expect.poll(() => upstreamStreams.length).toBe(1);
    const upstream = upstreamStreams[0] as ServerResponse;
    upstream.write('id: 7\nevent: doc_change\ndata: {"name":"DJ-');
    await expect.poll(() => tab.text()).toContain('DJ-');
    t.app.endStreams();
    upstream.write('000007"}\n\n');
    await tab.ended;
    expect(tab.text()).toMatch(/id: 7\nevent: doc_change\ndata: \{"name":"DJ-000007"\}\n\nretry: \d+\n\n: [^\n]*\n\n$/);
  });

  it('refuses a new stream once the streams were ended (503 draining)', async () => {
    const { t, port } = await startBff();
    t.app.endStreams();
    const late = await openTab(port);
    expect(late.res.statusCode).toBe(503);
    await late.ended;
    expect(JSON.parse(late.text())).toMatchObject({ error: 'draining' });
  });
});
