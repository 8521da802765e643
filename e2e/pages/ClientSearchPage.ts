// /ops/clients: the search box (combobox) with its results and recent clients, and the list view.
import { expect, type Locator, type Page } from '@playwright/test';

export class ClientSearchPage {
  constructor(readonly page: Page) {}

  readonly input = () => this.page.getByRole('combobox', { name: 'Rechercher un client' });
  readonly results = () => this.page.getByTestId('search-result');
  readonly result = (customer: string) => this.page.locator(`[data-testid="search-result"][data-client="${customer}"]`);
  readonly recent = () => this.page.getByTestId('recent-client');
  readonly status = () => this.page.getByTestId('search-status');
  readonly listRows = () => this.page.getByTestId('client-row');

  /** Replaces the term and waits until the results answer it (or say there are none). */
  async search(term: string): Promise<void> {
    await this.input().fill(term);
    const answered = this.page.getByTestId('search-count').or(this.page.getByTestId('search-empty'));
    await expect(answered).toHaveAttribute('data-term', term);
  }

  /** The kind of match told on a result's reason line (phone, serial, …) and its marked text. */
  async reasonOf(result: Locator): Promise<{ kind: string | null; marked: string[] }> {
    const reason = result.getByTestId('search-reason');
    return { kind: await reason.getAttribute('data-kind'), marked: await reason.locator('mark').allInnerTexts() };
  }
}
