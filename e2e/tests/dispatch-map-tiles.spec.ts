// Map tiles from a configured tile server (OPS_MAP_TILE_URL, handed to the SPA by /ops/api/config):
// the page's Referrer-Policy is `same-origin`, so without a policy of their own the tile requests
// would carry no Referer, which OpenStreetMap's tile usage policy requires. They must send our
// origin, and only our origin (no path or fragment).
import { expect, test } from '../fixtures/auth';
import { DispatchBoardPage } from '../pages/DispatchBoardPage';
import { E2E_BASE_URL } from '../stack-env';

/** A made-up tile host (the e2e stack has no tile URL): requests to it are answered here. */
const TILE_HOST = 'https://tiles.example.test';
/** 1×1 transparent PNG. */
const TILE_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

test('tile requests send our origin as Referer (strict-origin-when-cross-origin), not the page’s same-origin silence', async ({ asUser }) => {
  // The BFF's CSP lets images come only from its own configured tile host; this test configures
  // another one in the browser, so the CSP is bypassed (security-csp.spec.ts covers the CSP itself).
  const { page, context } = await asUser('dispatch', { open: false, viewport: { width: 1920, height: 1080 }, bypassCSP: true });
  const referers: (string | null)[] = [];
  await context.route('**/ops/api/config', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { map: { tileUrl: string | null; attribution: string | null } };
    await route.fulfill({ response, json: { ...body, map: { tileUrl: `${TILE_HOST}/{z}/{x}/{y}.png`, attribution: '© OpenStreetMap' } } });
  });
  await context.route(`${TILE_HOST}/**`, async (route) => {
    referers.push((await route.request().allHeaders()).referer ?? null);
    await route.fulfill({ status: 200, contentType: 'image/png', headers: { 'access-control-allow-origin': '*' }, body: TILE_PNG });
  });

  const response = await page.goto('/ops/dispatch');
  expect(response?.headers()['referrer-policy']).toBe('same-origin');
  const board = new DispatchBoardPage(page);
  await board.waitReady();
  await page.getByTestId('map-toggle').click();
  const map = page.getByTestId('map-panel');
  await expect(map.locator('img.leaflet-tile').first()).toBeVisible();
  await expect(page.getByTestId('map-no-tiles')).toHaveCount(0);

  const policies = await map.locator('img.leaflet-tile').evaluateAll((imgs) => [...new Set(imgs.map((img) => (img as { referrerPolicy: string }).referrerPolicy))]);
  expect(policies).toEqual(['strict-origin-when-cross-origin']);
  expect(referers.length).toBeGreaterThan(0);
  expect([...new Set(referers)]).toEqual([`${new URL(E2E_BASE_URL).origin}/`]);
});
