// Issue 17: a deep link opened without a session comes back after sign-in, for every role: the
// router uses history routes under /ops/ (a fragment never reaches the edge, so it could never
// come back), the BFF answers every route with the app, and the edge (nginx + the outpost, as in
// production) remembers the path and query it refused. Today's `/ops/#/…` links still open their page.
import { DEMO } from '../../apps/standin/src/edge/demo-users';
import { FIXTURE_CUSTOMERS, FIXTURE_JOBS } from '../../apps/standin/src/seed/fixtures';
import { expect, installStackClock, test } from '../fixtures/auth';
import { stackToday } from '../fixtures/stack';
import { SignInPage } from '../pages/SignInPage';

test('cold deep links land on the link after sign-in: a CSR on a client, a dispatcher on a day and job, a technician on a job', async ({ browser, stack }) => {
  const today = await stackToday();
  const links = [
    { user: DEMO.support, path: `/ops/clients/${FIXTURE_CUSTOMERS.business.customer}`, text: FIXTURE_CUSTOMERS.business.customerName },
    { user: DEMO.dispatch, path: `/ops/dispatch?date=${today}&job=${FIXTURE_JOBS.overlapTarget.job}`, testId: 'job-drawer' },
    { user: DEMO.tech, path: `/ops/j/${FIXTURE_JOBS.techToday[1]}`, testId: 'job-scan' },
  ];
  for (const link of links) {
    const context = await browser.newContext({ baseURL: stack.baseUrl, locale: 'fr-CA', timezoneId: 'America/Toronto' });
    await installStackClock(context, stack);
    const page = await context.newPage();
    await page.goto(link.path);
    const signIn = new SignInPage(page);
    await expect(signIn.heading()).toBeVisible();
    await signIn.signIn(link.user.email, link.user.password);
    const url = new URL(page.url());
    expect(`${url.pathname}${url.search}`, link.user.email).toBe(link.path);
    if (link.text) await expect(page.locator('#main-content').getByText(link.text).first()).toBeVisible();
    if (link.testId) await expect(page.getByTestId(link.testId)).toBeVisible();
    await context.close();
  }
});

test('today’s hash links still open their page (rewritten to the history route)', async ({ asUser }) => {
  const { page } = await asUser('support', { open: false });
  await page.goto(`/ops/#/clients/${FIXTURE_CUSTOMERS.business.customer}`);
  await expect(page).toHaveURL(new RegExp(`/ops/clients/${FIXTURE_CUSTOMERS.business.customer}$`));
  await expect(page.locator('#main-content').getByText(FIXTURE_CUSTOMERS.business.customerName).first()).toBeVisible();
  await page.goto('/ops/#/dispatch?date=2026-11-19');
  await expect(page).toHaveURL(/\/ops\/dispatch\?date=2026-11-19$/);
});
