import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, unusedPort, type FakeUpstream } from './fakeUpstream';
import { buildApp, ERP_TOKEN, HUB_TOKEN, testEnv } from './testEnv';

let erp: FakeUpstream;
let hub: FakeUpstream;
let spa: string;

beforeAll(async () => {
  erp = await startFakeUpstream((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/api/method/ping' && req.headers.authorization === `token ${ERP_TOKEN}`) res.end('{"message":"pong"}');
    else {
      res.statusCode = 401;
      res.end('{"exc_type":"AuthenticationError"}');
    }
  });
  hub = await startFakeUpstream((req, res) => {
    res.statusCode = req.url === '/health' && req.headers.authorization === `Bearer ${HUB_TOKEN}` ? 200 : 401;
    res.end('{"ok":true}');
  });
  spa = mkdtempSync(join(tmpdir(), 'bff-spa-'));
  mkdirSync(join(spa, 'assets'));
  writeFileSync(join(spa, 'index.html'), '<!doctype html><title>Gigafibre Ops</title>');
  writeFileSync(join(spa, 'assets', 'index-AbC123.js'), 'console.log(1)');
  writeFileSync(join(spa, 'manifest.webmanifest'), '{}');
});
afterAll(async () => {
  rmSync(spa, { recursive: true, force: true });
  await Promise.all([erp.close(), hub.close()]);
});

describe('health', () => {
  it('/ops/healthz answers 200 without identity', async () => {
    const { app } = buildApp(testEnv(erp.url, hub.url));
    const res = await request(app).get('/ops/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('/ops/readyz is 200 when both upstreams answer with our tokens (the event subscription not needed yet)', async () => {
    const { app } = buildApp(testEnv(erp.url, hub.url));
    const res = await request(app).get('/ops/readyz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ready', checks: { erp: 'ok', hub: 'ok', events: 'ok' } });
  });

  it('/ops/readyz is 503 naming the upstream that is down', async () => {
    const { app } = buildApp(testEnv(erp.url, `http://127.0.0.1:${await unusedPort()}`));
    const res = await request(app).get('/ops/readyz');
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ error: 'not_ready', down: ['hub'], checks: { erp: 'ok', hub: expect.stringMatching(/injoignable/) } });
    expect(res.body.message).toMatch(/hub/);
  });

  it('/ops/readyz counts a refused service token as down', async () => {
    const { app } = buildApp({ ...testEnv(erp.url, hub.url), ERP_TOKEN: 'wrong:token' });
    const res = await request(app).get('/ops/readyz');
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ down: ['erp'], checks: { erp: 'HTTP 401', hub: 'ok' } });
  });

  it('/ops/readyz is 503 while draining', async () => {
    const state = { draining: true };
    const { app } = buildApp(testEnv(erp.url, hub.url), { state });
    expect((await request(app).get('/ops/readyz')).status).toBe(503);
    state.draining = false;
    expect((await request(app).get('/ops/readyz')).status).toBe(200);
  });

  it('/ops/readyz gives up on a silent upstream quickly', async () => {
    const silent = await startFakeUpstream(() => {
      /* never answers */
    });
    const { app } = buildApp(testEnv(erp.url, silent.url, { UPSTREAM_TIMEOUT_MS: '300' }));
    const res = await request(app).get('/ops/readyz');
    expect(res.status).toBe(503);
    expect(res.body.checks.hub).toMatch(/pas de réponse/);
    await silent.close();
  });
});

describe('static SPA', () => {
  const app = () => buildApp(testEnv(erp.url, hub.url, { OPS_STATIC_DIR: spa })).app;

  it('serves index.html at /ops/index.html without identity, revalidated on each load', async () => {
    const res = await request(app()).get('/ops/index.html');
    expect(res.status).toBe(200);
    expect(res.text).toContain('Gigafibre Ops');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('answers /ops/ with the entry page, whose only script sends hash links to their path and the rest to the app', async () => {
    const res = await request(app()).get('/ops/').set('X-Authentik-Email', 'intrus@example.com');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    const scripts = [...res.text.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] as string);
    expect(scripts).toHaveLength(1);
    const script = scripts[0] as string;
    expect(res.headers['content-security-policy']).toContain(`script-src 'sha256-${createHash('sha256').update(script).digest('base64')}'`);
    const landing = (href: string): string => {
      const url = new URL(href, 'https://erp.gigafibre.ca');
      let replaced = '';
      const location = { hash: url.hash, search: url.search, replace: (to: string) => (replaced = to) };
      new Function('window', script)({ location });
      return replaced;
    };
    expect(landing('/ops/#/clients/CUST-00583')).toBe('/ops/clients/CUST-00583');
    expect(landing('/ops/#/dispatch?date=2026-11-18&job=DJ-000005')).toBe('/ops/dispatch?date=2026-11-18&job=DJ-000005');
    expect(landing('/ops/')).toBe('/ops/index.html');
    expect(landing('/ops/?lang=en#main-content')).toBe('/ops/index.html?lang=en#main-content');
  });

  it('caches hashed assets for a year', async () => {
    const res = await request(app()).get('/ops/assets/index-AbC123.js');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('revalidates other files', async () => {
    const res = await request(app()).get('/ops/manifest.webmanifest');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('redirects / and /ops to /ops/', async () => {
    for (const path of ['/', '/ops']) {
      const res = await request(app()).get(path);
      expect(res.status).toBe(302);
      expect(res.headers.location).toBe('/ops/');
    }
  });

  it('answers every history route with index.html (deep links survive the sign-in redirect)', async () => {
    for (const path of ['/ops/clients/CUST-00583', '/ops/dispatch?date=2026-11-18&job=DJ-000005', '/ops/j/DJ-000005', '/ops/scan/queue']) {
      const res = await request(app()).get(path);
      expect(res.status, path).toBe(200);
      expect(res.text).toContain('Gigafibre Ops');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-type']).toMatch(/text\/html/);
    }
  });

  it('keeps a 404 for missing files and refuses to serve index.html to a non-GET', async () => {
    expect((await request(app()).get('/ops/assets/chunk-missing')).status).toBe(404);
    expect((await request(app()).get('/ops/robots.txt')).status).toBe(404);
    expect((await request(app()).post('/ops/dispatch')).status).toBe(404);
    // Only the app's route words: traversals and injected text are not routes (refused: 400 or 404).
    for (const path of ['/ops/..;/etc/passwd', '/ops/%ef%bc%8e%ef%bc%8e/etc/passwd', '/ops/a%0d%0aforged', '/ops/a/b/c/d/e']) {
      const res = await request(app()).get(path);
      expect([400, 404], path).toContain(res.status);
      expect(res.text).not.toContain('Gigafibre Ops');
    }
  });

  it('answers 404 JSON for a missing file', async () => {
    const res = await request(app()).get('/ops/assets/nope.js');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: 'not_found' });
  });

  it('finds the built SPA by default (apps/ops/dist)', () => {
    const { config } = buildApp(testEnv(erp.url, hub.url));
    expect(config.staticDir.replace(/\/$/, '')).toMatch(/apps\/ops\/dist$/);
  });
});
