// Issue 15: the whole walk through the real reverse proxy (nginx with auth_request in front of two
// BFF replicas, as production's Traefik + Authentik): sign in, a refused call from the same
// browser (its body unread by the BFF), then ordinary use, every answer arriving.
import { DEMO } from '../../apps/standin/src/edge/demo-users';
import { FIXTURE_CUSTOMERS } from '../../apps/standin/src/seed/fixtures';
import { expect, test } from '../fixtures/auth';
import { ClientFilePage } from '../pages/ClientFilePage';
import { ClientSearchPage } from '../pages/ClientSearchPage';
import { ShellPage } from '../pages/ShellPage';
import { SignInPage } from '../pages/SignInPage';
import { E2E_ENV } from '../stack-env';

test('sign in through the proxy, a refused call, then ordinary use in the same browser', async ({ page }, testInfo) => {
  const viaNginx = E2E_ENV.OPS_EDGE === 'nginx';
  // No session: the proxy asks the outpost, which sends the browser to sign in.
  await page.goto('/ops/clients');
  await expect(page).toHaveURL(/\/if\/flow\/default-authentication-flow\/\?next=%2Fops%2F/);
  await new SignInPage(page).signIn(DEMO.support.email, DEMO.support.password);
  const shell = new ShellPage(page);
  await shell.waitReady();
  await expect(shell.mainHeading()).toHaveText('Clients');

  // Refused before its 200 kB body is read (a note far too long): no X-Requested-With (CSRF), then too large (413).
  // Both are JSON, and the connections they used stay usable.
  const refusals = await page.evaluate(async () => {
    const body = JSON.stringify({ reference_doctype: 'Customer', reference_name: 'CUST-00001', content: 'x'.repeat(200_000) });
    const post = (headers: Record<string, string>) =>
      fetch('/ops/api/erp/resource/Comment', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body, redirect: 'manual' }).then(async (r) => ({
        status: r.status,
        server: r.headers.get('server'),
        body: (await r.json()) as { error: string },
      }));
    return [await post({}), await post({ 'X-Requested-With': 'gigafibre-ops' })];
  });
  expect(refusals.map((r) => [r.status, r.body.error])).toEqual([
    [403, 'csrf'],
    [413, 'body_too_large'],
  ]);
  if (viaNginx) expect(refusals.every((r) => r.server === 'nginx')).toBe(true);

  // Ordinary use, on the same browser: search, open a client file, come back.
  const search = new ClientSearchPage(page);
  const client = FIXTURE_CUSTOMERS.badOptical;
  await search.search(client.customerName); // « Tremblay » alone has more matches than one page shows
  await expect(search.result(client.customer)).toBeVisible();
  const answers: number[] = [];
  page.on('response', (r) => {
    if (r.url().includes('/ops/api/')) answers.push(r.status());
  });
  await search.result(client.customer).click();
  await expect(page).toHaveURL(new RegExp(`/ops/clients/${client.customer}`));
  await expect(new ClientFilePage(page).name()).toHaveText(client.customerName);
  await page.screenshot({ path: testInfo.outputPath('client-file-through-the-proxy.png') });
  await page.goBack();
  await expect(shell.mainHeading()).toHaveText('Clients');
  expect(answers.length).toBeGreaterThan(0);
  expect(answers.filter((s) => s >= 500)).toEqual([]);
});
