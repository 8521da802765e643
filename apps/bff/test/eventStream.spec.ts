import { get, type IncomingMessage, type ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from './fakeUpstream';
import { listen, type Listening } from './rawHttp';
import { buildApp, testEnv, tokenFor, type TestApp } from './testEnv';

let erp: FakeUpstream;
let hub: FakeUpstream;
let t: TestApp;
let server: Listening;
let token: string;
/** Upstream side of the streams the fake hub has open. */
let upstreamStreams: ServerResponse[] = [];

beforeAll(async () => {
  erp = await startFakeUpstream();
  hub = await startFakeUpstream();
  t = buildApp(testEnv(erp.url, hub.url, { UPSTREAM_TIMEOUT_MS: '300' }));
  server = await listen(t.app);
  token = await tokenFor(['ops-tech'], 'tech@gigafibre.ca');
});
afterEach(() => {
  for (const s of upstreamStreams) s.end();
  upstreamStreams = [];
});
afterAll(async () => {
  t.app.closeUpstreams();
  await server.close();
  await Promise.all([erp.close(), hub.close()]);
});

function streamingHub(): void {
  hub.handle((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.flushHeaders();
    upstreamStreams.push(res);
  });
}

/** A browser-like reader of one event stream through the BFF. */
interface StreamClient {
  res: IncomingMessage;
  next(): Promise<string>;
  close(): void;
}

function openStream(headers: Record<string, string> = {}): Promise<StreamClient> {
  return new Promise((resolve, reject) => {
    const req = get({ port: server.port, host: '127.0.0.1', path: '/ops/api/hub/events', headers: { 'X-Authentik-Jwt': token, Accept: 'text/event-stream', ...headers } }, (res) => {
      const chunks: string[] = [];
      let waiting: ((chunk: string) => void) | undefined;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (waiting) {
          const w = waiting;
          waiting = undefined;
          w(chunk);
        } else chunks.push(chunk);
      });
      resolve({
        res,
        next: () => (chunks.length > 0 ? Promise.resolve(chunks.shift() as string) : new Promise((r) => (waiting = r))),
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
  });
}

describe('server-sent events through the BFF', () => {
  it('opens with the stream headers before any event, and passes Last-Event-ID upstream', async () => {
    streamingHub();
    const client = await openStream({ 'Last-Event-ID': '41' });
    expect(client.res.statusCode).toBe(200);
    expect(client.res.headers['content-type']).toBe('text/event-stream');
    expect(client.res.headers['cache-control']).toBe('no-cache, no-transform');
    expect(client.res.headers['x-accel-buffering']).toBe('no');
    expect(client.res.headers['content-encoding']).toBeUndefined();
    const got = hub.requests.at(-1);
    expect(got?.url).toBe('/events');
    expect(got?.headers['last-event-id']).toBe('41');
    expect(got?.headers['x-ops-user']).toBe('tech@gigafibre.ca');
    client.close();
  });

  it('delivers each event while the upstream is still streaming, one at a time', async () => {
    streamingHub();
    const client = await openStream();
    const upstream = upstreamStreams[0] as ServerResponse;
    for (let i = 1; i <= 5; i++) {
      const event = `id: ${i}\nevent: job\ndata: {"name":"DJ-${i}"}\n\n`;
      upstream.write(event);
      // The next event is only written once this one has come out the other side.
      expect(await client.next()).toBe(event);
    }
    upstream.write(': heartbeat\n\n');
    expect(await client.next()).toBe(': heartbeat\n\n');
    client.close();
  });

  it('is never cut by the upstream timeout once open', async () => {
    streamingHub();
    const client = await openStream();
    const upstream = upstreamStreams[0] as ServerResponse;
    // Silent for well over UPSTREAM_TIMEOUT_MS (300 ms) — a quiet stream is a normal stream.
    await new Promise((r) => setTimeout(r, 700));
    upstream.write('data: still here\n\n');
    expect(await client.next()).toBe('data: still here\n\n');
    client.close();
  });

  it('releases the upstream connection as soon as the client goes away', async () => {
    streamingHub();
    const clients = await Promise.all([openStream(), openStream(), openStream()]);
    await expect.poll(() => hub.open.size).toBe(3);
    for (const c of clients) c.close();
    await expect.poll(() => hub.open.size, { timeout: 1000 }).toBe(0);
  });

  it('answers 504 JSON when the upstream never opens the stream', async () => {
    hub.handle(() => {
      /* no headers, ever */
    });
    const client = await openStream();
    expect(client.res.statusCode).toBe(504);
    expect(JSON.parse(await client.next())).toMatchObject({ error: 'upstream_timeout', upstream: 'hub' });
  });

  it('needs a verified identity', async () => {
    streamingHub();
    const client = await openStream({ 'X-Authentik-Jwt': 'x.y.z' });
    expect(client.res.statusCode).toBe(401);
    expect(hub.requests.filter((r) => r.headers['x-authentik-jwt'] === 'x.y.z')).toEqual([]);
  });

  it('ends open streams on shutdown, cleanly', async () => {
    streamingHub();
    const client = await openStream();
    const upstream = upstreamStreams[0] as ServerResponse;
    upstream.write('data: before\n\n');
    expect(await client.next()).toBe('data: before\n\n');
    const ended = new Promise<void>((resolve) => client.res.on('end', resolve));
    t.app.closeUpstreams();
    await ended;
    await expect.poll(() => hub.open.size).toBe(0);
  });
});
