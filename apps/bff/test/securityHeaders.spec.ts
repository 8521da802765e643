// The header scan: every kind of answer the BFF gives — SPA files, redirects, health, API JSON,
// proxied answers (one trying to weaken the policy), an event stream, refusals of every step,
// upstream failures and Node's own refusals — carries the full set of security headers.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, unusedPort, type FakeUpstream } from './fakeUpstream';
import { sendRaw, type RawAnswer, type RawRequest } from './hostile/rawClient';
import { listen, type Listening } from './rawHttp';
import { buildApp, testEnv, tokenFor, type TestApp } from './testEnv';
import { ENTRY_PAGE_CSP } from '../src/static/entryPage';

const SPLASH = '.boot { color: #0b4a8b; }';
const EXPECTED = {
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'referrer-policy': 'same-origin',
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
};
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

let erp: FakeUpstream;
let hub: FakeUpstream;
let spa: string;
let t: TestApp;
let server: Listening;
let down: Listening;
let token: string;
let tech: string;

beforeAll(async () => {
  erp = await startFakeUpstream((req, res) => {
    // An upstream trying to loosen the policy: its security headers must never reach the browser.
    res.writeHead(req.url?.includes('missing') ? 404 : 200, {
      'content-type': 'application/json',
      'content-security-policy': "default-src * 'unsafe-inline' 'unsafe-eval'",
      'x-frame-options': 'ALLOWALL',
      'strict-transport-security': 'max-age=0',
      'referrer-policy': 'unsafe-url',
    });
    res.end(req.url?.includes('missing') ? '{"exc_type":"DoesNotExistError"}' : '{"data":[]}');
  });
  hub = await startFakeUpstream((req, res) => {
    if (req.url === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('retry: 3000\n\n');
      return;
    }
    res.setHeader('content-type', 'application/json');
    res.end('{"ok":true}');
  });
  spa = mkdtempSync(join(tmpdir(), 'bff-headers-'));
  mkdirSync(join(spa, 'assets'));
  writeFileSync(join(spa, 'index.html'), `<!doctype html><style>${SPLASH}</style><div id="app"></div><script type="module" src="/ops/assets/index-a1.js"></script>`);
  writeFileSync(join(spa, 'assets', 'index-a1.js'), 'export {}');
  writeFileSync(join(spa, 'assets', 'index-a1.css'), 'body{}');
  writeFileSync(join(spa, 'manifest.webmanifest'), '{}');
  t = buildApp(testEnv(erp.url, hub.url, { OPS_STATIC_DIR: spa, OPS_MAP_TILE_URL: 'https://{s}.tiles.gigafibre.ca/{z}/{x}/{y}.png', OPS_BODY_LIMIT_BYTES: '1024', OPS_RATE_LIMIT_INVITES: '1/1h' }));
  server = await listen(t.app);
  t.app.harden(server.server);
  const dead = buildApp(testEnv(`http://127.0.0.1:${await unusedPort()}`, hub.url));
  down = await listen(dead.app);
  token = await tokenFor(['ops-admin'], 'admin@gigafibre.ca');
  tech = await tokenFor(['ops-tech'], 'tech@gigafibre.ca');
});
afterAll(async () => {
  t.app.closeUpstreams();
  await Promise.all([server.close(), down.close(), erp.close(), hub.close()]);
  rmSync(spa, { recursive: true, force: true });
});

const jwt = () => ['X-Authentik-Jwt', token] as const;
const csrf = ['X-Requested-With', 'gigafibre-ops'] as const;

/** Every kind of answer: [what, request, expected status, document or API]. */
const ANSWERS: [string, () => RawRequest, number, Kind][] = [
  ['SPA index.html', () => ({ method: 'GET', target: '/ops/index.html' }), 200, 'document'],
  ['SPA history route', () => ({ method: 'GET', target: '/ops/clients/CUST-00583' }), 200, 'document'],
  ['entry page /ops/ (no identity)', () => ({ method: 'GET', target: '/ops/' }), 200, 'entry'],
  ['SPA script', () => ({ method: 'GET', target: '/ops/assets/index-a1.js' }), 200, 'document'],
  ['SPA stylesheet', () => ({ method: 'GET', target: '/ops/assets/index-a1.css' }), 200, 'document'],
  ['web manifest', () => ({ method: 'GET', target: '/ops/manifest.webmanifest' }), 200, 'document'],
  ['redirect /', () => ({ method: 'GET', target: '/' }), 302, 'document'],
  ['redirect /ops', () => ({ method: 'GET', target: '/ops' }), 302, 'document'],
  ['unknown page (404)', () => ({ method: 'GET', target: '/ops/nowhere.txt' }), 404, 'document'],
  ['health', () => ({ method: 'GET', target: '/ops/healthz' }), 200, 'document'],
  ['readiness', () => ({ method: 'GET', target: '/ops/readyz' }), 503, 'document'],
  ['/ops/api/me', () => ({ method: 'GET', target: '/ops/api/me', headers: [jwt()] }), 200, 'api'],
  ['/ops/api/config', () => ({ method: 'GET', target: '/ops/api/config', headers: [jwt()] }), 200, 'api'],
  ['proxied ERP answer with weaker headers of its own', () => ({ method: 'GET', target: '/ops/api/erp/resource/Customer', headers: [jwt()] }), 200, 'api'],
  ['proxied ERP 404', () => ({ method: 'GET', target: '/ops/api/erp/resource/Customer/missing', headers: [jwt()] }), 404, 'api'],
  ['proxied hub write', () => ({ method: 'POST', target: '/ops/api/hub/auth/users', headers: [jwt(), csrf, ['Content-Type', 'application/json']], body: '{}' }), 200, 'api'],
  ['rate limited (429)', () => ({ method: 'POST', target: '/ops/api/hub/auth/users', headers: [jwt(), csrf, ['Content-Type', 'application/json']], body: '{}' }), 429, 'api'],
  ['unauthenticated (401)', () => ({ method: 'GET', target: '/ops/api/me' }), 401, 'api'],
  ['forbidden (403)', () => ({ method: 'GET', target: '/ops/api/hub/auth/users', headers: [['X-Authentik-Jwt', tech]] }), 403, 'api'],
  ['CSRF refusal (403)', () => ({ method: 'POST', target: '/ops/api/erp/resource/Comment', headers: [jwt()], body: '{}' }), 403, 'api'],
  ['unknown API (404)', () => ({ method: 'GET', target: '/ops/api/nothing', headers: [jwt()] }), 404, 'api'],
  ['bad path (400)', () => ({ method: 'GET', target: '/ops/api/erp/%2e%2e/x', headers: [jwt()] }), 400, 'api'],
  ['body too large (413)', () => ({ method: 'POST', target: '/ops/api/erp/resource/Comment', headers: [jwt(), csrf, ['Content-Type', 'application/json']], body: `{"c":"${'x'.repeat(2000)}"}` }), 413, 'api'],
  ['wrong content type (415)', () => ({ method: 'POST', target: '/ops/api/erp/resource/Comment', headers: [jwt(), csrf, ['Content-Type', 'text/plain']], body: 'x' }), 415, 'api'],
  ['malformed request (Node, 400)', () => ({ raw: 'GET /ops/api/me HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\n\r\n' }), 400, 'api'],
  ['oversized headers (Node, 431)', () => ({ method: 'GET', target: '/ops/api/me', headers: [['X-Big', 'x'.repeat(20_000)]] }), 431, 'api'],
  ['CONNECT (405)', () => ({ raw: 'CONNECT erp:8000 HTTP/1.1\r\nHost: erp:8000\r\n\r\n' }), 405, 'api'],
  ['no Host (400)', () => ({ raw: 'GET /ops/api/me HTTP/1.1\r\nConnection: close\r\n\r\n' }), 400, 'api'],
];

type Kind = 'document' | 'api' | 'entry';

function checkHeaders(answer: RawAnswer, kind: Kind): void {
  for (const [name, value] of Object.entries(EXPECTED)) expect(answer.headers[name], name).toBe(value);
  expect(answer.headers['permissions-policy']).toMatch(/^camera=\(self\), /);
  const csp = answer.headers['content-security-policy'] ?? '';
  if (kind === 'api') {
    expect(csp).toBe(API_CSP);
  } else if (kind === 'entry') {
    expect(csp).toBe(ENTRY_PAGE_CSP);
  } else {
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain(`style-src 'self' 'sha256-${createHash('sha256').update(SPLASH).digest('base64')}';`);
    expect(csp).toContain("img-src 'self' data: blob: https://*.tiles.gigafibre.ca;");
    expect(csp).toContain("frame-ancestors 'none'");
  }
}

describe('security headers on every answer', () => {
  it.each(ANSWERS)('%s', async (_what, build, status, kind) => {
    const answer = await sendRaw(server.port, build());
    expect(answer.status, answer.body.slice(0, 200)).toBe(status);
    checkHeaders(answer, kind);
  });

  it('on an event stream', async () => {
    const answer = await new Promise<RawAnswer>((resolve) => {
      void sendRaw(server.port, { method: 'GET', target: '/ops/api/hub/events', headers: [jwt()] }, 800).then(resolve);
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/event-stream');
    checkHeaders(answer, 'api');
  });

  it('on an upstream failure (502)', async () => {
    const answer = await sendRaw(down.port, { method: 'GET', target: '/ops/api/erp/resource/Customer', headers: [jwt()] });
    expect(answer.status).toBe(502);
    checkHeaders(answer, 'api');
  });
});
