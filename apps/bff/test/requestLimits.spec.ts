// Body limits (413), content types (415), JSON checks (400) and per-user rate limits (429): each
// answered before anything reaches the upstream, which counts what it receives.
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from './fakeUpstream';
import { sendRaw } from './hostile/rawClient';
import { listen, type Listening } from './rawHttp';
import { buildApp, testEnv, tokenFor, type TestApp } from './testEnv';

let up: FakeUpstream;
let t: TestApp;
let server: Listening;
let admin: string;
let now = 0;

const JOB = '/ops/api/erp/resource/Dispatch%20Job/DJ-000001';
const VISION = '/ops/api/hub/vision/barcodes';
const TASKS = `/ops/api/hub/devices/${encodeURIComponent('A4E31B-G%2D010G%2DQ-ALCLB2C4D601')}/tasks`;

beforeAll(async () => {
  up = await startFakeUpstream();
  t = buildApp(
    testEnv(up.url, up.url, { OPS_BODY_LIMIT_BYTES: '2048', OPS_UPLOAD_LIMIT_BYTES: '100000', OPS_RATE_LIMIT_DEVICE_TASKS: '2/1m', OPS_RATE_LIMIT_VISION: '1000/1m' }),
    { security: { now: () => now } },
  );
  server = await listen(t.app);
  admin = await tokenFor(['ops-admin'], 'admin@gigafibre.ca');
});
beforeEach(() => {
  up.requests.length = 0;
});
afterAll(async () => {
  t.app.closeUpstreams();
  await server.close();
  await up.close();
});

const auth = () => [['X-Authentik-Jwt', admin] as const, ['X-Requested-With', 'gigafibre-ops'] as const];

describe('body size', () => {
  it('refuses a declared body over the route’s limit with 413 JSON, before the upstream', async () => {
    const res = await request(t.app).put(JOB).set('X-Authentik-Jwt', admin).set('X-Requested-With', 'gigafibre-ops').send({ notes: 'n'.repeat(3000) });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ error: 'body_too_large', limitBytes: 2048, message: expect.stringMatching(/au plus 2 Ko/) });
    expect(up.requests).toEqual([]);
  });

  it('counts a chunked body while it arrives and refuses it past the limit, never starting the upstream call', async () => {
    const answer = await sendRaw(server.port, { method: 'PUT', target: JOB, headers: [...auth(), ['Content-Type', 'application/json']], body: `{"notes":"${'n'.repeat(50_000)}"}`, chunked: true });
    expect(answer.status).toBe(413);
    expect(answer.json).toMatchObject({ error: 'body_too_large' });
    expect(up.requests).toEqual([]);
  });

  it('forwards a chunked body within the limit with its exact length', async () => {
    const body = JSON.stringify({ notes: 'n'.repeat(1500) });
    const answer = await sendRaw(server.port, { method: 'PUT', target: JOB, headers: [...auth(), ['Content-Type', 'application/json']], body, chunked: true });
    expect(answer.status).toBe(200);
    expect(up.requests).toHaveLength(1);
    expect(up.requests[0]?.body).toBe(body);
    expect(up.requests[0]?.headers['content-length']).toBe(String(body.length));
    expect(up.requests[0]?.headers['transfer-encoding']).toBeUndefined();
  });

  it('streams an image of declared length under the upload limit, and refuses one over it', async () => {
    const image = Buffer.alloc(90_000, 7);
    const ok = await request(t.app).post(VISION).set('X-Authentik-Jwt', admin).set('X-Requested-With', 'gigafibre-ops').set('Content-Type', 'image/jpeg').send(image);
    expect(ok.status).toBe(200);
    expect(up.requests[0]?.body.length).toBe(90_000);
    const tooBig = await sendRaw(server.port, { method: 'POST', target: VISION, headers: [...auth(), ['Content-Type', 'image/jpeg']], body: Buffer.alloc(100_001, 7) });
    expect(tooBig.status).toBe(413);
    expect(up.requests).toHaveLength(1);
  });

  it('reads a chunked image in full before the upstream call, and refuses it past the limit', async () => {
    const ok = await sendRaw(server.port, { method: 'POST', target: VISION, headers: [...auth(), ['Content-Type', 'image/png']], body: Buffer.alloc(70_000, 1), chunked: true });
    expect(ok.status).toBe(200);
    expect(up.requests[0]?.headers['content-length']).toBe('70000');
    const tooBig = await sendRaw(server.port, { method: 'POST', target: VISION, headers: [...auth(), ['Content-Type', 'image/png']], body: Buffer.alloc(300_000, 1), chunked: true });
    expect(tooBig.status).toBe(413);
    expect(up.requests).toHaveLength(1);
  });

  it('lets the client read the 413 while it is still sending, then closes', async () => {
    // 2 MB declared and sent at once: the answer arrives although the body is never read.
    const answer = await sendRaw(server.port, { method: 'POST', target: VISION, headers: [...auth(), ['Content-Type', 'image/png']], body: Buffer.alloc(2_000_000, 1) });
    expect(answer.status).toBe(413);
  });
});

describe('content types', () => {
  it('answers 415 naming what the route accepts', async () => {
    const json = await request(t.app).put(JOB).set('X-Authentik-Jwt', admin).set('X-Requested-With', 'gigafibre-ops').set('Content-Type', 'text/plain').send('{"a":1}');
    expect(json.status).toBe(415);
    expect(json.body).toMatchObject({ error: 'unsupported_media_type', accepted: ['application/json'] });
    const image = await request(t.app).post(VISION).set('X-Authentik-Jwt', admin).set('X-Requested-With', 'gigafibre-ops').send({ image: 'base64…' });
    expect(image.status).toBe(415);
    expect(image.body.accepted).toEqual(['multipart/form-data', 'image/*']);
    expect(up.requests).toEqual([]);
  });

  it('accepts JSON with a UTF-8 charset, multipart with a boundary, and any image type on vision', async () => {
    const json = await request(t.app).put(JOB).set('X-Authentik-Jwt', admin).set('X-Requested-With', 'gigafibre-ops').set('Content-Type', 'application/json; charset=UTF-8').send('{"notes":"a"}');
    expect(json.status).toBe(200);
    const form = await request(t.app).post(VISION).set('X-Authentik-Jwt', admin).set('X-Requested-With', 'gigafibre-ops').attach('image', Buffer.from('png'), 'a.png');
    expect(form.status).toBe(200);
    const webp = await request(t.app).post(VISION).set('X-Authentik-Jwt', admin).set('X-Requested-With', 'gigafibre-ops').set('Content-Type', 'image/webp').send(Buffer.from('webp'));
    expect(webp.status).toBe(200);
    expect(up.requests).toHaveLength(3);
  });
});

describe('JSON bodies', () => {
  it.each([
    ['invalid JSON', '{"notes":', 'bad_json'],
    ['nested past 32 levels', `${'['.repeat(33)}${']'.repeat(33)}`, 'too_deep'],
    ['an escaped NUL', '{"notes":"a\\u0000b"}', 'nul_character'],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]), 'bad_encoding'],
    ['a byte-order mark', '\ufeff{"notes":"x"}', 'bad_json'],
  ])('refuses %s with 400', async (_name, body, reason) => {
    const res = await sendRaw(server.port, { method: 'PUT', target: JOB, headers: [...auth(), ['Content-Type', 'application/json']], body });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error: 'bad_body', reason, message: expect.stringMatching(/^Corps de requête refusé/) });
    expect(up.requests).toEqual([]);
  });

  it('sends a valid body as received, byte for byte', async () => {
    const body = '{ "notes" : "Café \\u00e9 [x]",\n "priority": "High" }';
    await request(t.app).put(JOB).set('X-Authentik-Jwt', admin).set('X-Requested-With', 'gigafibre-ops').set('Content-Type', 'application/json').send(body);
    expect(up.requests[0]?.body).toBe(body);
  });
});

describe('rate limits', () => {
  const task = (token: string) =>
    request(t.app).post(TASKS).set('X-Authentik-Jwt', token).set('X-Requested-With', 'gigafibre-ops').send({ name: 'reboot' });

  it('answers 429 with Retry-After past the user’s rate, audits it, and lets other users and later calls through', async () => {
    now = 1_000_000;
    expect((await task(admin)).status).toBe(200);
    expect((await task(admin)).status).toBe(200);
    const limited = await task(admin);
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('30');
    expect(limited.body).toMatchObject({ error: 'rate_limited', limit: 'deviceTasks', retryAfterSeconds: 30, message: 'Trop de demandes : réessayez dans 30 s.' });
    expect(up.requests).toHaveLength(2);
    const line = t.logs.lines.find((l) => l.event === 'rate_limited' && l.requestId === limited.body.requestId);
    expect(line).toMatchObject({ level: 'warn', audit: true, who: 'admin@gigafibre.ca', limit: 'deviceTasks', retryAfterS: 30, method: 'POST' });
    const other = await tokenFor(['ops-admin'], 'other@gigafibre.ca');
    expect((await task(other)).status).toBe(200);
    now += 30_000;
    expect((await task(admin)).status).toBe(200);
  });

  it('does not count reads', async () => {
    now = 5_000_000;
    for (let i = 0; i < 5; i++) expect((await request(t.app).get('/ops/api/hub/devices/lookup?serial=X').set('X-Authentik-Jwt', admin)).status).toBe(200);
  });
});
