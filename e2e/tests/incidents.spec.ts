// Issue 20, one story: Uptime-Kuma reports an OLT down to the hub; a CSR and a dispatcher see the
// banner arrive live; the CSR finds an affected client (the outage said first) and Diagnostiquer
// says it before anything else; an admin texts the affected clients (one opted out: skipped), the
// page closed mid-way resumes without a duplicate; axe on the incident page; Uptime-Kuma's up
// resolves it and the banner goes. A small OLT (Sainte-Agathe-des-Monts) with no fixture client,
// so the suite's other files keep their clients out of this outage.
import AxeBuilder from '@axe-core/playwright';
import { toE164 } from '../../packages/contracts/src';
import { playInboundSms } from '../../apps/standin/src/testing/twilio';
import { expect, test } from '../fixtures/auth';
import { activeStack } from '../fixtures/stack';
import { ClientSearchPage } from '../pages/ClientSearchPage';
import { DiagnosticsPage } from '../pages/DiagnosticsPage';
import { IncidentsPage, UptimeKuma } from '../pages/IncidentsPage';
import { E2E_ERP_TOKEN, E2E_HUB_TOKEN } from '../stack-env';

const OLT = 'OLT-SADM-01';
let incident: string | null = null;

test.afterEach(async () => {
  // Never leave the outage open for the rest of the suite.
  if (incident) await UptimeKuma.notify(await UptimeKuma.monitorOf(OLT), 1, '');
});

/** An affected client whose ONT the ACS knows (Diagnostiquer can read it). */
async function diagnosableClient(rows: { customer: string; customer_name: string; service_location: string }[]) {
  for (const row of rows) {
    const q = new URLSearchParams({ fields: '["serial_no"]', filters: JSON.stringify([['service_location', '=', row.service_location], ['equipment_type', '=', 'ONT']]) });
    const eq = (await (await fetch(`${activeStack().erpUrl}/api/resource/Service%20Equipment?${q}`, { headers: { Authorization: `token ${E2E_ERP_TOKEN}` } })).json()) as { data: { serial_no: string }[] };
    const serial = eq.data[0]?.serial_no;
    if (!serial) continue;
    const lookup = await fetch(`${activeStack().hubUrl}/devices/lookup?serial=${serial}`, { headers: { Authorization: `Bearer ${E2E_HUB_TOKEN}` } });
    if (lookup.status === 200) return { ...row, serial };
  }
  throw new Error('no diagnosable affected client');
}

test('an OLT down: banner live for CSR and dispatcher, the outage said first, bulk text once, resolved by the up', async ({ asUser }, testInfo) => {
  test.setTimeout(180_000);
  const csr = await asUser('support', { open: '/clients' });
  const dispatcher = await asUser('dispatch', { open: '/dispatch' });
  const monitor = await UptimeKuma.monitorOf(OLT);
  await expect(csr.page.getByTestId('outage-banner')).toHaveCount(0);

  // Uptime-Kuma: down. Both see the banner without reloading.
  const opened = await UptimeKuma.notify(monitor, 0, 'Request timeout (48000ms)');
  expect(opened.outcome).toBe('opened');
  incident = opened.incident as string;
  for (const page of [csr.page, dispatcher.page]) {
    const row = new IncidentsPage(page).bannerRow(incident);
    await expect(row).toBeVisible({ timeout: 10_000 });
    await expect(row).toContainText(`Panne en cours : ${monitor.name}`);
    await expect(row).toContainText(/\d+ clients? touchés?/);
  }

  // The CSR searches an affected client: the outage comes first, in the result and the file.
  const rows = await UptimeKuma.affected(incident);
  expect(rows.length).toBeGreaterThan(5);
  const client = await diagnosableClient(rows);
  const search = new ClientSearchPage(csr.page);
  await search.search(client.customer_name);
  const result = search.result(client.customer);
  await expect(result.getByTestId('outage-notice')).toContainText(`Touché par la panne ${monitor.name} depuis`);
  await result.click();
  const file = csr.page.locator('.client-file');
  await expect(file.getByTestId('outage-notice').first()).toContainText(`Touché par la panne ${monitor.name}`);

  // Diagnostiquer says it before anything else; a reboot asks first.
  const diagnostics = new DiagnosticsPage(csr.page);
  await diagnostics.open(client.serial, client.customer);
  await diagnostics.expectPanel();
  const verdict = csr.page.getByTestId('diagnostics-verdict');
  await expect(verdict.getByTestId('outage-notice')).toContainText('Touché par la panne');
  expect(await verdict.locator('[data-testid="outage-notice"], [data-testid="diagnostics-headline"]').first().getAttribute('data-testid')).toBe('outage-notice');
  const dialog = await diagnostics.openRebootDialog();
  await expect(dialog).toContainText('Client touché par une panne');
  await diagnostics.answerDialog(dialog, false);

  // One affected client texts STOP: the bulk text skips them.
  const optedOut = rows.find((r) => r.customer !== client.customer && toE164(r.mobile_no ?? '') !== null);
  if (!optedOut) throw new Error('no client to opt out');
  expect((await playInboundSms(activeStack().hubUrl, { from: toE164(optedOut.mobile_no ?? '') as string, body: 'STOP' })).status).toBe(200);

  // The admin texts everyone; the page is closed mid-way and the run resumed.
  const admin = await asUser('admin', { open: false });
  const incidents = new IncidentsPage(admin.page);
  await incidents.open(incident);
  await expect(incidents.timeline()).toContainText('Panne ouverte');
  await expect(incidents.affectedRows().first()).toBeVisible();
  await admin.page.getByTestId('notify-prepare').click();
  await expect(admin.page.getByTestId('notify-count')).toContainText(/\d+ clients recevront ce texto/);
  await expect(admin.page.getByTestId('notify-text')).toContainText('une panne touche présentement');
  const axe = await new AxeBuilder({ page: admin.page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await admin.page.getByTestId('notify-send').click();
  await expect.poll(async () => (await incidents.counts())[0] ?? 0, { timeout: 20_000 }).toBeGreaterThan(3);
  await admin.page.reload();
  await admin.page.getByTestId('notify-resume').click();
  await expect(admin.page.getByTestId('notify-done')).toBeVisible({ timeout: 60_000 });
  const [sent, skipped, failed, total] = await incidents.counts();
  expect([skipped, failed]).toEqual([1, 0]);
  expect((sent ?? 0) + 1).toBe(total);
  // Once each: the opted-out client got nothing, every other client exactly one text.
  const customers = [...new Set(rows.filter((r) => toE164(r.mobile_no ?? '') !== null).map((r) => r.customer))];
  expect(customers.length).toBe(total);
  const texts = await Promise.all(customers.map((c) => UptimeKuma.outageTexts(c)));
  expect(texts.filter((n, i) => n !== (customers[i] === optedOut.customer ? 0 : 1))).toEqual([]);
  await testInfo.attach('incident.png', { body: await admin.page.screenshot({ fullPage: true }), contentType: 'image/png' });

  // Uptime-Kuma: up. Resolved, and the banner goes for both.
  expect((await UptimeKuma.notify(monitor, 1, '')).outcome).toBe('resolved');
  incident = null;
  for (const page of [csr.page, dispatcher.page]) await expect(page.getByTestId('outage-banner')).toHaveCount(0, { timeout: 10_000 });
  await expect(incidents.status()).toHaveText('Résolue');
});
