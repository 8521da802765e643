// « Mon profil »: who the edge says the user is and what they may do.
import { expect, type Page } from '@playwright/test';

export class ProfilePage {
  constructor(readonly page: Page) {}

  readonly name = () => this.page.getByTestId('profile-name');
  readonly email = () => this.page.getByTestId('profile-email');

  async expectLoaded(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Mon profil' })).toBeVisible();
    await expect(this.name()).toBeVisible();
  }

  /** Group chips as shown (readable role names). */
  async groups(): Promise<string[]> {
    return (await this.page.getByTestId('profile-groups').locator('.q-chip .q-chip__content').allInnerTexts()).map((t) => t.trim());
  }

  /** Capability labels as shown, each with its technical name. */
  async capabilities(): Promise<{ label: string; code: string }[]> {
    const items = this.page.getByTestId('profile-capabilities').locator('.q-item');
    return items.evaluateAll((els) =>
      els.map((el) => ({
        label: el.querySelector('.q-item__label:not(.q-item__label--caption)')?.textContent?.trim() ?? '',
        code: el.querySelector('code')?.textContent?.trim() ?? '',
      })),
    );
  }
}
