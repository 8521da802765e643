// /ops/tickets and /ops/tickets/<name>: the queue and one ticket (issue 16).
import { expect, type Locator, type Page } from '@playwright/test';

export class TicketQueuePage {
  constructor(readonly page: Page) {}
  readonly rows = () => this.page.getByTestId('queue-row');
  readonly row = (ticket: string) => this.page.locator(`[data-testid="queue-row"][data-ticket="${ticket}"]`);
  readonly count = (filter: 'all' | 'mine' | 'unassigned' | 'open' | 'due') => this.page.getByTestId(`count-${filter}`);

  async open(query = ''): Promise<void> {
    await this.page.goto(`/ops/tickets${query}`);
    await expect(this.rows().first().or(this.page.getByTestId('queue-empty'))).toBeVisible();
  }
}

export class TicketPage {
  constructor(readonly page: Page) {}
  // A QSelect's test id lands on its focus target, an input whose value is the shown label.
  readonly status = () => this.page.locator('input[data-testid="ticket-status"]');
  readonly priority = () => this.page.locator('input[data-testid="ticket-priority"]');
  readonly sla = () => this.page.getByTestId('sla').first();
  readonly history = () => this.page.getByTestId('history-entry');
  readonly visits = () => this.page.getByTestId('visit');
  readonly visitStatus = (job: string) => this.page.locator(`[data-testid="visit"][data-job="${job}"]`).getByTestId('visit-status');
  readonly stale = () => this.page.getByTestId('ticket-stale');

  async open(ticket: string): Promise<void> {
    await this.page.goto(`/ops/tickets/${encodeURIComponent(ticket)}`);
    await this.loaded();
  }

  async loaded(): Promise<void> {
    await expect(this.page.getByTestId('ticket-actions')).toBeVisible();
  }

  /** Picks an option of a Quasar select by its visible label. */
  async choose(select: Locator, label: string | RegExp): Promise<void> {
    await select.click();
    await this.page.getByRole('option', { name: label }).click();
  }

  /** Books a visit with the form's defaults (and `day`), answering the new job's name; `click`: open the form first (on a ticket). */
  async bookVisit(day: string, click = true): Promise<string> {
    if (click) await this.page.getByTestId('visit-book').click();
    const dialog = this.page.getByTestId('visit-dialog');
    await expect(dialog).toBeVisible();
    // QInput puts the test id on its native input.
    await dialog.getByTestId('visit-day').fill(day);
    const posted = this.page.waitForResponse((r) => r.url().includes('/ops/api/erp/resource/Dispatch%20Job') && r.request().method() === 'POST');
    await dialog.getByTestId('visit-submit').click();
    const res = await posted;
    expect(res.status()).toBe(200);
    return ((await res.json()) as { data: { name: string } }).data.name;
  }

  async reply(text: string, mode: 'reply' | 'note' = 'reply'): Promise<void> {
    await this.page.getByTestId(`mode-${mode}`).click();
    await this.page.getByTestId('reply-text').fill(text);
    const doctype = mode === 'reply' ? 'Communication' : 'Comment';
    const posted = this.page.waitForResponse((r) => r.url().includes(`/ops/api/erp/resource/${doctype}`) && r.request().method() === 'POST');
    await this.page.getByTestId('reply-submit').click();
    expect((await posted).status()).toBe(200);
  }
}
