// Issue 17: the board on a 1366×768 laptop: the time axis zooms (and remembers it), a card shows its
// job type and client at the default zoom, tooltips stay in the window, an absence is drawn and a
// drop into it warns, three jobs move in one bulk action and come back with one undo, a drop that
// has to move the start says so before booking, and the assign dialog suggests ranked technicians
// (1, 2, 3) with their reasons.
import { FIXTURE_ABSENCES } from '../../apps/standin/src/seed/fixtures';
import { addDays } from '../../packages/contracts/src/montrealTime';
import { expect, test } from '../fixtures/auth';
import { stackToday } from '../fixtures/stack';
import { DispatchBoardPage } from '../pages/DispatchBoardPage';
import { DispatchErp } from '../pages/DispatchErp';

const LAPTOP = { width: 1366, height: 768 };

test('1366×768: zoom levels (remembered), density, and cards that show the job type and client', async ({ asUser }, testInfo) => {
  // A dispatcher's whole morning in one sign-in (zoom, tooltips, an absence, a bulk move and its undo).
  test.setTimeout(150_000);
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

  // A card's tooltip (hovered) stays inside the window.
  const someCard = page.locator('[data-track] [data-job][role="button"]').nth(2);
  await someCard.scrollIntoViewIfNeeded();
  await someCard.hover({ position: { x: 4, y: 4 } });
  const tip = page.getByTestId('card-tooltip');
  await expect(tip).toBeVisible();
  // Measured once the tooltip has finished growing in (Quasar's transition); Quasar's fit may leave
  // a sub-pixel edge on the window's border (1 px), never a cut tooltip.
  await expect
    .poll(async () => {
      const box = await tip.boundingBox();
      return box !== null && box.x >= 0 && box.y >= 0 && box.x + box.width <= LAPTOP.width + 1 && box.y + box.height <= LAPTOP.height + 1;
    })
    .toBe(true);

  // Absences: TECH-002's training today is drawn on their track; a drop into it warns like a shift conflict.
  const absence = FIXTURE_ABSENCES.secondTraining;
  const [taken1, taken2, taken3] = await Promise.all([
    DispatchErp.queueJob(4, 6),
    DispatchErp.queueJob(4, 6, (j) => Number(j.name.slice(3)) % 12 === 10),
    DispatchErp.queueJob(4, 6, (j) => j.required_skill !== null && Number(j.name.slice(3)) % 12 === 4),
  ]);
  const jobs = await DispatchErp.moreQueueJobs(4, 6, 3, [taken1.name, taken2.name, taken3.name], (j) => j.duration_minutes <= 150 && j.required_skill !== 'Business');
  await board.showRow(absence.technician);
  await expect(board.track(absence.technician).getByTestId('absence-block')).toContainText('Formation');
  await board.searchFor(jobs[0]!.name);
  const hover = await board.hoverSlot(board.queueCard(jobs[0]!.name), absence.technician, 16 * 60);
  await expect(board.preview()).toContainText('Technicien absent : Formation');
  await hover.drop();
  const warn = board.confirmDialog();
  await expect(warn).toContainText('Technicien absent : Formation, 15 h 30 – 17 h 30');
  await warn.getByTestId('confirm-cancel').click();
  await expect(board.queueCard(jobs[0]!.name)).toBeVisible();
  // « Ajouter une absence » from the row checks the times in French before sending anything.
  await board.row(absence.technician).locator(`[data-add-absence="${absence.technician}"]`).click();
  const absenceDialog = page.getByTestId('absence-dialog');
  await expect(absenceDialog).toBeVisible();
  await absenceDialog.getByTestId('absence-to-time').fill('09:00');
  await absenceDialog.getByTestId('absence-save').click();
  await expect(absenceDialog).toContainText('Choisissez un motif.');
  await expect(absenceDialog).toContainText('La fin doit suivre le début.');
  await page.keyboard.press('Escape');
  await expect(absenceDialog).toBeHidden();

  // Bulk: on a day two weeks out (nobody else plans it), three queue jobs selected (ctrl-click
  // twice, Space once) go to one technician in one action, then one undo puts them all back.
  const day = addDays(await stackToday(), 13);
  const [tech] = (await DispatchErp.technicians()).filter((t) => jobs.every((j) => !j.required_skill || (t.skills ?? '').split(',').includes(j.required_skill)));
  await page.goto(`/ops/dispatch?date=${day}`);
  await board.waitReady();
  try {
    for (const [i, job] of jobs.entries()) {
      await board.searchFor(job.name);
      if (i < 2) await board.queueCard(job.name).click({ modifiers: ['ControlOrMeta'] });
      else {
        await board.queueCard(job.name).focus();
        await page.keyboard.press('Space');
      }
      await expect(board.queueCard(job.name)).toHaveAttribute('data-selected', 'true');
    }
    await expect(page.getByTestId('bulk-count')).toHaveText('3 interventions sélectionnées');
    await page.getByTestId('bulk-technician').fill(tech!.technician_name);
    await page.getByRole('option', { name: tech!.technician_name }).click();
    const ask = board.confirmDialog();
    await expect(ask).toContainText('Déplacer 3 interventions');
    for (const job of jobs) await expect(ask).toContainText(job.name);
    await ask.getByTestId('confirm-ok').click();
    const done = board.toast('3 interventions déplacées');
    await expect(done).toBeVisible();
    for (const job of jobs) {
      await expect.poll(async () => { const saved = await DispatchErp.job(job.name); return [saved.technician, saved.scheduled_date, saved.status]; }).toEqual([tech!.name, day, 'Scheduled']);
    }
    await expect(page.getByTestId('bulk-bar')).toHaveCount(0);
    await testInfo.attach('dispatch-1366x768-bulk-moved.png', { body: await page.screenshot(), contentType: 'image/png' });
    await done.getByRole('button', { name: 'Annuler' }).click();
    await expect(board.toast('Déplacement groupé annulé (3 interventions)')).toBeVisible();
    for (const job of jobs) {
      await expect.poll(async () => { const saved = await DispatchErp.job(job.name); return [saved.technician, saved.scheduled_date, saved.start_time, saved.status]; }).toEqual([null, null, null, 'Unscheduled']);
    }
  } finally {
    for (const job of jobs) await DispatchErp.unassign(job.name);
  }
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
  // Typed as soon as the suggestions show, while the dialog is still opening: a quick dispatcher's « a » then « 1 ».
  await page.keyboard.press('1');
  await expect(first).toContainText('km');
  const technician = (await first.getAttribute('data-technician')) as string;
  const tech = await DispatchErp.technician(technician);
  expect((tech.skills ?? '').split(',')).toContain(job.required_skill);
  await expect(dialog.getByTestId('assign-technician')).toHaveValue(tech.technician_name);
  // Taken, and Enter would book it: the opening dialog does not pull focus back to the technician field.
  await expect(dialog.getByTestId('assign-confirm')).toBeFocused();
  // The board's own rules (overlap, shift, skill) find nothing wrong with the suggestion.
  await expect(dialog.getByTestId('assign-conflicts')).toContainText('Aucun conflit');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect((await DispatchErp.job(job.name)).status).toBe('Unscheduled');
});
