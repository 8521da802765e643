// Session expiry as the edge's outpost really does it (302 to sign-in on an API call): the SPA
// offers to sign in again without losing the page, and recovers once signed in.
import { FaultClient } from '../../apps/standin/src/faults/client';
import { E2E_BASE_URL } from '../stack-env';
import { expect, sessionCookie, test } from '../fixtures/auth';
import { SignInPage } from '../pages/SignInPage';

const edgeFaults = new FaultClient(E2E_BASE_URL);

test.afterEach(() => edgeFaults.clear());

test('an expired session shows the dialog; signing in again in a new tab restores the page', async ({ asUser }) => {
  // Fresh: signing in again in the popup replaces this session, which others must not be reusing.
  const { page, shell, context, user } = await asUser('support', { fresh: true, open: '/clients' });
  await expect(shell.mainHeading()).toHaveText('Clients');

  await edgeFaults.inject({ path: '/ops/api/me', signIn: true, cookie: await sessionCookie(context) });
  await page.getByTestId('nav-profile').click(); // the profile re-reads /ops/api/me
  const dialog = shell.sessionExpiredDialog();
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Votre session a expiré');
  await expect(shell.liveIndicator()).toHaveAttribute('data-status', 'offline');
  await expect(dialog.getByRole('link', { name: 'Se reconnecter ici' })).toHaveAttribute(
    'href',
    /^\/outpost\.goauthentik\.io\/start\?rd=http%3A%2F%2Flocalhost%3A\d+%2Fops%2Fprofile$/,
  );
  // Nothing was reloaded behind the user's back.
  await expect(page).toHaveURL(/\/ops\/profile$/);

  const [popup] = await Promise.all([context.waitForEvent('page'), dialog.getByRole('button', { name: 'Se reconnecter dans un nouvel onglet' }).click()]);
  await popup.waitForURL(/\/if\/flow\//);
  await new SignInPage(popup).signIn(user.email, user.password);
  await popup.close();

  await page.bringToFront();
  await page.evaluate('window.dispatchEvent(new Event("focus"))'); // coming back to the tab
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Session rétablie : vous pouvez reprendre.')).toBeVisible();
  await expect(shell.liveIndicator()).toHaveAttribute('data-status', 'connected');
});

test('« plus tard » closes the dialog and leaves the page as it was', async ({ asUser }) => {
  const { page, shell, context } = await asUser('tech', { fresh: true, open: '/scan' });
  await edgeFaults.inject({ path: '/ops/api/me', signIn: true, cookie: await sessionCookie(context) });
  await page.getByTestId('nav-profile').click();
  await expect(shell.sessionExpiredDialog()).toBeVisible();
  await shell.sessionExpiredDialog().getByRole('button', { name: 'Plus tard' }).click();
  await expect(shell.sessionExpiredDialog()).toBeHidden();
  await expect(shell.mainHeading()).toHaveText('Mon profil');
});
