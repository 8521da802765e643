// The client file on a CSR's laptop (1280×720, 1366×768): beside the history the main column is
// only ~550–610 px wide. Every « Diagnostiquer » button and every invoice status must lie whole
// inside the screen and inside the box that shows it (nothing cut off at a table's edge), the
// page must not scroll sideways, and axe must pass. Customers: the overdue fixture (a year of
// invoices), one with two addresses and the most equipment, one with a « Partiellement payée »
// invoice (the longest status), all found in the standin at run time.
import type { Locator, Page } from '@playwright/test';
import { FIXTURE_CUSTOMERS } from '../../apps/standin/src/seed/fixtures';
import { expectNoSeriousAxeViolation } from '../fixtures/axe';
import { expect, test } from '../fixtures/auth';
import { ClientFilePage } from '../pages/ClientFilePage';
import config from '../playwright.config';
import { E2E_ERP_TOKEN, E2E_ERP_URL } from '../stack-env';

interface Laptop {
  name: string;
  viewport: { width: number; height: number };
  colorScheme: 'light' | 'dark';
}

// Classic scrollbars, as on the CSRs' Windows laptops (Playwright hides them by default): the page's
// and the invoice list's each take ~15 px of the width measured here.
test.use({ launchOptions: { ...config.use?.launchOptions, ignoreDefaultArgs: ['--hide-scrollbars'] } });

const LAPTOPS: readonly [Laptop, Laptop] = [
  { name: 'portable-1280x720', viewport: { width: 1280, height: 720 }, colorScheme: 'light' },
  { name: 'portable-1366x768', viewport: { width: 1366, height: 768 }, colorScheme: 'dark' },
];

async function erpList<T>(doctype: string, params: Record<string, string>): Promise<T[]> {
  const query = new URLSearchParams({ limit_page_length: '0', ...params });
  const res = await fetch(`${E2E_ERP_URL}/api/resource/${encodeURIComponent(doctype)}?${query}`, {
    headers: { Authorization: `token ${E2E_ERP_TOKEN}` },
  });
  expect(res.status, `${doctype} list`).toBe(200);
  return ((await res.json()) as { data: T[] }).data;
}

interface Holdings {
  equipment: number;
  locations: number;
}

/** How much equipment, at how many addresses, each customer has (as the standin holds it). */
async function holdingsByCustomer(): Promise<Map<string, Holdings>> {
  const rows = await erpList<{ customer: string; service_location: string }>('Service Equipment', { fields: JSON.stringify(['customer', 'service_location']) });
  const seen = new Map<string, { equipment: number; locations: Set<string> }>();
  for (const r of rows) {
    const c = seen.get(r.customer) ?? { equipment: 0, locations: new Set<string>() };
    c.equipment++;
    c.locations.add(r.service_location);
    seen.set(r.customer, c);
  }
  return new Map([...seen].map(([id, c]) => [id, { equipment: c.equipment, locations: c.locations.size }]));
}

/** The customer with more than one service address and the most equipment. */
function mostEquipped(holdings: Map<string, Holdings>): string {
  const [best] = [...holdings].filter(([, h]) => h.locations > 1).sort((a, b) => b[1].equipment - a[1].equipment || a[0].localeCompare(b[0]));
  if (!best) throw new Error('the seed has no customer with two service addresses');
  return best[0];
}

async function partlyPaidCustomer(): Promise<string> {
  const [row] = await erpList<{ customer: string }>('Sales Invoice', {
    fields: JSON.stringify(['customer']),
    filters: JSON.stringify([['status', '=', 'Partly Paid']]),
    order_by: 'name asc',
    limit_page_length: '1',
  });
  if (!row) throw new Error('the seed has no partly paid invoice');
  return row.customer;
}

async function invoiceCount(customer: string): Promise<number> {
  return (await erpList('Sales Invoice', { fields: JSON.stringify(['name']), filters: JSON.stringify([['customer', '=', customer]]) })).length;
}

/**
 * Where `target` is cut off sideways: past the screen's width, or past the visible (client) box of
 * `box` or of any ancestor that clips its overflow. Vertical position is left out on purpose: rows
 * below a scroll region's fold are reached by scrolling it, as intended.
 */
async function clippedSideways(target: Locator, box: Locator): Promise<string[]> {
  const boxHandle = await box.elementHandle();
  return target.evaluate((el, boxEl) => {
    const view = el.ownerDocument.defaultView;
    if (!view) return ['no window'];
    // Tag, test id and the last class (ours, after Quasar's): enough to tell which box it is.
    const name = (e: typeof el) => `${e.tagName.toLowerCase()}${e.dataset.testid ? `[${e.dataset.testid}]` : ''}${e.classList.length ? `.${[...e.classList].at(-1)}` : ''}`;
    const r = el.getBoundingClientRect();
    const problems: string[] = [];
    if (r.width === 0) problems.push(`${name(el)} has no width`);
    const screen = el.ownerDocument.documentElement.clientWidth;
    if (r.left < -0.5 || r.right > screen + 0.5) problems.push(`${name(el)} [${r.left}, ${r.right}] outside the screen [0, ${screen}]`);
    const visibleBox = (e: typeof el) => {
      const b = e.getBoundingClientRect();
      const left = b.left + e.clientLeft;
      return { left, right: left + e.clientWidth };
    };
    const clippers = new Set<typeof el>(boxEl ? [boxEl] : []);
    for (let a = el.parentElement; a; a = a.parentElement) {
      if (view.getComputedStyle(a).overflowX !== 'visible') clippers.add(a);
    }
    for (const c of clippers) {
      const v = visibleBox(c);
      if (r.left < v.left - 0.5 || r.right > v.right + 0.5) problems.push(`${name(el)} [${r.left}, ${r.right}] outside ${name(c)}'s visible box [${v.left}, ${v.right}]`);
    }
    return problems;
  }, boxHandle);
}

/** Every Diagnostiquer button and every invoice status (cell and badge) is whole on screen and in its table's visible box. */
async function expectNothingClipped(page: Page, label: string): Promise<void> {
  const problems: string[] = [];
  for (const table of await page.getByTestId('section-locations').getByTestId('equipment-table').all()) {
    for (const button of await table.getByTestId('diagnose').all()) {
      await expect(button).toBeVisible();
      problems.push(...(await clippedSideways(button, table)));
    }
  }
  // The invoice table's box is the focusable region that scrolls it.
  const invoices = page.getByTestId('section-invoices');
  const region = invoices.getByRole('region', { name: 'Factures' });
  for (const row of await invoices.getByTestId('invoice').all()) {
    const status = row.locator('td').last();
    await expect(status.locator('.client-status')).toHaveCount(1);
    problems.push(...(await clippedSideways(status, region)), ...(await clippedSideways(status.locator('.client-status'), region)));
  }
  expect(problems, label).toEqual([]);
  const html = await page.locator('html').evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth, innerWidth: el.ownerDocument.defaultView?.innerWidth ?? 0 }));
  expect(html.scrollWidth, `${label}: the page scrolls sideways`).toBeLessThanOrEqual(html.clientWidth);
  expect(html.clientWidth, `${label}: the page's scrollbar takes room, as on Windows`).toBeLessThan(html.innerWidth);
}

// One page for both laptops: each client file is checked at 1280×720 in light, then the window is
// resized to 1366×768 and the theme switched to dark, as a CSR would (a page load per laptop cost the
// suite time it is short of). The theme is switched at each laptop, so the order of files does not matter.
test('client file on a laptop (1280×720 light, 1366×768 dark): every Diagnostiquer and invoice status in full view, axe clean', async ({ asUser }, testInfo) => {
  test.setTimeout(120_000); // three client files, each at two sizes with axe
  const holdings = await holdingsByCustomer();
  const customers = [
    { id: FIXTURE_CUSTOMERS.overdue.customer, label: 'retard' },
    { id: mostEquipped(holdings), label: 'plusieurs-adresses' },
    { id: await partlyPaidCustomer(), label: 'partiellement-payee' },
  ];
  const { page, shell } = await asUser('support', { viewport: LAPTOPS[0].viewport, colorScheme: LAPTOPS[0].colorScheme, open: false });
  const file = new ClientFilePage(page);
  for (const c of customers) {
    await file.open(c.id);
    for (const size of LAPTOPS) {
      await page.setViewportSize(size.viewport);
      const dark = await page.locator('body').evaluate((b) => b.classList.contains('body--dark'));
      if (dark !== (size.colorScheme === 'dark')) await shell.themeToggle().click();
      await expect(page.locator('body')).toHaveClass(size.colorScheme === 'dark' ? /body--dark/ : /body--light/);
      // The history beside the sections, as a CSR sees the file at this size (the narrow case).
      await expect(file.section('timeline')).toBeInViewport();
      // Every device and every invoice is there to be checked.
      await expect(file.section('locations').getByTestId('diagnose')).toHaveCount(holdings.get(c.id)?.equipment ?? 0);
      // (12 months an address in the seed: under the 60 the file lists.)
      await expect(file.section('invoices').getByTestId('invoice')).toHaveCount(await invoiceCount(c.id));
      if (c.label === 'partiellement-payee') await expect(file.section('invoices').locator('[data-status="Partly Paid"]').first()).toBeAttached();
      await expectNothingClipped(page, `${c.id} at ${size.name}`);
      await expectNoSeriousAxeViolation(page, testInfo, `client-fiche-${c.label}-${size.name}`);
    }
  }
});
