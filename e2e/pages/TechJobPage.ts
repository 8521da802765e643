// The technician's job screens: « Mes tâches » (/ops/j) and one job (/ops/j/<job>).
import { expect, type Locator, type Page } from '@playwright/test';

export class TechJobsPage {
  constructor(readonly page: Page) {}

  readonly cards = () => this.page.getByTestId('tech-job');

  async open(): Promise<void> {
    await this.page.goto('/ops/j');
    await expect(this.page.locator('main h1')).toHaveText('Mes tâches');
  }

  card(job: string): Locator {
    return this.page.locator(`[data-testid="tech-job"][data-job="${job}"]`);
  }
}

export class TechJobPage {
  constructor(readonly page: Page) {}

  readonly status = () => this.page.getByTestId('job-status').first();
  readonly nextStatus = () => this.page.getByTestId('job-next-status');
  readonly customer = () => this.page.getByTestId('job-customer');
  readonly call = () => this.page.getByTestId('job-call');
  readonly address = () => this.page.getByTestId('job-address');
  readonly directions = () => this.page.getByTestId('job-directions');
  readonly notes = () => this.page.getByTestId('job-notes');
  readonly equipment = () => this.page.getByTestId('job-equipment-item');
  readonly scan = () => this.page.getByTestId('job-scan');

  async open(job: string): Promise<void> {
    await this.page.goto(`/ops/j/${job}`);
    await expect(this.page.locator('main h1')).toHaveText(`Intervention ${job}`);
    await expect(this.customer()).toBeVisible();
  }

  readonly steps = () => this.page.getByTestId('job-steps').locator('li');
  readonly closeoutDialog = () => this.page.getByTestId('closeout-dialog');

  /** Taps the next-status button; « terminer » opens the close-out form: every checklist item ticked, then sent. */
  async advance(): Promise<void> {
    const next = await this.nextStatus().getAttribute('data-next');
    await this.nextStatus().click();
    if (next !== 'Completed') return;
    await this.tickChecklist();
    await this.closeoutDialog().getByTestId('closeout-submit').click();
    await expect(this.closeoutDialog()).toHaveCount(0);
  }

  /** Ticks every item of the open close-out form's checklist. */
  async tickChecklist(): Promise<void> {
    const checks = this.closeoutDialog().locator('[data-testid^="closeout-check-"]');
    await expect(checks.first()).toBeVisible();
    for (const check of await checks.all()) await check.click();
  }
}
