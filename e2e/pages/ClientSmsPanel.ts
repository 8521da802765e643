// The SMS panel of a client's file (/ops/clients/<id>): the thread, the composer, its refusals.
import { expect, type Locator, type Page } from '@playwright/test';

export class ClientSmsPanel {
  constructor(readonly page: Page) {}

  readonly section = () => this.page.getByTestId('section-sms');
  readonly thread = () => this.page.getByTestId('sms-thread');
  readonly input = () => this.section().getByTestId('sms-input');
  readonly counter = () => this.section().getByTestId('sms-counter');
  readonly refusal = () => this.section().getByTestId('sms-refusal');

  /** The texts whose body is exactly `body`. */
  messages(body: string): Locator {
    return this.thread().getByTestId('sms-message').filter({ has: this.page.getByTestId('sms-body').getByText(body, { exact: true }) });
  }

  /** The panel has read the thread's first page. */
  async ready(): Promise<void> {
    await expect(this.section()).toHaveAttribute('aria-busy', 'false');
    await expect(this.thread()).toBeVisible();
  }

  /** Chooses a template by its name in the list. */
  async pickTemplate(name: string): Promise<void> {
    await this.section().getByTestId('sms-template').click();
    await this.page.getByRole('option', { name, exact: true }).click();
  }

  /** Types `body` and presses Ctrl+Entrée (the composer's shortcut). */
  async send(body: string): Promise<void> {
    await this.input().fill(body);
    await this.input().press('Control+Enter');
    await expect(this.input()).toHaveValue('');
  }
}
