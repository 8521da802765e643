// Issue 17: the board on a 1366×768 laptop: the time axis zooms (and remembers it), a card shows its
// job type and client at the default zoom, a drop that has to move the start says so before
// booking, and the assign dialog suggests ranked technicians (1, 2, 3) with their reasons.
import { expect, test } from '../fixtures/auth';
import { DispatchBoardPage } from '../pages/DispatchBoardPage';
import { DispatchErp } from '../pages/DispatchErp';

const LAPTOP = { width: 1366, height: 768 };

test('1366×768: zoom levels (remembered), density, and cards that show the job type and client', async ({ asUser }, testInfo) => {
  const { page } = await asUser('dispatch', { open: '/dispatch', viewport: LAPTOP });
  const board = new DispatchBoardPage(page);
  await board.waitReady();
  const timeline = board.timeline();
  await expect(timeline).toHaveAttribute('data-zoom', 'hours');

  // At the default zoom a one-hour card is wide enough for its client and job type, uncut.
  const card = page.locator('[data-track] [data-job][role="button"]').first();
  await expect(card).toBeVisible();
  const words = await card.evaluate((el) => {
    const label = el.querySelector('.dj-card__label');
    const detail = el.querySelector('.dj-card__detail');
    return {
      client: label?.textContent?.trim() ?? '',
      clientCut: (label?.scrollWidth ?? 0) > (label?.clientWidth ?? 0) + 1,
      detail: detail?.textContent ?? '',
      width: el.getBoundingClientRect().width,
    };
  });
  expect(words.client.length).toBeGreaterThan(2);
  expect(words.detail).toMatch(/^(Installation|Réparation|Déménagement)/);
  // Cards of an hour or more: 120 px an hour at this zoom.
  if (words.width >= 110) expect(words.clientCut).toBe(false);

  await page.getByTestId('zoom-detail').click();
  await expect(timeline).toHaveAttribute('data-zoom', 'detail');
  await page.getByTestId('zoom-day').click();
  await expect(timeline).toHaveAttribute('data-zoom', 'day');
  // Keyboard: + zooms in.
  await page.locator('body').press('+');
  await expect(timeline).toHaveAttribute('data-zoom', 'hours');
  await page.getByTestId('density-compact').click();
  await expect(timeline).toHaveAttribute('data-density', 'compact');
  await testInfo.attach('dispatch-1366x768-compact.png', { body: await page.screenshot(), contentType: 'image/png' });
  // Remembered on this device.
  await page.reload();
  await board.waitReady();
  await expect(timeline).toHaveAttribute('data-zoom', 'hours');
  await expect(timeline).toHaveAttribute('data-density', 'compact');
  await page.getByTestId('density-comfortable').click();
  // The search box shows its whole placeholder.
  // The placeholder's own width, measured on a copy of the input's font.
  const cut = await board.search().evaluate((el) => {
    const input = el.tagName === 'INPUT' ? el : el.querySelector('input');
    const doc = el.ownerDocument;
    if (!input || !doc.defaultView) return true;
    const probe = doc.createElement('span');
    probe.style.font = doc.defaultView.getComputedStyle(input).font;
    probe.style.whiteSpace = 'pre';
    probe.textContent = input.getAttribute('placeholder');
    doc.body.append(probe);
    const needed = probe.getBoundingClientRect().width;
    probe.remove();
    return needed > input.clientWidth;
  });
  expect(cut).toBe(false);
});

test('a drop that has to move the start says so in the preview and asks before booking', async ({ asUser }) => {
  const { page } = await asUser('dispatch', { open: '/dispatch', viewport: LAPTOP });
  const board = new DispatchBoardPage(page);
  await board.waitReady();
  const job = await DispatchErp.queueJob(4, 6, (j) => Number(j.name.slice(3)) % 12 === 10);
  const slot = await DispatchErp.freeSlot(job, 8 * 60);
  await board.searchFor(job.name);
  const axisEnd = Number(await board.timeline().getAttribute('data-axis-end'));
  // Aimed 15 minutes before the end of the day: the job cannot fit, the start moves earlier.
  const hover = await board.hoverSlot(board.queueCard(job.name), slot.technician.name, axisEnd - 15);
  await expect(board.preview().getByTestId('drop-start-moved')).toContainText('Début déplacé');
  await hover.drop();
  const dialog = board.confirmDialog();
  await expect(dialog).toContainText('Début déplacé');
  // Named in the question too (« Planifier à 20 h 00 », or « Planifier quand même » when the new time also breaks a rule).
  await expect(dialog.getByTestId('confirm-ok')).toContainText(/Planifier (à|quand même)/);
  await dialog.getByTestId('confirm-cancel').click();
  await expect(board.queueCard(job.name)).toBeVisible();
  expect((await DispatchErp.job(job.name)).status).toBe('Unscheduled');
});

test('the assign dialog’s first suggestion is a free technician with the skill, one key away', async ({ asUser }) => {
  const { page } = await asUser('dispatch', { open: '/dispatch', viewport: LAPTOP });
  const board = new DispatchBoardPage(page);
  await board.waitReady();
  const job = await DispatchErp.queueJob(4, 6, (j) => j.required_skill !== null && Number(j.name.slice(3)) % 12 === 4);
  await board.searchFor(job.name);
  await board.queueCard(job.name).focus();
  await page.keyboard.press('a');
  const dialog = board.assignDialog();
  await expect(dialog).toBeVisible();
  const first = dialog.getByTestId('assign-suggestion').first();
  await expect(first).toContainText('Libre à');
  await expect(first).toContainText('km');
  const technician = (await first.getAttribute('data-technician')) as string;
  const tech = await DispatchErp.technician(technician);
  expect((tech.skills ?? '').split(',')).toContain(job.required_skill);
  await page.keyboard.press('1');
  // The board's own rules (overlap, shift, skill) find nothing wrong with the suggestion.
  await expect(dialog.getByTestId('assign-conflicts')).toContainText('Aucun conflit');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect((await DispatchErp.job(job.name)).status).toBe('Unscheduled');
});
