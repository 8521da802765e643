// Clients (issue 6): a CSR finds the caller however the number is typed or from a device serial,
// opens the file, keyboard only if they like; the list's quick filters and saved views.
import { FIXTURE_CUSTOMERS } from '../../apps/standin/src/seed/fixtures';
import { expect, test } from '../fixtures/auth';
import { ClientFilePage } from '../pages/ClientFilePage';
import { ClientSearchPage } from '../pages/ClientSearchPage';

const josee = FIXTURE_CUSTOMERS.badOptical;

test('the same client is found by phone typed three ways and by an equipment serial, then opened', async ({ asUser }) => {
  const { page } = await asUser('support', { open: '/clients' });
  const search = new ClientSearchPage(page);

  // Stored as « 514-555-0142 »; the CSR types whatever the caller says.
  for (const typed of ['514 555-0142', '(514) 555-0142', '+1 514 555 0142']) {
    await search.search(typed);
    await expect(search.results().first(), typed).toHaveAttribute('data-client', josee.customer);
    expect(await search.reasonOf(search.result(josee.customer)), typed).toEqual({ kind: 'phone', marked: ['514 555-0142'] });
  }

  await search.search(josee.ont.serial.toLowerCase());
  await expect(search.results()).toHaveCount(1);
  expect(await search.reasonOf(search.result(josee.customer))).toEqual({ kind: 'serial', marked: [josee.ont.serial] });
  await expect(search.result(josee.customer)).toContainText(josee.customerName);

  // Enter opens the first result (ready for Enter as soon as results arrive).
  await search.input().press('Enter');
  await expect(page).toHaveURL(new RegExp(`/ops/clients/${josee.customer}$`));
  const file = new ClientFilePage(page);
  await expect(file.name()).toHaveText(josee.customerName);
  await expect(file.account()).toContainText(josee.customer);

  // Back on the search page, the client is offered as a recent one.
  await page.goto('/ops/clients');
  await expect(search.recent().first()).toHaveAttribute('data-client', josee.customer);
});

test('arrows choose among results, Escape clears, a MAC in another notation finds its device', async ({ asUser }) => {
  const { page } = await asUser('support', { open: '/clients' });
  const search = new ClientSearchPage(page);
  await search.search(josee.ont.mac.replaceAll(':', '-').toLowerCase());
  expect(await search.reasonOf(search.result(josee.customer))).toEqual({ kind: 'mac', marked: [josee.ont.mac] });

  await search.search('tremblay');
  const count = await search.results().count();
  expect(count).toBeGreaterThan(2);
  const input = search.input();
  await expect(input).toHaveAttribute('aria-activedescendant', 'client-option-0');
  await input.press('ArrowDown');
  await input.press('ArrowDown');
  await expect(input).toHaveAttribute('aria-activedescendant', 'client-option-2');
  await expect(search.results().nth(2)).toHaveAttribute('aria-selected', 'true');
  const third = await search.results().nth(2).getAttribute('data-client');
  await input.press('ArrowUp');
  await input.press('ArrowDown');
  await input.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/ops/clients/${third}$`));

  await page.goBack();
  await search.input().fill('xyz');
  await search.input().press('Escape');
  await expect(search.input()).toHaveValue('');
});

test('quick filters narrow the list and a saved view brings them back', async ({ asUser }) => {
  const { page } = await asUser('support', { open: '/clients' });
  const search = new ClientSearchPage(page);
  await expect(search.listRows().first()).toBeVisible();

  await page.getByTestId('filter-region').click();
  await page.getByRole('option', { name: 'Rive-Sud' }).click();
  await page.getByTestId('filter-unpaid').click();
  await expect(page).toHaveURL(/region=Rive-Sud/);
  await expect(page).toHaveURL(/unpaid=1/);
  // The overdue fixture lives on the Rive-Sud and owes money.
  const overdue = page.locator(`[data-testid="client-row"][data-client="${FIXTURE_CUSTOMERS.overdue.customer}"]`);
  await expect(overdue).toBeVisible();
  await expect(overdue).toContainText('344,92');
  for (const region of await search.listRows().locator('td:nth-child(5)').allInnerTexts()) expect(region).toBe('Rive-Sud');

  await page.getByTestId('saved-views').click();
  await page.getByTestId('save-view').click();
  await page.getByRole('dialog').getByLabel('Nom de la vue').fill('Impayés Rive-Sud');
  await page.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
  await expect(page.getByText('Vue « Impayés Rive-Sud » enregistrée.')).toBeVisible();

  await page.goto('/ops/clients');
  await expect(page).not.toHaveURL(/unpaid/);
  await page.getByTestId('saved-views').click();
  await page.getByTestId('saved-view').filter({ hasText: 'Impayés Rive-Sud' }).click();
  await expect(page).toHaveURL(/region=Rive-Sud/);
  await expect(overdue).toBeVisible();
});

test('on a 1366 px laptop the list keeps each value whole and shows every balance, 0,00 $ included', async ({ asUser }) => {
  const { page } = await asUser('support', { open: '/clients' });
  await page.setViewportSize({ width: 1366, height: 768 });
  const rows = new ClientSearchPage(page).listRows();
  await expect(rows.first()).toBeVisible();
  const balances = rows.getByTestId('client-balance');
  // Read after the rows: a skeleton meanwhile, then an amount for every row (never « inconnu »).
  await expect(balances.locator('.q-skeleton')).toHaveCount(0);
  for (const text of await balances.allInnerTexts()) expect(text).toMatch(/^\d[\d\u00a0\u202f ]*,\d\d\u00a0\$$/);
  expect(await balances.allInnerTexts()).toContain('0,00\u00a0$');
  // Account number (1st column) and phone (3rd) on one line each: one line box per cell's text.
  const lineCounts = await rows.evaluateAll((trs) =>
    trs.flatMap((tr) =>
      [0, 2].map((i) => {
        const range = tr.ownerDocument.createRange();
        const cell = tr.children[i];
        if (!cell) return 0;
        range.selectNodeContents(cell);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      }),
    ),
  );
  expect(lineCounts.every((n) => n <= 1)).toBe(true);
});
