// The « Diagnostic » screen: serial form, verdict, sections, actions and failure states.
import { expect, type Locator, type Page } from '@playwright/test';

export class DiagnosticsPage {
  constructor(readonly page: Page) {}

  /** Quasar puts the test id on the native input itself. */
  readonly serialInput = () => this.page.getByTestId('diagnostics-serial-input');
  readonly submit = () => this.page.getByTestId('diagnostics-serial-submit');
  readonly panel = () => this.page.getByTestId('diagnostics-panel');
  readonly verdict = () => this.page.getByTestId('diagnostics-verdict');
  readonly headline = () => this.page.getByTestId('diagnostics-headline');
  readonly otherFindings = () => this.page.getByTestId('diagnostics-other-findings').locator('li');
  readonly gauge = () => this.page.getByTestId('optical-gauge');
  readonly gaugeImage = () => this.page.getByTestId('optical-gauge-svg');
  readonly rx = () => this.page.getByTestId('optical-rx');
  readonly online = () => this.page.getByTestId('diagnostics-online');
  readonly stale = () => this.page.getByTestId('diagnostics-stale');
  readonly resolvedFromMesh = () => this.page.getByTestId('diagnostics-resolved');
  readonly meshNodes = () => this.page.getByTestId('diagnostics-mesh-node');
  readonly ssids = () => this.page.getByTestId('diagnostics-ssid');
  readonly clientNames = () => this.page.getByTestId('diagnostics-client-name');
  readonly refreshButton = () => this.page.getByTestId('diagnostics-refresh');
  readonly rebootButton = () => this.page.getByTestId('diagnostics-reboot');
  readonly copyButton = () => this.page.getByTestId('diagnostics-copy');
  readonly readOnlyNote = () => this.page.getByTestId('diagnostics-read-only');
  readonly outcome = () => this.page.getByTestId('diagnostics-outcome');
  readonly outcomeText = () => this.page.getByTestId('diagnostics-outcome-text');
  readonly failure = () => this.page.getByTestId('diagnostics-failure');
  readonly failureTitle = () => this.page.getByTestId('diagnostics-failure-title');
  readonly failureMessage = () => this.page.getByTestId('diagnostics-failure-message');
  readonly retry = () => this.page.getByTestId('diagnostics-retry');
  readonly slowHint = () => this.page.getByTestId('diagnostics-slow');
  readonly confirmDialog = () => this.page.getByRole('dialog');

  /** Opens `/ops/diagnostics?serial=…[&customer=…]` in the signed-in page. */
  async open(serial: string, customer?: string): Promise<void> {
    const query = new URLSearchParams({ serial, ...(customer ? { customer } : {}) });
    await this.page.goto(`/ops/diagnostics?${query.toString()}`);
  }

  /** From the client's file (`/ops/clients/<id>`): the « Diagnostiquer » button of one equipment. */
  async openFromClient(customer: string, serial: string): Promise<void> {
    await this.page.goto(`/ops/clients/${customer}`);
    const button = this.page.locator(`[data-testid="equipment-row"][data-serial="${serial}"]`).getByTestId('diagnose');
    await button.click();
    await expect(this.page).toHaveURL(new RegExp(`/ops/diagnostics\\?.*serial=${serial}`));
  }

  /**
   * Waits for a rendered panel (the verdict is its first part). Past the page's own 8 s lookup
   * deadline the page shows a failure instead, so waiting a little longer than that is enough.
   */
  async expectPanel(): Promise<void> {
    await expect(this.panel()).toBeVisible({ timeout: 12_000 });
    await expect(this.headline()).not.toBeEmpty();
  }

  /**
   * The page's own measures (Performance API), in ms, for the last lookup: start → painted panel,
   * and its parts (network: start → answer; render: answer → painted).
   */
  async lookupTimings(): Promise<{ total: number; network: number; render: number }> {
    await expect(this.panel()).toHaveAttribute('data-render-ms', /\d+/);
    return this.page.evaluate(() => {
      const last = (name: string) => performance.getEntriesByName(name).at(-1)?.duration ?? Number.NaN;
      return { total: last('diagnostics:lookup-to-render'), network: last('diagnostics:lookup-network'), render: last('diagnostics:answer-to-render') };
    });
  }

  /** Clicks Redémarrer: the confirmation dialog, open. */
  async openRebootDialog(): Promise<Locator> {
    await this.rebootButton().click();
    const dialog = this.confirmDialog();
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Answers the open confirmation. */
  async answerDialog(dialog: Locator, confirm: boolean): Promise<void> {
    await dialog.getByRole('button', { name: confirm ? 'Redémarrer' : 'Annuler', exact: true }).click();
    await expect(dialog).toBeHidden();
  }
}
