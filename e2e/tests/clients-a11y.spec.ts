// axe on the clients pages (search with results, client file) at phone and desktop sizes, light and
// dark; the screenshots are attached to the report.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { FIXTURE_CUSTOMERS } from '../../apps/standin/src/seed/fixtures';
import { expect, test } from '../fixtures/auth';
import { ClientFilePage } from '../pages/ClientFilePage';
import { ClientSearchPage } from '../pages/ClientSearchPage';

const SIZES = [
  { name: 'bureau-1440x900', viewport: { width: 1440, height: 900 }, colorScheme: 'light' as const },
  { name: 'telephone-390x844', viewport: { width: 390, height: 844 }, colorScheme: 'dark' as const },
];

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Nothing wider than the screen once the page has settled (no sideways scrolling on a phone); names what sticks out. */
async function expectFitsScreen(page: Page, width: number): Promise<void> {
  const measure = () =>
    page.locator('html').evaluate((html, w) => {
      const wide = [...html.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > w + 1).map((el) => `${el.tagName}.${el.className}`);
      return { scrollWidth: html.scrollWidth, wide: wide.slice(0, 8) };
    }, width);
  await expect.poll(async () => (await measure()).scrollWidth, { timeout: 3_000 }).toBeLessThanOrEqual(width).catch(async (error: unknown) => {
    throw new Error(`${String(error)}\n${(await measure()).wide.join('\n')}`);
  });
}

/**
 * What in the open results list sticks out sideways: the list scrolling, content wider than its box
 * that is not ended with « … », or a box reaching past its parent's right edge (a highlight may be
 * cut along with the value it marks).
 */
async function resultsOverflow(page: Page): Promise<string[]> {
  return page.getByRole('listbox').evaluate((list) => {
    const view = list.ownerDocument.defaultView;
    const name = (el: { tagName: string; classList: Iterable<string> }) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`;
    const problems: string[] = [];
    if (list.scrollWidth > list.clientWidth) problems.push(`the list scrolls sideways: ${list.scrollWidth} > ${list.clientWidth} px`);
    for (const el of list.querySelectorAll('*')) {
      const style = view.getComputedStyle(el);
      const ellipsis = style.overflowX === 'hidden' && style.textOverflow === 'ellipsis';
      if (style.display !== 'inline' && el.scrollWidth > el.clientWidth && !ellipsis) {
        problems.push(`${name(el)}: ${el.scrollWidth} px of content in ${el.clientWidth} px, no ellipsis`);
      }
      const parent = el.parentElement;
      if (!parent || el.tagName === 'MARK') continue;
      const past = el.getBoundingClientRect().right - parent.getBoundingClientRect().right;
      if (past > 0.5) problems.push(`${name(el)} sticks out of ${name(parent)} by ${past.toFixed(1)} px`);
    }
    return problems;
  });
}

test('search results on a phone (dark): long e-mails and MAC addresses end in « … » inside their own boxes', async ({ asUser }, testInfo) => {
  const { page } = await asUser('support', { viewport: { width: 390, height: 844 }, colorScheme: 'dark', open: '/clients' });
  const search = new ClientSearchPage(page);
  const mac = FIXTURE_CUSTOMERS.badOptical.ont.mac;
  for (const [term, kind] of [
    ['tremblay', 'email'],
    [mac.slice(0, 8), 'mac'],
  ] as const) {
    await search.search(term);
    await expect(search.results().first().getByTestId('search-reason')).toHaveAttribute('data-kind', kind);
    expect(await resultsOverflow(page), `results for « ${term} »`).toEqual([]);
    await testInfo.attach(`clients-resultats-${kind}-telephone-sombre.png`, { body: await page.screenshot(), contentType: 'image/png' });
  }
});

for (const size of SIZES) {
  test(`clients search ${size.name} (${size.colorScheme}): axe clean, fits the screen, screenshot attached`, async ({ asUser }, testInfo) => {
    const { page } = await asUser('support', { viewport: size.viewport, colorScheme: size.colorScheme, open: '/clients' });
    await expect(page.locator('body')).toHaveClass(size.colorScheme === 'dark' ? /body--dark/ : /body--light/);
    const search = new ClientSearchPage(page);
    await expect(search.listRows().first()).toBeVisible();
    await search.search('tremblay');
    await expectFitsScreen(page, size.viewport.width);
    expect(await seriousViolations(page)).toEqual([]);
    await testInfo.attach(`clients-recherche-${size.name}.png`, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
  });

  test(`client file ${size.name} (${size.colorScheme}): axe clean, fits the screen, screenshot attached`, async ({ asUser }, testInfo) => {
    const { page } = await asUser('support', { viewport: size.viewport, colorScheme: size.colorScheme, open: `/clients/${FIXTURE_CUSTOMERS.overdue.customer}` });
    await new ClientFilePage(page).expectLoaded();
    await expectFitsScreen(page, size.viewport.width);
    expect(await seriousViolations(page)).toEqual([]);
    await testInfo.attach(`client-fiche-${size.name}.png`, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
  });
}
