// Least privilege, as a technician lives it (issue 22): their phone shows and can reach only the
// clients of their own jobs. « Mes tâches » lists their jobs' clients; another technician's job
// opens on a French refusal with nothing of its client; what the BFF answers the phone (the same
// calls a curious user could make from the browser) is their clients only, never an e-mail.
import { FIXTURE_CUSTOMERS, FIXTURE_JOBS, FIXTURE_TECHNICIANS } from '../../apps/standin/src/seed/fixtures';
import { expect, test } from '../fixtures/auth';
import { E2E_ERP_TOKEN, E2E_ERP_URL } from '../stack-env';
import { TechJobPage, TechJobsPage } from '../pages/TechJobPage';

const PHONE = { width: 390, height: 844 };

interface JobRow {
  name: string;
  customer: string;
  technician: string | null;
}

/** Every job of a technician, read on the ERP itself (the seed spans today − 7 … today + 6, inside their window). */
async function jobsOf(technician: string): Promise<JobRow[]> {
  const query = new URLSearchParams({ fields: '["name","customer","technician"]', filters: JSON.stringify([['technician', '=', technician]]), limit_page_length: '0' });
  const res = await fetch(`${E2E_ERP_URL}/api/resource/Dispatch%20Job?${query.toString()}`, { headers: { Authorization: `token ${E2E_ERP_TOKEN}` } });
  return ((await res.json()) as { data: JobRow[] }).data;
}

test('a technician sees and reaches only their own jobs’ clients', async ({ asUser }) => {
  const { page } = await asUser('tech', { viewport: PHONE, open: '/j' });
  const mine = await jobsOf(FIXTURE_TECHNICIANS.demo.technician);
  const myClients = new Set(mine.map((j) => j.customer));
  const theirs = (await jobsOf(FIXTURE_TECHNICIANS.second.technician)).filter((j) => !myClients.has(j.customer));
  const foreignJob = theirs.find((j) => j.name === FIXTURE_JOBS.overlapTarget.job) ?? theirs[0];
  expect(foreignJob, 'TECH-002 has a job at a client TECH-001 never visits').toBeDefined();

  // « Mes tâches »: today's jobs, each with its client.
  const jobs = new TechJobsPage(page);
  await expect(jobs.cards()).toHaveCount(FIXTURE_JOBS.techToday.length);
  await expect(jobs.card(FIXTURE_JOBS.techToday[2])).toContainText(FIXTURE_CUSTOMERS.unknownSerial.customerName);

  // Another technician's job: refused in French, nothing of its client on screen.
  const foreignClient = (await (
    await fetch(`${E2E_ERP_URL}/api/resource/Customer/${foreignJob?.customer ?? ''}`, { headers: { Authorization: `token ${E2E_ERP_TOKEN}` } })
  ).json()) as { data: { customer_name: string } };
  await page.goto(`/ops/j/${foreignJob?.name ?? ''}`);
  await expect(page.getByText('Ce dossier ne fait pas partie de vos interventions : il ne vous est pas accessible.')).toBeVisible();
  await expect(new TechJobPage(page).customer()).toHaveCount(0);
  await expect(page.locator('main')).not.toContainText(foreignClient.data.customer_name);

  // What the BFF answers this phone: their clients, whatever is asked.
  const list = async (query: Record<string, unknown>) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) params.set(key, typeof value === 'string' ? value : JSON.stringify(value));
    return page.request.get(`/ops/api/erp/resource/Customer?${params.toString()}`);
  };
  const everyone = await list({ fields: ['name', 'customer_name'], limit_page_length: 500 });
  expect(everyone.status()).toBe(200);
  const shown = ((await everyone.json()) as { data: { name: string }[] }).data.map((c) => c.name);
  expect(shown.length).toBeGreaterThan(0);
  expect(shown.filter((c) => !myClients.has(c))).toEqual([]);
  const sneaky = await list({ fields: ['name'], or_filters: [['name', '=', foreignJob?.customer]], limit_page_length: 500 });
  expect(((await sneaky.json()) as { data: { name: string }[] }).data.map((c) => c.name)).not.toContain(foreignJob?.customer);
  expect((await page.request.get(`/ops/api/erp/resource/Customer/${foreignJob?.customer ?? ''}`)).status()).toBe(403);
  // Not even their own clients' e-mails, nor every row at once.
  const emails = await list({ fields: ['name', 'email_id'] });
  expect(emails.status()).toBe(403);
  expect(await emails.json()).toMatchObject({ reason: 'field_not_allowed', field: 'email_id' });
  expect((await list({ fields: ['name'], limit_page_length: 0 })).status()).toBe(400);
  const own = await page.request.get(`/ops/api/erp/resource/Customer/${FIXTURE_CUSTOMERS.unknownSerial.customer}`);
  expect(own.status()).toBe(200);
  expect((await own.json()) as { data: Record<string, unknown> }).not.toHaveProperty('data.email_id');
});
