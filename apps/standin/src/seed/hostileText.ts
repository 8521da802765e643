// STANDIN_HOSTILE_TEXT=1: after seeding, one ordinary customer (never a fixture) gets HTML and
// script in every customer-supplied text the ops app shows — name, address, access notes, a note,
// a ticket, its unscheduled job's notes, its router's Wi-Fi SSIDs and its stations' host names — so
// the e2e suite can check that the SPA shows them as text and runs nothing (issue 11).
// Rows are changed in place (same counts, same `modified`): no other test sees a difference
// beyond that customer.
import { DEFAULT_SLA, DOCTYPES, slaDeadlines } from '@gigafibre/contracts';
import { q, tableOf } from '../db/schema';
import type { DeviceProfile } from '../hub/devices/profile';
import { standard, stampAt, type SeedContext } from './context';

/** Each payload sets `window.__xss` (to the field's name) if it ever runs. */
const payload = (field: string) => `<img src=x onerror="window.__xss='${field}'"><script>window.__xss='${field}'</script>`;

/** What is planted, for tests: find the customer by `searchTerm`, look for `marker` on screen. */
export const HOSTILE_TEXT = {
  /** Plain text in the customer's name, to find it by search. */
  searchTerm: 'Hostile',
  /** A fragment of every payload, visible when it is rendered as text. */
  marker: '<img src=x onerror=',
  customerName: `Zoé ${payload('customer_name')} Hostile`,
  addressLine: `12 rue ${payload('address_line')}`,
  accessNotes: `Code ${payload('access_notes')}`,
  note: `Note ${payload('note')}`,
  ticketSubject: `Panne ${payload('ticket_subject')}`,
  jobNotes: `Apporter ${payload('job_notes')}`,
  // Wi-Fi SSIDs hold 32 bytes and host names 63: payloads that fit.
  ssid: `<svg/onload=__xss='ssid'>`,
  hostNames: [`<img src=x onerror=__xss='host'>`, `"><script>__xss='host'</script>`],
} as const;

interface Target {
  customer: string;
  location: string;
  deviceId: string;
  profile: DeviceProfile;
  /** Today's unscheduled job at that location (shown in the dispatch queue), if any. */
  job: string | null;
}

/**
 * The first non-fixture customer whose location has a Wi-Fi router known to the ACS, preferring
 * one with an unscheduled job today (its notes then show in the dispatch queue and drawer).
 */
function findTarget(ctx: SeedContext): Target | undefined {
  const rows = ctx.db
    .prepare(
      `SELECT e.customer AS customer, e.service_location AS location, d.id AS deviceId, d.profile AS profile,
              (SELECT j.name FROM ${tableOf('Dispatch Job')} j WHERE j.service_location = e.service_location AND j.status = 'Unscheduled'
                 AND j.requested_date = ? AND j.name > 'DJ-000005' ORDER BY j.name LIMIT 1) AS job
       FROM ${tableOf('Service Equipment')} e JOIN acs_devices d ON d.serial = e.serial_no
       WHERE e.customer > 'CUST-00008' ORDER BY (job IS NULL), e.customer LIMIT 400`,
    )
    .all(ctx.today) as { customer: string; location: string; deviceId: string; profile: string; job: string | null }[];
  for (const row of rows) {
    const profile = JSON.parse(row.profile) as DeviceProfile;
    if (profile.wifi && profile.wifi.clientCount >= HOSTILE_TEXT.hostNames.length) return { ...row, profile };
  }
  return undefined;
}

/** Plants the payloads (see the file comment); a no-op when no customer fits (tiny scales). */
export function plantHostileText(ctx: SeedContext): void {
  const target = findTarget(ctx);
  if (!target) return;
  const { db } = ctx;
  const update = (doctype: Parameters<typeof tableOf>[0], set: Record<string, string>, name: string) => {
    const cols = Object.keys(set);
    db.prepare(`UPDATE ${tableOf(doctype)} SET ${cols.map((c) => `${q(c)} = ?`).join(', ')} WHERE name = ?`).run(...cols.map((c) => set[c] as string), name);
  };
  update('Customer', { customer_name: HOSTILE_TEXT.customerName }, target.customer);
  update('Service Location', { address_line: HOSTILE_TEXT.addressLine, access_notes: HOSTILE_TEXT.accessNotes }, target.location);
  db.prepare(`UPDATE ${tableOf('Sales Invoice')} SET customer_name = ? WHERE customer = ?`).run(HOSTILE_TEXT.customerName, target.customer);

  const created = stampAt(ctx.today, Math.max(0, ctx.nowMinutes - 60));
  ctx.insert('Comment', {
    ...standard(`hostile-note-${target.customer}`, created),
    reference_doctype: 'Customer',
    reference_name: target.customer,
    comment_type: 'Comment',
    content: HOSTILE_TEXT.note,
    comment_email: 'support@gigafibre.ca',
    comment_by: 'Nadia Bouchard',
  });
  const issue = `${DOCTYPES.Issue.naming}${String(ctx.count('Issue') + 1).padStart(DOCTYPES.Issue.digits ?? 6, '0')}`;
  ctx.insert('Issue', { ...standard(issue, created), subject: HOSTILE_TEXT.ticketSubject, status: 'Open', priority: 'Medium', issue_type: 'Internet', customer: target.customer, opening_date: ctx.today, service_level_agreement: DEFAULT_SLA, agreement_status: 'First Response Due', _assign: '[]', ...slaDeadlines(String(created), 'Medium') });

  if (target.job) update('Dispatch Job', { notes: HOSTILE_TEXT.jobNotes }, target.job);

  const wifi = target.profile.wifi as NonNullable<DeviceProfile['wifi']>;
  const profile: DeviceProfile = { ...target.profile, wifi: { ...wifi, ssid: HOSTILE_TEXT.ssid, hostNames: [...HOSTILE_TEXT.hostNames] } };
  db.prepare('UPDATE acs_devices SET profile = ?, doc = NULL WHERE id = ?').run(JSON.stringify(profile), target.deviceId);
}
