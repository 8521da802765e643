// Issue 5: a user with dispatch.view but not dispatch.assign (support@, ops-support) can look at
// the board and open jobs, but cannot drag or plan; the BFF refuses their PUT with 403 even when
// sent by hand.
import { FIXTURE_JOBS, FIXTURE_TECHNICIANS } from '../../apps/standin/src/seed/fixtures';
import { expect, test } from '../fixtures/auth';
import { DispatchBoardPage } from '../pages/DispatchBoardPage';
import { stackToday } from '../fixtures/stack';
import { DispatchErp } from '../pages/DispatchErp';

test('a view-only user sees the board but cannot drag or plan, and the BFF answers 403 to their PUT', async ({ asUser }) => {
  const { page } = await asUser('support', { open: '/dispatch' });
  const board = new DispatchBoardPage(page);
  await board.waitReady();
  await expect(board.readOnlyBanner()).toBeVisible();
  // A queue job no other test moves (this test changes nothing, but checks that nothing changed).
  const JOB = (await DispatchErp.queueJob(4, 6)).name;

  // The board is there: the fixture technician's day and the job at 13:00.
  await board.showRow(FIXTURE_JOBS.overlapTarget.technician);
  const target = board.boardCard(FIXTURE_JOBS.overlapTarget.job, FIXTURE_JOBS.overlapTarget.technician);
  await expect(target).toBeVisible();
  await expect(target).toHaveAttribute('draggable', 'false');

  // No drag: a drop attempt moves nothing and sends nothing.
  await board.searchFor(JOB);
  const card = board.queueCard(JOB);
  await expect(card).toHaveAttribute('draggable', 'false');
  const puts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'PUT') puts.push(r.url());
  });
  await board.dragToSlot(card, FIXTURE_TECHNICIANS.second.technician, 10 * 60);
  await expect(board.boardCard(JOB)).toHaveCount(0);
  await expect(card).toBeVisible();

  // The drawer opens, without planning actions; the keyboard's « a » does nothing either.
  await card.click();
  await expect(board.drawer()).toContainText(JOB);
  await expect(board.drawer().getByTestId('drawer-plan')).toHaveCount(0);
  await expect(board.drawer().getByTestId('status-cancelled')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await card.focus();
  await page.keyboard.press('a');
  await expect(board.assignDialog()).toHaveCount(0);
  expect(puts).toEqual([]);

  // By hand, through the BFF with their session: 403, naming the missing capability.
  const res = await page.request.put(`/ops/api/erp/resource/${encodeURIComponent('Dispatch Job')}/${JOB}`, {
    headers: { 'X-Requested-With': 'gigafibre-ops' },
    data: { technician: FIXTURE_TECHNICIANS.second.technician, scheduled_date: await stackToday(), start_time: '10:00:00' },
  });
  expect(res.status()).toBe(403);
  expect(JSON.stringify(await res.json())).toContain('dispatch.assign');
  const job = await DispatchErp.job(JOB);
  expect([job.status, job.technician]).toEqual(['Unscheduled', null]);
});
