// Settings → Utilisateurs for everyone: axe on the list, the invite form with its errors and the
// result, on a phone and a desktop, light and dark; and the whole invitation with the keyboard alone.
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { E2E_BASE_URL } from '../stack-env';
import { expect, test } from '../fixtures/auth';
import { transitionsEnded } from '../fixtures/axe';
import { UsersPage } from '../pages/UsersPage';

const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@gigafibre.ca`;

/** axe on the page, or only inside `scope` (the open dialog: the page behind it was checked already). */
async function expectNoSeriousViolation(page: Page, testInfo: TestInfo, name: string, scope?: string): Promise<void> {
  await transitionsEnded(page);
  await testInfo.attach(`${name}.png`, { body: await page.screenshot(), contentType: 'image/png' });
  const builder = new AxeBuilder({ page });
  const results = await (scope ? builder.include(scope) : builder).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, name).toEqual([]);
}

const SIZES = [
  { name: 'telephone', viewport: { width: 390, height: 844 } },
  { name: 'bureau', viewport: { width: 1440, height: 900 } },
];

// Both themes in one page per size (the admin switches between them, as they would): a page load
// per variant cost the suite time it is short of.
for (const size of SIZES) {
  test(`users ${size.name}, light then dark: list, form errors and result pass axe`, async ({ asUser }, testInfo) => {
    const { page, shell } = await asUser('admin', { viewport: size.viewport, colorScheme: 'light' });
    const users = new UsersPage(page);
    await users.expectLoaded();
    for (const theme of ['clair', 'sombre'] as const) {
      if (theme === 'sombre') await shell.themeToggle().click();
      await expect(page.locator('body')).toHaveClass(theme === 'sombre' ? /body--dark/ : /body--light/);
      const name = `users-${size.name}-${theme}`;
      await expectNoSeriousViolation(page, testInfo, `${name}-liste`);

      await users.openInvite();
      await users.inviteSubmit().click();
      await expect(users.groupPicker().getByRole('alert')).toBeVisible();
      await expectNoSeriousViolation(page, testInfo, `${name}-erreurs`, '.q-dialog');

      await users.fillInvite({ email: unique('axe'), name: 'Axe Contraste', groups: ['Techniciens'] });
      await users.inviteSubmit().click();
      await expect(users.password()).toBeVisible();
      await expectNoSeriousViolation(page, testInfo, `${name}-resultat`, '.q-dialog');
      await page.getByTestId('invite-done').click();
      await expect(users.inviteDialog()).toBeHidden();
    }
  });
}

test('the whole invitation works with the keyboard alone', async ({ asUser }) => {
  const { page, context } = await asUser('admin');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: E2E_BASE_URL });
  const users = new UsersPage(page);
  await users.expectLoaded();
  const email = unique('clavier');

  await page.getByTestId('invite-open').focus();
  await page.keyboard.press('Enter');
  await expect(users.inviteEmail()).toBeFocused();
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await expect(users.inviteName()).toBeFocused();
  await page.keyboard.type('Clavier Seulement');
  await page.keyboard.press('Tab');
  await expect(users.groupCheckbox('Administration')).toBeFocused();
  await page.keyboard.press('Tab'); // Répartition
  await page.keyboard.press('Space');
  await expect(users.groupCheckbox('Répartition')).toHaveAttribute('aria-checked', 'true');
  // Enter in a text field sends the form.
  await users.inviteName().focus();
  await page.keyboard.press('Enter');

  await expect(users.password()).toBeVisible();
  await users.copyPassword().focus();
  await page.keyboard.press('Enter');
  expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(await users.displayedPassword());
  await page.getByTestId('invite-done').focus();
  await page.keyboard.press('Enter');
  await expect(users.inviteDialog()).toBeHidden();
  // Focus goes back where the dialog was opened from.
  await expect(page.getByTestId('invite-open')).toBeFocused();
});
