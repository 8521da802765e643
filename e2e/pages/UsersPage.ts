// Settings → Utilisateurs: the staff list, the « Inviter » dialog and the edit dialog.
import { expect, type Locator, type Page } from '@playwright/test';

export interface InviteInput {
  email?: string;
  name?: string;
  /** Readable group names as the picker shows them (« Service à la clientèle »). */
  groups?: string[];
}

export class UsersPage {
  constructor(readonly page: Page) {}

  readonly heading = () => this.page.getByRole('heading', { level: 1, name: 'Utilisateurs' });
  readonly table = () => this.page.getByTestId('users-table');
  readonly search = () => this.page.getByTestId('users-search');
  readonly count = () => this.page.getByTestId('users-count');

  readonly inviteDialog = () => this.page.getByTestId('invite-dialog');
  readonly inviteEmail = () => this.page.getByTestId('invite-email');
  readonly inviteName = () => this.page.getByTestId('invite-name');
  readonly groupPicker = () => this.page.getByTestId('group-picker');
  readonly inviteSubmit = () => this.page.getByTestId('invite-submit');
  readonly inviteFailure = () => this.page.getByTestId('invite-failure');
  readonly result = () => this.page.getByTestId('invite-result');
  readonly password = () => this.page.getByTestId('temporary-password');
  readonly copyPassword = () => this.page.getByTestId('copy-password');
  readonly emailNote = () => this.page.getByTestId('invite-email-note');
  readonly nextSteps = () => this.page.getByTestId('invite-next-steps');
  readonly editDialog = () => this.page.getByTestId('edit-dialog');

  async expectLoaded(): Promise<void> {
    await expect(this.heading()).toBeVisible();
    await expect(this.table()).toBeVisible();
  }

  /** The row (desktop) or card (phone) of the user with this e-mail. */
  row(email: string): Locator {
    return this.table().locator('tr, .users-card').filter({ hasText: email });
  }

  /** Readable group names shown for a user. */
  async groupsOf(email: string): Promise<string[]> {
    return (await this.row(email).locator('.q-chip__content').allInnerTexts()).map((t) => t.trim());
  }

  async openInvite(): Promise<void> {
    await this.page.getByTestId('invite-open').click();
    await expect(this.inviteDialog()).toBeVisible();
  }

  /** Checkbox of a group in the open dialog's picker, by its readable name. */
  groupCheckbox(label: string): Locator {
    return this.groupPicker().getByRole('checkbox', { name: label, exact: true });
  }

  async fillInvite(input: InviteInput): Promise<void> {
    if (input.email !== undefined) await this.inviteEmail().fill(input.email);
    if (input.name !== undefined) await this.inviteName().fill(input.name);
    for (const group of input.groups ?? []) await this.groupCheckbox(group).click();
  }

  /** The French message shown under a field of the invite form. */
  fieldError(field: Locator): Locator {
    return this.page.locator('label.q-field', { has: field }).locator('.q-field__messages');
  }

  /** The password as displayed, without the visual grouping. */
  async displayedPassword(): Promise<string> {
    return (await this.password().innerText()).replace(/\s+/g, '');
  }

  async closeResult(): Promise<void> {
    await this.page.getByTestId('invite-done').click();
    await expect(this.inviteDialog()).toBeHidden();
  }
}
