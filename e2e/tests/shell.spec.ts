// The shell as each role sees it: where they land, the navigation they get (and only that), what
// happens on a forbidden address, and the language switch.
import { expect, LANDING, test, type Role } from '../fixtures/auth';

const NAV: Record<Role, string[]> = {
  admin: ['dispatch', 'clients', 'tickets', 'diagnostics', 'incidents', 'jobs', 'scan', 'users'],
  dispatch: ['dispatch', 'clients', 'tickets', 'diagnostics', 'incidents'],
  dispatch2: ['dispatch', 'clients', 'tickets', 'diagnostics', 'incidents'],
  support: ['dispatch', 'clients', 'tickets', 'diagnostics', 'incidents'],
  tech: ['diagnostics', 'jobs', 'scan'],
};

test.describe('each role lands on its page and sees only its features', () => {
  for (const role of Object.keys(NAV) as Role[]) {
    test(role, async ({ asUser }) => {
      const { shell, user } = await asUser(role);
      await expect.poll(() => shell.route()).toBe(LANDING[role]);
      expect(await shell.drawerItems()).toEqual(NAV[role]);
      await expect(shell.userName()).toHaveText(user.name);
      await expect(shell.liveIndicator()).toHaveAttribute('data-status', 'connected');
    });
  }

  test('a technician on a phone gets the bottom tab bar', async ({ asUser }) => {
    const { shell } = await asUser('tech', { viewport: { width: 390, height: 844 } });
    await expect.poll(() => shell.route()).toBe('/ops/j');
    expect(await shell.tabItems()).toEqual(NAV.tech);
    await shell.page.getByTestId('tab-item').filter({ hasText: 'Scanner' }).click();
    await expect(shell.page).toHaveURL(/\/ops\/scan$/);
  });
});

test('a forbidden address shows « accès refusé » naming what is missing', async ({ asUser }) => {
  const { page, shell } = await asUser('dispatch', { open: '/settings/users' });
  await expect(shell.accessDenied()).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accès refusé');
  await expect(shell.accessDenied()).toContainText('/settings/users');
  await expect(shell.accessDenied()).toContainText('Gérer les utilisateurs');
  expect(await shell.drawerItems()).not.toContain('users');
  await page.getByRole('link', { name: 'Retour à ma page d’accueil' }).click();
  await expect.poll(() => shell.route()).toBe('/ops/dispatch');
});

test('an unknown address shows « page introuvable » inside the shell', async ({ asUser }) => {
  const { page } = await asUser('support', { open: '/nulle-part' });
  await expect(page.getByTestId('not-found')).toContainText('Page introuvable');
});

test('the language switch translates the shell and is remembered', async ({ asUser }) => {
  const { page, shell } = await asUser('support');
  await expect(page.getByTestId('nav-item').filter({ hasText: 'Répartition' })).toBeVisible();
  await shell.chooseLanguage('English');
  await expect(page.getByTestId('nav-item').filter({ hasText: 'Dispatch' })).toBeVisible();
  await expect(shell.mainHeading()).toHaveText('Customers');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-CA');
  await page.reload();
  await shell.waitReady();
  await expect(shell.mainHeading()).toHaveText('Customers');
  await shell.chooseLanguage('Français');
  await expect(shell.mainHeading()).toHaveText('Clients');
});

test('a browser that asks for English gets English when nothing was chosen', async ({ asUser }) => {
  const { shell } = await asUser('tech', { locale: 'en-US' });
  await expect(shell.mainHeading()).toHaveText('My jobs');
});

test('the live indicator follows the event stream: offline without network, back when it returns', async ({ asUser }) => {
  const { context, shell } = await asUser('dispatch');
  await expect(shell.liveIndicator()).toHaveAttribute('data-status', 'connected');
  await expect(shell.liveIndicator()).toHaveAccessibleName('Mises à jour en direct : En direct');
  await context.setOffline(true);
  await expect(shell.liveIndicator()).toHaveAttribute('data-status', 'offline');
  await expect(shell.liveIndicator()).toHaveAccessibleName('Mises à jour en direct : Hors ligne');
  await context.setOffline(false);
  await expect(shell.liveIndicator()).toHaveAttribute('data-status', 'connected');
});
