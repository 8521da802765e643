// Issue 19: a CSR and a dispatcher on one client's file, one story. A text sent shows delivered for
// both; the customer's reply (played by the standin as Twilio would post it) appears live for both;
// with the hub down the text waits « en attente », survives a reload, and is delivered once; the
// technician sets the client's job En route from their phone and the thread gets exactly one « en
// route » text, even when the status is written again;
// STOP opts the number out and both composers refuse, saying why. The panel passes axe on the way.
import AxeBuilder from '@axe-core/playwright';
import { FaultClient } from '../../apps/standin/src/faults/client';
import { FIXTURE_TECHNICIANS } from '../../apps/standin/src/seed/fixtures';
import { playInboundSms } from '../../apps/standin/src/testing/twilio';
import { expect, test } from '../fixtures/auth';
import { activeStack, stackToday } from '../fixtures/stack';
import { customerMobile, hubOptState, hubThread } from '../fixtures/messagingStandin';
import { ClientSmsPanel } from '../pages/ClientSmsPanel';
import { DispatchErp, type ErpJob } from '../pages/DispatchErp';
import { TechJobPage } from '../pages/TechJobPage';

/** A queue job no other test takes (slice 5 of 6 is dispatch-board's: a twelfth of it, not its first pick), of a client who can be texted. */
async function jobOfTextableClient(): Promise<{ job: ErpJob; customer: string; number: string }> {
  const taken = (await DispatchErp.queueJob(5, 6)).name;
  const candidates = await DispatchErp.moreQueueJobs(5, 6, 1, [taken], (j) => Number(j.name.slice(3)) % 12 === 11);
  for (const job of candidates) {
    const { customer } = (await DispatchErp.job(job.name)) as ErpJob & { customer: string };
    const number = await customerMobile(customer);
    if (number && !(await hubOptState(number)).opted_out) return { job, customer, number };
  }
  throw new Error('no queue job of a client with a textable mobile in slice 5/6 (mod 12 = 11)');
}

test('two users on one client: sent and delivered, a reply live, the hub down, en route once, STOP refused', async ({ asUser }, testInfo) => {
  test.setTimeout(150_000);
  const hub = activeStack().hubUrl;
  const faults = new FaultClient(hub);
  const { job, customer, number } = await jobOfTextableClient();
  const stamp = Date.now().toString(36);
  try {
    const csr = await asUser('support', { open: `/clients/${customer}` });
    const dispatcher = await asUser('dispatch', { open: `/clients/${customer}` });
    const a = new ClientSmsPanel(csr.page);
    const b = new ClientSmsPanel(dispatcher.page);
    await a.ready();
    await b.ready();

    // Sent by the CSR: delivered, live, for both.
    const hello = `Bonjour, ici Gigafibre : votre visite est confirmée (${stamp}).`;
    await a.send(hello);
    await expect(a.messages(hello)).toHaveAttribute('data-status', 'delivered');
    await expect(b.messages(hello)).toHaveAttribute('data-status', 'delivered');
    await expect(b.messages(hello)).toContainText('Nadia Bouchard'); // the sender the BFF vouched for
    // A template the file cannot fill says what it lacks (no visit is scheduled yet); axe on it all.
    await b.pickTemplate('Technicien en route');
    await expect(b.section().getByTestId('sms-template-missing')).toContainText('la plage d’arrivée');
    const axe = await new AxeBuilder({ page: dispatcher.page }).include('[data-testid="section-sms"]').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    // The customer answers: both see it, live.
    const reply = `Parfait, merci ! (${stamp})`;
    expect((await playInboundSms(hub, { from: number, body: reply })).ok).toBe(true);
    await expect(a.messages(reply)).toHaveAttribute('data-direction', 'in');
    await expect(b.messages(reply)).toHaveAttribute('data-direction', 'in');

    // The hub down when the CSR presses send: « en attente », kept through a reload, then sent once.
    await faults.inject({ method: 'POST', path: '/messages', status: 503, count: 2 });
    const later = `Le technicien arrivera en après-midi (${stamp}).`;
    await a.send(later);
    await expect(a.messages(later)).toHaveAttribute('data-status', 'waiting');
    await csr.page.reload();
    await a.ready();
    await expect(a.messages(later)).toHaveAttribute('data-status', 'delivered', { timeout: 30_000 });
    await expect(b.messages(later)).toHaveAttribute('data-status', 'delivered');
    await expect(a.messages(later)).toHaveCount(1);
    expect((await hubThread(customer)).filter((m) => m.body === later)).toHaveLength(1);

    // The technician, on their phone, sets the job En route: the thread gets one « en route » text,
    // live; the status written again (the dispatcher's drawer, an offline replay) sends no other.
    await DispatchErp.assign(job.name, FIXTURE_TECHNICIANS.demo.technician, await stackToday(), 15 * 60);
    const tech = await asUser('tech', { open: `/j/${job.name}`, viewport: { width: 390, height: 844 } });
    const techJob = new TechJobPage(tech.page);
    await expect(techJob.nextStatus()).toHaveAttribute('data-next', 'En Route');
    await techJob.nextStatus().click();
    await expect(techJob.status()).toHaveAttribute('data-status', 'En Route');
    const enRouteTexts = async () => (await hubThread(customer)).filter((m) => m.template === 'en_route' && m.job === job.name);
    await expect.poll(async () => (await enRouteTexts()).length, { timeout: 15_000 }).toBe(1);
    const [enRoute] = await enRouteTexts();
    await expect(a.messages(enRoute?.body ?? '?')).toHaveCount(1);
    await expect(a.messages(enRoute?.body ?? '?')).toContainText(FIXTURE_TECHNICIANS.demo.name.split(' ')[0] ?? '?');
    await DispatchErp.setStatus(job.name, 'En Route');
    await expect(b.messages(enRoute?.body ?? '?')).toHaveCount(1);
    // (the hub reacts to each change at once: a moment is enough for a second text, if one were sent)
    await dispatcher.page.waitForTimeout(1_500);
    expect(await enRouteTexts()).toHaveLength(1);

    // STOP: the number is opted out; both composers refuse before anything is typed, saying why.
    expect((await playInboundSms(hub, { from: number, body: 'STOP' })).ok).toBe(true);
    await expect(a.refusal()).toContainText('STOP');
    await expect(b.refusal()).toContainText('STOP');
    await expect(a.input()).toHaveCount(0);
    await testInfo.attach('sms-panel.png', { body: await a.section().screenshot(), contentType: 'image/png' });
  } finally {
    await faults.clear();
    await playInboundSms(hub, { from: number, body: 'START' });
    await DispatchErp.unassign(job.name);
  }
});
