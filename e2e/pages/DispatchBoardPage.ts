// The dispatch board (/ops/dispatch): toolbar, unassigned queue, technician rows (virtualised),
// cards, drop preview, job drawer and dialogs. Drags are real HTML5 drag and drop (mouse).
import { expect, type Locator, type Page } from '@playwright/test';

export class DispatchBoardPage {
  constructor(readonly page: Page) {}

  readonly board = () => this.page.getByTestId('dispatch-board');
  readonly timeline = () => this.page.locator('.dj-timeline');
  readonly scroller = () => this.page.getByTestId('timeline-scroll');
  readonly queue = () => this.page.getByTestId('queue');
  readonly queueCount = () => this.page.getByTestId('queue-count');
  readonly search = () => this.page.getByTestId('board-search');
  readonly preview = () => this.page.getByTestId('drop-preview');
  readonly drawer = () => this.page.getByTestId('job-drawer');
  readonly assignDialog = () => this.page.getByTestId('assign-dialog');
  readonly readOnlyBanner = () => this.page.getByTestId('read-only-banner');
  readonly confirmDialog = () => this.page.getByRole('dialog').filter({ has: this.page.getByTestId('confirm-ok') });
  readonly toast = (text: string | RegExp) => this.page.locator('.q-notification').filter({ hasText: text });

  /** A job's card in the queue. */
  queueCard(job: string): Locator {
    return this.queue().locator(`[data-job="${job}"][role="button"]`);
  }

  /** A job's card on a technician's row (any row when no technician is given). */
  boardCard(job: string, technician?: string): Locator {
    return this.page.locator(`${technician ? `[data-track="${technician}"]` : '[data-track]'} [data-job="${job}"]`);
  }

  row(technician: string): Locator {
    return this.page.locator(`[data-row="${technician}"]`);
  }

  track(technician: string): Locator {
    return this.page.locator(`[data-track="${technician}"]`);
  }

  /** Opens the board (optionally on a day) and waits for its rows. */
  async open(date?: string): Promise<void> {
    await this.page.goto(`/ops/dispatch${date ? `?date=${date}` : ''}`);
    await this.waitReady();
  }

  /**
   * The board's first render waits for its day (technicians, jobs, their clients and places,
   * absences): a few hundred ms alone, but past 8 s seen on CI's two cores with both workers busy.
   */
  async waitReady(): Promise<void> {
    await expect(this.timeline()).toBeVisible({ timeout: 20_000 });
    await expect(this.page.locator('[data-row]').first()).toBeVisible();
  }

  /** Narrows the board and the queue to `text` (the search box waits 150 ms before applying). */
  async searchFor(text: string): Promise<void> {
    await this.search().fill(text);
    await expect(this.search()).toHaveValue(text);
    await this.page.waitForTimeout(200);
  }

  /** Scrolls the timeline until the technician's row is rendered and in view (rows are virtualised). */
  async showRow(technician: string): Promise<Locator> {
    const row = this.row(technician);
    if ((await row.count()) === 0 || !(await row.isVisible())) {
      await this.scroller().evaluate((el) => (el.scrollTop = 0));
      await expect(this.page.locator('[data-row]').first()).toBeVisible();
      for (let i = 0; i < 80 && (await row.count()) === 0; i++) {
        await this.scroller().evaluate((el) => (el.scrollTop += el.clientHeight * 0.6));
        // The board renders rows for the new position on the next animation frame.
        // (a string: this project's Node types know no DOM)
        await this.page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
      }
    }
    await row.scrollIntoViewIfNeeded();
    await expect(row).toBeVisible();
    return row;
  }

  /**
   * Where `minutes` (since midnight) falls on the technician's track, in px from its left edge; the
   * timeline is first scrolled sideways so that the point is on screen (at the default zoom the
   * day is wider than the window, and a drop outside the viewport never lands).
   */
  async slotPosition(technician: string, minutes: number): Promise<{ x: number; y: number }> {
    const axisStart = Number(await this.timeline().getAttribute('data-axis-start'));
    const axisEnd = Number(await this.timeline().getAttribute('data-axis-end'));
    let box = await this.track(technician).boundingBox();
    const view = await this.scroller().boundingBox();
    if (!box || !view) throw new Error(`no track for ${technician}`);
    const screenX = box.x + ((minutes + 4 - axisStart) / (axisEnd - axisStart)) * box.width;
    if (screenX < view.x + 200 || screenX > view.x + view.width - 60) {
      await this.scroller().evaluate((el, dx) => (el.scrollLeft += dx), screenX - (view.x + view.width / 2));
      await this.page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
      box = await this.track(technician).boundingBox();
      if (!box) throw new Error(`no track for ${technician} after scrolling`);
    }
    // A few minutes into the slot: the board snaps to the nearest quarter hour.
    return { x: ((minutes + 4 - axisStart) / (axisEnd - axisStart)) * box.width, y: Math.min(20, box.height / 2) };
  }

  /** Drags a card (grabbed at its left edge, so the job starts where it is dropped) onto a technician at a time. */
  async dragToSlot(card: Locator, technician: string, minutes: number): Promise<void> {
    await this.showRow(technician);
    await card.scrollIntoViewIfNeeded();
    const targetPosition = await this.slotPosition(technician, minutes);
    await card.dragTo(this.track(technician), { sourcePosition: { x: 3, y: 8 }, targetPosition });
  }

  /** Starts a drag and stops over the slot without dropping (to read the preview); `drop()` finishes it. */
  async hoverSlot(card: Locator, technician: string, minutes: number): Promise<{ drop: () => Promise<void> }> {
    await this.showRow(technician);
    await card.scrollIntoViewIfNeeded();
    const { x, y } = await this.slotPosition(technician, minutes); // may scroll the timeline sideways
    const from = await card.boundingBox();
    const track = await this.track(technician).boundingBox();
    if (!from || !track) throw new Error('card or track not visible');
    await this.page.mouse.move(from.x + 3, from.y + 8);
    await this.page.mouse.down();
    await this.page.mouse.move(track.x + x, track.y + y, { steps: 8 });
    await this.page.mouse.move(track.x + x + 1, track.y + y, { steps: 2 });
    return { drop: () => this.page.mouse.up() };
  }

  async dragToQueue(card: Locator): Promise<void> {
    await card.scrollIntoViewIfNeeded();
    await card.dragTo(this.queue(), { sourcePosition: { x: 3, y: 8 } });
  }
}
