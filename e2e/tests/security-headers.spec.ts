// Issue 11's header scan, end to end: what a browser receives through the edge — the SPA and its
// files, redirects, API answers, refusals — carries the BFF's security headers.
import { expect, test } from '../fixtures/auth';

const REQUIRED = ['content-security-policy', 'strict-transport-security', 'referrer-policy', 'permissions-policy', 'x-content-type-options', 'cross-origin-opener-policy', 'x-frame-options'];

test('every kind of answer carries the security headers', async ({ asUser }) => {
  const { page } = await asUser('support', { open: false });
  const html = await page.request.get('/ops/index.html');
  const script = /src="(\/ops\/assets\/[^"]+\.js)"/.exec(await html.text())?.[1];
  expect(script).toBeDefined();
  const answers = {
    'index.html': html,
    script: await page.request.get(script as string),
    manifest: await page.request.get('/ops/manifest.webmanifest'),
    'redirect /ops': await page.request.get('/ops', { maxRedirects: 0 }),
    'page 404': await page.request.get('/ops/introuvable.txt'),
    health: await page.request.get('/ops/healthz'),
    '/api/me': await page.request.get('/ops/api/me'),
    'proxied ERP list': await page.request.get('/ops/api/erp/resource/Customer?limit_page_length=1'),
    'forbidden (403)': await page.request.get('/ops/api/hub/auth/users'),
    'bad path (400)': await page.request.get('/ops/api/erp/resource/Customer%2F..%2FUser'),
    'CSRF refusal (403)': await page.request.post('/ops/api/erp/resource/Comment', { data: {} }),
  };
  const scan = Object.entries(answers).map(([what, res]) => ({ what, status: res.status(), missing: REQUIRED.filter((h) => res.headers()[h] === undefined) }));
  expect(scan.filter((s) => s.missing.length > 0)).toEqual([]);
  expect(scan.map((s) => s.status)).toEqual([200, 200, 200, 302, 404, 200, 200, 200, 403, 400, 403]);
  const csp = html.headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self';/);
  expect(csp).toMatch(/frame-ancestors 'none'/);
  expect(answers['/api/me'].headers()['content-security-policy']).toMatch(/^default-src 'none'/);
});
