// Issue 5: the board without a mouse. « / » searches, Enter goes to the job, « a » opens the
// assign dialog (technician and time typed), Enter confirms; arrows move between cards, Enter
// opens one; ←/→ change day, « t » comes back to today, « ? » lists the shortcuts.
import { expect, test } from '../fixtures/auth';
import { DispatchBoardPage } from '../pages/DispatchBoardPage';
import { addDays } from '../../packages/contracts/src/montrealTime';
import { stackToday } from '../fixtures/stack';
import { DispatchErp, hhmm } from '../pages/DispatchErp';

test('a job is assigned with the keyboard alone', async ({ asUser }) => {
  const { page } = await asUser('dispatch', { open: '/dispatch' });
  const board = new DispatchBoardPage(page);
  await board.waitReady();
  const job = await DispatchErp.queueJob(2, 6);
  const { technician, start } = await DispatchErp.freeSlot(job, 8 * 60);
  try {
    await page.locator('body').press('/');
    await expect(board.search()).toBeFocused();
    await page.keyboard.type(job.name);
    await page.waitForTimeout(200); // the search box's debounce
    await page.keyboard.press('Enter');
    await expect(board.queueCard(job.name)).toBeFocused();

    await page.keyboard.press('a');
    const dialog = board.assignDialog();
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('assign-technician')).toBeFocused();
    await page.keyboard.type(technician.technician_name);
    // The list narrows as one types (the first match is highlighted); Enter takes it.
    await expect(page.getByRole('option').first()).toContainText(technician.technician_name);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(dialog.getByTestId('assign-time')).toBeFocused();
    await page.keyboard.type(hhmm(start));
    await expect(page.getByRole('option')).toHaveText([`${hhmm(start).replace(':', ' h ')}`]);
    await page.keyboard.press('Enter');
    await expect(dialog.getByTestId('assign-conflicts')).toContainText('Aucun conflit');
    // Tab to « Planifier » (after « Annuler ») and confirm.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(dialog.getByTestId('assign-confirm')).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(dialog).toBeHidden();
    await expect(board.boardCard(job.name, technician.name)).toBeFocused();
    const saved = await DispatchErp.job(job.name);
    expect([saved.technician, saved.scheduled_date, saved.start_time, saved.status]).toEqual([technician.name, await stackToday(), `${hhmm(start)}:00`, 'Scheduled']);

    // Arrows move between cards; Enter opens the focused one; Escape closes it.
    await page.keyboard.press('ArrowLeft');
    const left = page.locator('[data-track] [data-job]:focus');
    await expect(left).toHaveCount(1);
    await page.keyboard.press('ArrowRight');
    await expect(board.boardCard(job.name, technician.name)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(board.drawer()).toContainText(job.name);
    await page.keyboard.press('Escape');
    await expect(board.drawer()).toBeHidden();
  } finally {
    await DispatchErp.unassign(job.name);
  }
});

test('day shortcuts and the shortcuts dialog', async ({ asUser }) => {
  const { page } = await asUser('dispatch', { open: '/dispatch' });
  const board = new DispatchBoardPage(page);
  await board.waitReady();
  const today = await stackToday();
  const tomorrow = addDays(today, 1);
  await page.locator('body').press('ArrowRight');
  await expect(page).toHaveURL(new RegExp(`date=${tomorrow}`));
  await board.waitReady();
  await page.keyboard.press('t');
  await expect(page).toHaveURL(new RegExp(`date=${today}`));
  await page.keyboard.press('?');
  const dialog = page.getByTestId('shortcuts-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Planifier l’intervention choisie');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
