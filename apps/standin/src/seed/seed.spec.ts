import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/open';
import { DEMO_USERS } from '../edge/demo-users';
import { TEST_NOW } from '../testing/harness';
import { addDays } from '@gigafibre/contracts';
import { seedDatabase } from './index';
import { FIXTURE_CUSTOMERS, FIXTURE_JOBS, FIXTURE_OVERDUE, FIXTURE_TECHNICIANS } from './fixtures';
import { JOB_DAYS } from './jobs';

function fingerprintOf(db: Db): string {
  const hash = createHash('sha256');
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'fts_%' ORDER BY name`).all() as { name: string }[];
  for (const { name } of tables) {
    hash.update(name);
    for (const row of db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).iterate()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

describe('seed', () => {
  let db: Db;
  const today = '2026-06-15';

  beforeAll(() => {
    db = openDatabase(':memory:');
    seedDatabase(db, { scale: 120, now: TEST_NOW });
  });
  afterAll(() => db.close());

  it('is deterministic: same options, same rows in every table', () => {
    const again = openDatabase(':memory:');
    seedDatabase(again, { scale: 120, now: TEST_NOW });
    expect(fingerprintOf(again)).toBe(fingerprintOf(db));
    const other = openDatabase(':memory:');
    seedDatabase(other, { scale: 120, now: TEST_NOW, seed: 7 });
    expect(fingerprintOf(other)).not.toBe(fingerprintOf(db));
    again.close();
    other.close();
  });

  it('creates the fixture customers as documented', () => {
    for (const f of Object.values(FIXTURE_CUSTOMERS)) {
      expect(db.prepare('SELECT customer_name, customer_type, territory, mobile_no, custom_phone_digits FROM tabCustomer WHERE name = ?').get(f.customer)).toEqual({
        customer_name: f.customerName,
        customer_type: f.customerType,
        territory: f.territory,
        mobile_no: f.phone,
        custom_phone_digits: f.phoneDigits,
      });
      expect(db.prepare('SELECT customer, address_line, postal_code FROM "tabService Location" WHERE name = ?').get(f.location)).toEqual({
        customer: f.customer,
        address_line: f.address,
        postal_code: f.postalCode,
      });
      const serials = (db.prepare('SELECT serial_no FROM "tabService Equipment" WHERE service_location = ?').all(f.location) as { serial_no: string }[]).map((r) => r.serial_no);
      expect(serials).toContain(f.ont.serial);
      if (f.router) expect(serials).toContain(f.router.serial);
      for (const m of f.mesh ?? []) expect(serials).toContain(m.serial);
      const inAcs = db.prepare('SELECT 1 FROM acs_devices WHERE serial = ?').get(f.ont.serial);
      expect(Boolean(inAcs)).toBe(f.ontInAcs);
    }
  });

  it('gives the overdue fixture its documented balance', () => {
    const rows = db.prepare(`SELECT status, COUNT(*) AS n, ROUND(SUM(outstanding_amount), 2) AS due FROM "tabSales Invoice" WHERE customer = ? AND outstanding_amount > 0 GROUP BY status`).all(FIXTURE_CUSTOMERS.overdue.customer);
    expect(rows).toEqual([
      { status: 'Overdue', n: FIXTURE_OVERDUE.overdueInvoices, due: 258.69 },
      { status: 'Unpaid', n: FIXTURE_OVERDUE.unpaidInvoices, due: 86.23 },
    ]);
    expect(258.69 + 86.23).toBeCloseTo(FIXTURE_OVERDUE.balanceDue, 2);
  });

  it('has 12 months of invoices at most per location, taxes included', () => {
    const row = db.prepare(`SELECT MAX(n) AS most FROM (SELECT COUNT(*) AS n FROM "tabSales Invoice" GROUP BY customer, customer_name)`).get() as { most: number };
    expect(row.most).toBeLessThanOrEqual(24);
    const invoice = db.prepare(`SELECT grand_total FROM "tabSales Invoice" WHERE customer = ? LIMIT 1`).get(FIXTURE_CUSTOMERS.badOptical.customer) as { grand_total: number };
    expect(invoice.grand_total).toBe(86.23);
  });

  it('gives the demo technician today’s jobs with statuses matching the clock (10:30)', () => {
    const jobs = db.prepare(`SELECT name, status, start_time FROM "tabDispatch Job" WHERE technician = ? AND scheduled_date = ? ORDER BY start_time`).all(FIXTURE_TECHNICIANS.demo.technician, today);
    expect(jobs).toEqual([
      { name: FIXTURE_JOBS.techToday[0], status: 'Completed', start_time: '08:00:00' },
      { name: FIXTURE_JOBS.techToday[1], status: 'In Progress', start_time: '10:00:00' },
      { name: FIXTURE_JOBS.techToday[2], status: 'Scheduled', start_time: '13:30:00' },
    ]);
    expect(db.prepare(`SELECT status, technician, requested_date FROM "tabDispatch Job" WHERE name = ?`).get(FIXTURE_JOBS.unassignedToday.job)).toEqual({ status: 'Unscheduled', technician: null, requested_date: today });
    expect(db.prepare(`SELECT technician, start_time, duration_minutes FROM "tabDispatch Job" WHERE name = ?`).get(FIXTURE_JOBS.overlapTarget.job)).toEqual({
      technician: FIXTURE_JOBS.overlapTarget.technician,
      start_time: FIXTURE_JOBS.overlapTarget.start,
      duration_minutes: FIXTURE_JOBS.overlapTarget.durationMinutes,
    });
  });

  it('spreads about 120 jobs a day over 14 days, some unassigned every day', () => {
    const days = db.prepare(`SELECT COALESCE(scheduled_date, requested_date) AS day, COUNT(*) AS n, SUM(technician IS NULL) AS unassigned FROM "tabDispatch Job" GROUP BY day ORDER BY day`).all() as { day: string; n: number; unassigned: number }[];
    expect(days.map((d) => d.day)).toEqual(Array.from({ length: JOB_DAYS.before + JOB_DAYS.after + 1 }, (_, i) => addDays(today, i - JOB_DAYS.before)));
    for (const d of days) {
      expect(d.n).toBeGreaterThanOrEqual(100);
      expect(d.n).toBeLessThanOrEqual(125);
      expect(d.unassigned).toBeGreaterThan(0);
    }
  });

  it('keeps statuses consistent with dates', () => {
    const count = (sql: string) => (db.prepare(sql).get(today) as { n: number }).n;
    expect(count(`SELECT COUNT(*) AS n FROM "tabDispatch Job" WHERE scheduled_date < ? AND status IN ('Scheduled', 'En Route', 'In Progress')`)).toBe(0);
    expect(count(`SELECT COUNT(*) AS n FROM "tabDispatch Job" WHERE scheduled_date > ? AND status IN ('Completed', 'En Route', 'In Progress')`)).toBe(0);
    expect(count(`SELECT COUNT(*) AS n FROM "tabDispatch Job" WHERE scheduled_date = ? AND status = 'In Progress'`)).toBeGreaterThan(0);
    expect(count(`SELECT COUNT(*) AS n FROM "tabDispatch Job" WHERE status = 'Unscheduled' AND technician IS NOT NULL AND ? != ''`)).toBe(0);
  });

  it('writes a Version for each status change of a completed job', () => {
    const versions = db.prepare(`SELECT data FROM tabVersion WHERE ref_doctype = 'Dispatch Job' AND docname = ? ORDER BY creation`).all(FIXTURE_JOBS.techToday[0]) as { data: string }[];
    const statuses = versions.map((v) => (JSON.parse(v.data) as { changed: [string, unknown, unknown][] }).changed.find((c) => c[0] === 'status')?.[2]);
    expect(statuses).toEqual(['Scheduled', 'En Route', 'In Progress', 'Completed']);
  });

  it('mixes phone formats, Quebec postal codes and both anglophone and francophone names', () => {
    const phones = (db.prepare('SELECT mobile_no FROM tabCustomer').all() as { mobile_no: string }[]).map((r) => r.mobile_no);
    expect(phones.some((p) => /^\(\d{3}\) \d{3}-\d{4}$/.test(p))).toBe(true);
    expect(phones.some((p) => /^\d{3}-\d{3}-\d{4}$/.test(p))).toBe(true);
    expect(phones.some((p) => /^\+1 \d{3} \d{3} \d{4}$/.test(p))).toBe(true);
    for (const p of phones) expect(p.replace(/\D/g, '').replace(/^1(\d{10})$/, '$1')).toMatch(/^(514|438|450|579)[2-9]\d{6}$/);
    const codes = (db.prepare('SELECT postal_code FROM "tabService Location"').all() as { postal_code: string }[]).map((r) => r.postal_code);
    for (const c of codes) expect(c).toMatch(/^[HJ]\d[ABCEGHJ-NPRSTV-Z] \d[ABCEGHJ-NPRSTV-Z]\d$/);
  });

  it('seeds the demo users in Authentik and ERPNext, the technician as a Technician', () => {
    for (const u of DEMO_USERS) {
      expect(db.prepare('SELECT email, is_active FROM auth_users WHERE email = ?').get(u.email)).toEqual({ email: u.email, is_active: 1 });
      expect(db.prepare('SELECT name FROM tabUser WHERE name = ?').get(u.email)).toEqual({ name: u.email });
    }
    expect(db.prepare('SELECT user FROM tabTechnician WHERE name = ?').get(FIXTURE_TECHNICIANS.demo.technician)).toEqual({ user: FIXTURE_TECHNICIANS.demo.user });
  });

  it('spreads device health: mostly healthy, some marginal, bad, silent and unknown', () => {
    const profiles = (db.prepare('SELECT profile FROM acs_devices').all() as { profile: string }[]).map((r) => JSON.parse(r.profile) as { rxMilli: number | null; informs: boolean; role: string });
    const onts = profiles.filter((p) => p.role !== 'router');
    const share = (f: (p: (typeof onts)[number]) => boolean) => onts.filter(f).length / onts.length;
    expect(share((p) => p.rxMilli !== null && p.rxMilli >= -25000 && p.rxMilli <= -8000)).toBeGreaterThan(0.7);
    expect(share((p) => p.rxMilli !== null && p.rxMilli < -25000)).toBeGreaterThan(0);
    expect(profiles.some((p) => !p.informs)).toBe(true);
  });

  it('puts every location’s equipment on a PON port of an OLT of a zone, each watched by a monitor', () => {
    const orphans = db
      .prepare(
        `SELECT COUNT(*) AS n FROM "tabService Location" l WHERE NOT EXISTS (
           SELECT 1 FROM "tabService Equipment" e JOIN net_onts n ON n.serial = e.serial_no
           JOIN net_elements pon ON pon.id = n.pon AND pon.kind = 'pon'
           JOIN net_elements olt ON olt.id = pon.parent AND olt.kind = 'olt'
           JOIN net_elements zone ON zone.id = olt.parent AND zone.kind = 'zone'
           WHERE e.service_location = l.name AND e.equipment_type = 'ONT')`,
      )
      .get() as { n: number };
    expect(orphans.n).toBe(0);
    expect(db.prepare('SELECT COUNT(*) AS n FROM net_elements WHERE id NOT IN (SELECT element FROM net_monitors)').get()).toEqual({ n: 0 });
    const fixture = db.prepare('SELECT n.pon FROM net_onts n WHERE n.serial = ?').get(FIXTURE_CUSTOMERS.marginalOptical.ont.serial);
    expect(fixture).toEqual({ pon: 'OLT-LAV-01/1/1' });
  });
});
