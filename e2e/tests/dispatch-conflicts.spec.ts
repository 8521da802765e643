// Issue 5: a risky drop. Hovering a technician's busy slot shows the overlap before letting go;
// dropping asks for confirmation (cancel changes nothing); confirmed, the job is planned and its
// card keeps a warning badge. A drop the server refuses rolls back with its reason in French.
import { frappeErrorBody } from '../../packages/contracts/src/frappe';
import { FaultClient } from '../../apps/standin/src/faults/client';
import { FIXTURE_JOBS, FIXTURE_TECHNICIANS } from '../../apps/standin/src/seed/fixtures';
import { expect, test } from '../fixtures/auth';
import { DispatchBoardPage } from '../pages/DispatchBoardPage';
import { stackToday } from '../fixtures/stack';
import { DispatchErp } from '../pages/DispatchErp';
import { E2E_ERP_URL } from '../stack-env';

const TARGET = FIXTURE_JOBS.overlapTarget;
const ONE_PM = 13 * 60;

test('an overlapping drop warns while hovering, asks, and keeps a warning badge once confirmed', async ({ asUser }) => {
  const { page } = await asUser('dispatch', { open: '/dispatch' });
  const board = new DispatchBoardPage(page);
  await board.waitReady();
  // A queue job the overlap target's technician is qualified for (so the overlap is the issue).
  const job = await DispatchErp.queueJob(0, 6, (j) => j.required_skill !== 'Business' && j.duration_minutes <= 120);
  try {
    await board.searchFor(job.name);
    const card = board.queueCard(job.name);
    await expect(card).toBeVisible();

    // Before the drop: the preview names the job it would overlap.
    const hovering = await board.hoverSlot(card, TARGET.technician, ONE_PM);
    await expect(board.preview()).toContainText(`Chevauche ${TARGET.job}`);
    await expect(board.preview()).toContainText('13 h 00');
    await hovering.drop();

    // Asked; cancelling changes nothing.
    const dialog = board.confirmDialog();
    await expect(dialog).toContainText(`Planifier ${job.name} avec ${FIXTURE_TECHNICIANS.second.name} malgré les conflits`);
    await expect(dialog).toContainText(`Chevauche ${TARGET.job}`);
    await dialog.getByTestId('confirm-cancel').click();
    await expect(card).toBeVisible();
    expect((await DispatchErp.job(job.name)).status).toBe('Unscheduled');

    // Again, confirmed: planned, with the warning badge on its card and on the target's.
    await board.dragToSlot(card, TARGET.technician, ONE_PM);
    await board.confirmDialog().getByTestId('confirm-ok').click();
    const placed = board.boardCard(job.name, TARGET.technician);
    await expect(placed).toBeVisible();
    await expect(placed).toHaveAttribute('data-warnings', /overlap/);
    await expect(placed.getByTestId('card-warning')).toBeVisible();
    await expect(board.boardCard(TARGET.job, TARGET.technician)).toHaveAttribute('data-warnings', /overlap/);
    const saved = await DispatchErp.job(job.name);
    expect([saved.technician, saved.scheduled_date, saved.start_time]).toEqual([TARGET.technician, await stackToday(), '13:00:00']);

    // The drawer lists the conflict too.
    await placed.click();
    await expect(board.drawer().getByTestId('drawer-conflicts')).toContainText(`Chevauche ${TARGET.job}`);
  } finally {
    await DispatchErp.unassign(job.name);
  }
});

test('a drop the server refuses (stale) rolls back with a French explanation', async ({ asUser }) => {
  const { page } = await asUser('dispatch', { open: '/dispatch' });
  const board = new DispatchBoardPage(page);
  await board.waitReady();
  const job = await DispatchErp.queueJob(1, 6);
  const slot = await DispatchErp.freeSlot(job, 8 * 60);
  // One refusal (count 1), on this job's path only: other tests' writes are untouched.
  await new FaultClient(E2E_ERP_URL).inject({
    // The standin matches the path as sent on the wire (percent-encoded).
    path: `/api/resource/${encodeURIComponent('Dispatch Job')}/${job.name}`,
    method: 'PUT',
    status: 417,
    body: frappeErrorBody('TimestampMismatchError', `Le document Dispatch Job ${job.name} a été modifié après que vous l’avez ouvert.`),
  });
  try {
    await board.searchFor(job.name);
    await board.dragToSlot(board.queueCard(job.name), slot.technician.name, slot.start);
    await expect(board.toast('Ce travail a été modifié par quelqu’un d’autre')).toBeVisible();
    await expect(board.toast('Le déplacement a été annulé')).toBeVisible();
    // Back in the queue, not on the row; nothing persisted.
    await expect(board.queueCard(job.name)).toBeVisible();
    await expect(board.boardCard(job.name)).toHaveCount(0);
    expect((await DispatchErp.job(job.name)).status).toBe('Unscheduled');
  } finally {
    await DispatchErp.unassign(job.name);
  }
});
