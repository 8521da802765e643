// Settings → Utilisateurs (issue 9): an admin invites staff through the hub, the new person signs in
// with the temporary password; dispatchers cannot reach any of it; bad input and partial failures
// are said plainly. Every e-mail is unique per run: the standin's database is shared by the workers.
import { DEMO } from '../../apps/standin/src/edge/demo-users';
import { FIXTURE_INVITES } from '../../apps/standin/src/seed/fixtures';
import { E2E_BASE_URL, E2E_HUB_TOKEN, E2E_HUB_URL } from '../stack-env';
import { expect, LANDING, test } from '../fixtures/auth';
import { SignInPage } from '../pages/SignInPage';
import { UsersPage } from '../pages/UsersPage';

const unique = (prefix: string, domain = 'gigafibre.ca') => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@${domain}`;

/** What the hub itself holds for an e-mail (read directly, bypassing the BFF). */
async function hubUser(email: string) {
  const res = await fetch(`${E2E_HUB_URL}/auth/users?search=${encodeURIComponent(email)}`, { headers: { Authorization: `Bearer ${E2E_HUB_TOKEN}` } });
  const users = (await res.json()) as { email: string; groups: string[]; is_active: boolean; pk: number }[];
  return users.find((u) => u.email === email);
}

test('an admin invites a user, copies the password, and the new user signs in with it and lands on their page', async ({ asUser }) => {
  // Fresh: this test signs the admin out.
  const { page, shell, context } = await asUser('admin', { fresh: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: E2E_BASE_URL });
  const users = new UsersPage(page);
  await users.expectLoaded();
  const email = unique('recrue');

  await users.openInvite();
  await users.fillInvite({ email: `  ${email.toUpperCase()} `, name: 'Émilie Lévesque', groups: ['Service à la clientèle'] });
  // Each group says what it allows, in plain French.
  await expect(users.groupPicker()).toContainText('Consulter la répartition, consulter les dossiers clients, modifier les dossiers clients');
  await users.inviteSubmit().click();

  await expect(users.result()).toHaveAttribute('data-outcome', 'complete');
  await expect(users.inviteDialog().getByRole('heading', { name: 'Invitation envoyée' })).toBeVisible();
  // French elision before a vowel: « d’Émilie », never « de Émilie ».
  await expect(users.result().getByRole('status').first()).toContainText('Le compte d’Émilie Lévesque est prêt.');
  await expect(users.emailNote()).toContainText(`envoyé par courriel à ${email}`);
  const shown = await users.displayedPassword();
  expect(shown).toMatch(/^[A-HJ-NP-Za-hj-np-z2-9]{12}$/);

  await users.copyPassword().click();
  await expect(users.inviteDialog().getByRole('status').filter({ hasText: 'Mot de passe copié.' })).toBeVisible();
  const copied = await page.evaluate<string>('navigator.clipboard.readText()');
  expect(copied).toBe(shown);

  // Shown once: closing the dialog drops it from the page.
  await users.closeResult();
  await expect(page.getByText(shown)).toHaveCount(0);
  expect(await page.content()).not.toContain(shown);
  await users.search().fill(email);
  expect(await users.groupsOf(email)).toEqual(['Service à la clientèle']);
  expect(await hubUser(email)).toMatchObject({ groups: ['ops-support'], is_active: true });

  await shell.signOut();
  const signIn = new SignInPage(page);
  await expect(signIn.heading()).toBeVisible();
  await signIn.signIn(email, copied);
  await shell.waitReady();
  await expect(page).toHaveURL(new RegExp(`${LANDING.support}$`));
  await expect(shell.userName()).toHaveText('Émilie Lévesque');
  expect(await shell.drawerItems()).not.toContain('users');
});

test('a dispatcher has no Settings in the navigation and gets 403 from the API', async ({ asUser }) => {
  const { page, shell } = await asUser('dispatch');
  expect(await shell.drawerItems()).not.toContain('users');

  await shell.open('/settings/users');
  await expect(shell.accessDenied()).toBeVisible();

  const list = await page.request.get('/ops/api/hub/auth/users');
  expect(list.status()).toBe(403);
  expect(await list.json()).toMatchObject({ error: 'forbidden', missing: ['users.manage'] });

  const email = unique('intrus');
  const csrf = { 'X-Requested-With': 'gigafibre-ops' };
  const invite = await page.request.post('/ops/api/hub/auth/users', { headers: csrf, data: { email, name: 'Intrus', groups: ['ops-admin'] } });
  expect(invite.status()).toBe(403);
  const self = await hubUser(DEMO.dispatch.email);
  const patch = await page.request.patch(`/ops/api/hub/auth/users/${self?.pk}`, { headers: csrf, data: { groups: ['ops-admin'] } });
  expect(patch.status()).toBe(403);
  // Nothing reached the hub.
  expect(await hubUser(email)).toBeUndefined();
  expect((await hubUser(DEMO.dispatch.email))?.groups).toEqual(['ops-dispatch']);
});

test('an e-mail already in use is refused with a clear message on the e-mail field', async ({ asUser }) => {
  const { page } = await asUser('admin');
  const users = new UsersPage(page);
  await users.expectLoaded();
  await users.openInvite();
  await users.fillInvite({ email: DEMO.dispatch.email.toUpperCase(), name: 'Doublon', groups: ['Répartition'] });
  await users.inviteSubmit().click();

  await expect(users.fieldError(users.inviteEmail())).toHaveText(/Un compte existe déjà avec cette adresse/);
  await expect(users.inviteEmail()).toBeFocused();
  await expect(users.result()).toHaveCount(0);
  // Another address clears the message.
  await users.inviteEmail().fill(unique('autre'));
  await expect(users.fieldError(users.inviteEmail())).toHaveText('');
});

test('invalid input gets French messages in the form and nothing is sent', async ({ asUser }) => {
  const { page } = await asUser('admin');
  const users = new UsersPage(page);
  await users.expectLoaded();
  const posts: string[] = [];
  page.on('request', (req) => {
    if (req.method() === 'POST' && req.url().includes('/auth/users')) posts.push(req.url());
  });

  await users.openInvite();
  await users.inviteSubmit().click();
  await expect(users.fieldError(users.inviteEmail())).toHaveText('Entrez l’adresse courriel.');
  await expect(users.fieldError(users.inviteName())).toHaveText('Entrez le nom complet.');
  await expect(users.groupPicker().getByRole('alert')).toHaveText('Choisissez au moins un groupe.');
  await expect(users.inviteEmail()).toBeFocused();

  await users.fillInvite({ email: 'marie@gigafibre', name: '   ', groups: ['Techniciens'] });
  await users.inviteSubmit().click();
  await expect(users.fieldError(users.inviteEmail())).toContainText('Adresse courriel invalide');
  await expect(users.fieldError(users.inviteName())).toHaveText('Entrez le nom complet.');
  await expect(users.groupPicker().getByRole('alert')).toHaveCount(0);

  // Corrected as one types (after the first attempt).
  await users.inviteEmail().fill('marie.tremblay@gigafibre.ca');
  await expect(users.fieldError(users.inviteEmail())).toHaveText('');
  expect(posts).toEqual([]);
});

test('a partial failure (e-mail not delivered) is shown as incomplete, with what to do next', async ({ asUser }) => {
  const { page } = await asUser('admin');
  const users = new UsersPage(page);
  await users.expectLoaded();
  const email = unique('perdu', FIXTURE_INVITES.undeliverableDomain);
  await users.openInvite();
  await users.fillInvite({ email, name: 'Courriel Perdu', groups: ['Techniciens'] });
  await users.inviteSubmit().click();

  await expect(users.result()).toHaveAttribute('data-outcome', 'partial');
  await expect(users.inviteDialog().getByRole('heading', { name: 'Invitation incomplète' })).toBeVisible();
  await expect(users.inviteDialog().getByRole('heading', { name: 'Invitation envoyée' })).toHaveCount(0);
  await expect(users.result().locator('[data-step="email"]')).toContainText('non envoyé');
  await expect(users.result().locator('[data-step="authentik"]')).toContainText('créé');
  await expect(users.nextSteps()).toContainText('Remettez vous-même le mot de passe temporaire à Courriel Perdu');
  await expect(users.emailNote()).toHaveText(/n’a pas été envoyé par courriel/);
  expect(await users.displayedPassword()).toHaveLength(12);
  // The dialog does not vanish on Escape while the password is shown.
  await page.keyboard.press('Escape');
  await expect(users.result()).toBeVisible();
});

test('an admin changes a user’s groups, then deactivates and reactivates them after confirming', async ({ asUser }) => {
  const email = unique('mutation');
  const created = await fetch(`${E2E_HUB_URL}/auth/users`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${E2E_HUB_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, name: 'Mutation Test', groups: ['ops-tech'] }),
  });
  expect(created.status).toBe(201);

  const { page } = await asUser('admin');
  const users = new UsersPage(page);
  await users.expectLoaded();
  await users.search().fill(email);
  await expect(users.row(email)).toHaveCount(1);

  // On a 1366 px laptop the Actions column stays whole in the table's visible box (it was cut off).
  await page.setViewportSize({ width: 1366, height: 768 });
  const edit = users.row(email).getByRole('button', { name: 'Modifier Mutation Test' });
  const visible = await users.table().locator('.q-table__middle').evaluate((el) => el.getBoundingClientRect().left + el.clientLeft + el.clientWidth);
  const button = await edit.boundingBox();
  expect((button?.x ?? Infinity) + (button?.width ?? 0)).toBeLessThanOrEqual(visible + 0.5);

  await edit.click();
  await expect(users.editDialog()).toBeVisible();
  await users.editDialog().getByRole('checkbox', { name: 'Techniciens', exact: true }).click();
  await users.editDialog().getByRole('checkbox', { name: 'Répartition', exact: true }).click();
  await users.editDialog().getByTestId('edit-submit').click();
  await expect(users.editDialog()).toBeHidden();
  await expect.poll(() => users.groupsOf(email)).toEqual(['Répartition']);
  expect((await hubUser(email))?.groups).toEqual(['ops-dispatch']);

  await users.row(email).getByRole('button', { name: 'Désactiver Mutation Test' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: 'Désactiver Mutation Test ?' });
  await expect(confirm).toContainText('ne pourra plus se connecter');
  await confirm.getByRole('button', { name: 'Désactiver' }).click();
  await expect(users.row(email)).toContainText('Désactivé');
  expect((await hubUser(email))?.is_active).toBe(false);

  // Cancelling changes nothing.
  await users.row(email).getByRole('button', { name: 'Réactiver Mutation Test' }).click();
  await page.getByRole('dialog').filter({ hasText: 'Réactiver Mutation Test ?' }).getByRole('button', { name: 'Annuler' }).click();
  expect((await hubUser(email))?.is_active).toBe(false);

  await users.row(email).getByRole('button', { name: 'Réactiver Mutation Test' }).click();
  await page.getByRole('dialog').filter({ hasText: 'Réactiver Mutation Test ?' }).getByRole('button', { name: 'Réactiver' }).click();
  await expect(users.row(email)).toContainText('Actif');
  expect((await hubUser(email))?.is_active).toBe(true);
});
