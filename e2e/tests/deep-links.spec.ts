// Issue 17: a deep link opened without a session comes back after sign-in, for every role: the
// router uses history routes under /ops/ (a fragment never reaches the edge, so it could never
// come back), the BFF answers every route with the app, and the edge (nginx + the outpost, as in
// production) remembers the path and query it refused. Today's `/ops/#/…` links still open their
// page, signed in or not: `/ops/` is the BFF's sessionless entry page, which turns the fragment into
// the path before the edge asks for a session.
import type { Browser } from '@playwright/test';
import { DEMO } from '../../apps/standin/src/edge/demo-users';
import { FIXTURE_CUSTOMERS, FIXTURE_JOBS } from '../../apps/standin/src/seed/fixtures';
import { expect, installStackClock, test } from '../fixtures/auth';
import { stackToday } from '../fixtures/stack';
import type { StackUrls } from '../stack-env';
import { SignInPage } from '../pages/SignInPage';

/** For three roles, a link (`path`: a history path, or `/ops/#/…` written before history routes) that names a page. */
async function roleLinks(): Promise<{ user: (typeof DEMO)[keyof typeof DEMO]; path: string; text?: string; testId?: string }[]> {
  const today = await stackToday();
  return [
    { user: DEMO.support, path: `/ops/clients/${FIXTURE_CUSTOMERS.business.customer}`, text: FIXTURE_CUSTOMERS.business.customerName },
    { user: DEMO.dispatch, path: `/ops/dispatch?date=${today}&job=${FIXTURE_JOBS.overlapTarget.job}`, testId: 'job-drawer' },
    { user: DEMO.tech, path: `/ops/j/${FIXTURE_JOBS.techToday[1]}`, testId: 'job-scan' },
  ];
}

/** Opens each link in a fresh browser (no session), signs in, and checks it landed on `path` showing its page. */
async function coldOpenAndSignIn(browser: Browser, stack: StackUrls, asHashLink: boolean): Promise<void> {
  test.setTimeout(120_000); // three cold starts, each up to 20 s beside another worker
  for (const link of await roleLinks()) {
    const context = await browser.newContext({ baseURL: stack.baseUrl, locale: 'fr-CA', timezoneId: 'America/Toronto' });
    await installStackClock(context, stack);
    const page = await context.newPage();
    await page.goto(asHashLink ? link.path.replace('/ops/', '/ops/#/') : link.path);
    const signIn = new SignInPage(page);
    await expect(signIn.heading()).toBeVisible();
    await signIn.signIn(link.user.email, link.user.password);
    const url = new URL(page.url());
    expect(`${url.pathname}${url.search}`, link.user.email).toBe(link.path);
    // A cold start after sign-in (the whole bundle uncached, then the page's data; the board: 110
    // jobs, 40 rows) beside another worker has taken over 8 s.
    if (link.text) await expect(page.locator('#main-content').getByText(link.text).first()).toBeVisible({ timeout: 20_000 });
    if (link.testId) await expect(page.getByTestId(link.testId)).toBeVisible({ timeout: 20_000 });
    await context.close();
  }
}

test('cold deep links land on the link after sign-in: a CSR on a client, a dispatcher on a day and job, a technician on a job', async ({ browser, stack }) => {
  await coldOpenAndSignIn(browser, stack, false);
});

test('cold hash links (/ops/#/…) land on their page after sign-in: the entry page turns them into paths before the edge asks for a session', async ({ browser, stack }) => {
  await coldOpenAndSignIn(browser, stack, true);
});

test('today’s hash links still open their page (rewritten to the history route)', async ({ asUser }) => {
  const { page } = await asUser('support', { open: false });
  await page.goto(`/ops/#/clients/${FIXTURE_CUSTOMERS.business.customer}`);
  await expect(page).toHaveURL(new RegExp(`/ops/clients/${FIXTURE_CUSTOMERS.business.customer}$`));
  await expect(page.locator('#main-content').getByText(FIXTURE_CUSTOMERS.business.customerName).first()).toBeVisible();
  await page.goto('/ops/#/dispatch?date=2026-11-19');
  await expect(page).toHaveURL(/\/ops\/dispatch\?date=2026-11-19$/);
});
