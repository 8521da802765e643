// /ops/clients/<id>: the client 360 file (header, sections, timeline and note form).
import { expect, type Page } from '@playwright/test';

export type ClientSection = 'locations' | 'tickets' | 'jobs' | 'invoices' | 'subscriptions' | 'timeline';

export class ClientFilePage {
  constructor(readonly page: Page) {}

  readonly name = () => this.page.getByTestId('client-name');
  readonly account = () => this.page.getByTestId('client-account');
  readonly balance = () => this.page.getByTestId('client-balance-amount');
  readonly section = (name: ClientSection) => this.page.getByTestId(`section-${name}`);
  readonly noteForm = () => this.page.getByTestId('note-form');
  readonly noteInput = () => this.page.getByTestId('note-input');
  readonly notes = () => this.page.getByTestId('timeline-note');
  readonly notFound = () => this.page.getByTestId('client-not-found');
  readonly diagnose = (serial: string) => this.page.locator(`[data-testid="equipment-row"][data-serial="${serial}"]`).getByTestId('diagnose');

  async open(customer: string): Promise<void> {
    await this.page.goto(`/ops/clients/${encodeURIComponent(customer)}`);
    // A cold load boots the whole app first; on two starved cores that once took past 8 s.
    await this.expectLoaded(15_000);
  }

  /** Header and every section have finished their first load. */
  async expectLoaded(nameTimeoutMs?: number): Promise<void> {
    await expect(this.name()).toBeVisible({ timeout: nameTimeoutMs });
    for (const s of ['locations', 'tickets', 'jobs', 'invoices', 'subscriptions', 'timeline'] as const) {
      await expect(this.section(s)).toHaveAttribute('aria-busy', 'false');
    }
  }

  /** Types a note and sends it; resolves once the server has answered. */
  async addNote(text: string): Promise<void> {
    await this.noteInput().fill(text);
    const posted = this.page.waitForResponse((r) => r.url().includes('/ops/api/erp/resource/Comment') && r.request().method() === 'POST');
    await this.page.getByTestId('note-submit').click();
    expect((await posted).status()).toBe(200);
  }
}
