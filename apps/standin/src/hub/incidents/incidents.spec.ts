import { UPTIME_KUMA_SECRET_HEADER, type AffectedIndex, type AffectedPage, type IncidentDetail, type IncidentList, type MonitorMappingList, type UptimeKumaWebhookResult } from '@gigafibre/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STANDIN_DEFAULTS } from '../../config';
import { FIXTURE_CUSTOMERS } from '../../seed/fixtures';
import { MONITOR_BASE } from '../../seed/network';
import type { Standin } from '../../standin';
import { hubFetch, startTestStandin, TEST_NOW } from '../../testing/harness';
import { heartbeatTime } from './routes';
import { uptimeKumaNotification } from './uptimeKumaPayload';

let standin: Standin;
let base: string;

beforeAll(async () => {
  standin = await startTestStandin({ services: ['erp', 'hub'], scale: 200 });
  base = standin.urls.hub as string;
});
afterAll(() => standin.close());

const monitorOf = (element: string) => (standin.db.prepare('SELECT monitor_id FROM net_monitors WHERE element = ?').get(element) as { monitor_id: number }).monitor_id;
const at = (minutes: number) => new Date(TEST_NOW.getTime() + minutes * 60_000);

function post(body: unknown, headers: Record<string, string> = { [UPTIME_KUMA_SECRET_HEADER]: STANDIN_DEFAULTS.webhookSecret }) {
  return fetch(`${base}/webhooks/uptime-kuma`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...headers } });
}
async function notify(element: string, status: 0 | 1 | 2 | 3, minutes: number): Promise<UptimeKumaWebhookResult> {
  const res = await post(uptimeKumaNotification({ id: monitorOf(element), name: element }, status, at(minutes), status === 1 ? '' : 'Request timeout'));
  expect(res.status).toBe(200);
  return (await res.json()) as UptimeKumaWebhookResult;
}

describe('POST /webhooks/uptime-kuma', () => {
  it('refuses a missing or wrong secret, a non-JSON or malformed body with French messages (4xx)', async () => {
    const payload = uptimeKumaNotification({ id: MONITOR_BASE.olt, name: 'OLT' }, 0, at(0), 'x');
    expect((await post(payload, {})).status).toBe(401);
    expect((await post(payload, { [UPTIME_KUMA_SECRET_HEADER]: 'nope' })).status).toBe(401);
    const form = await fetch(`${base}/webhooks/uptime-kuma`, { method: 'POST', body: 'data=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded', [UPTIME_KUMA_SECRET_HEADER]: STANDIN_DEFAULTS.webhookSecret } });
    expect(form.status).toBe(415);
    expect((await post('{not json')).status).toBe(400);
    const bad = await post({ ...payload, heartbeat: { ...payload.heartbeat, status: 7 } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string; issues: Record<string, string[]> }).issues).toEqual({ 'heartbeat.status': ['valeur non permise'] });
    const badTime = await post({ ...payload, heartbeat: { ...payload.heartbeat, time: 'hier' } });
    expect(badTime.status).toBe(400);
    expect(((await (await hubFetch(base, '/incidents?status=all')).json()) as IncidentList).data).toEqual([]);
  });

  it('answers Uptime-Kuma’s test notification and unmapped monitors without opening anything', async () => {
    expect(await (await post({ heartbeat: null, monitor: null, msg: 'Uptime Kuma test' })).json()).toMatchObject({ outcome: 'ignored', incident: null });
    const res = await post(uptimeKumaNotification({ id: 999_999, name: 'Inconnu' }, 0, at(0), 'down'));
    expect(await res.json()).toMatchObject({ outcome: 'ignored', reason: expect.stringContaining('999999') });
  });

  it('opens on down with the affected customers, keeps one incident while flapping, resolves on up', async () => {
    const olt = 'OLT-LAV-01';
    const opened = await notify(olt, 0, 0);
    expect(opened.outcome).toBe('opened');
    const id = opened.incident as string;
    expect(await notify(olt, 0, 0.2)).toEqual({ outcome: 'updated', incident: id });
    expect(await notify(olt, 1, 0.4)).toEqual({ outcome: 'resolved', incident: id });
    expect(await notify(olt, 0, 0.6)).toEqual({ outcome: 'reopened', incident: id });
    const detail = (await (await hubFetch(base, `/incidents/${id}`)).json()) as IncidentDetail;
    expect(detail).toMatchObject({ status: 'open', resolved_at: null, element: { id: olt, kind: 'olt', zone: 'ZONE-LAV' }, opened_at: at(0).toISOString() });
    expect(detail.timeline.map((c) => c.kind)).toEqual(['opened', 'down', 'resolved', 'reopened']);
    expect(detail.affected_count).toBeGreaterThan(0);

    const page = (await (await hubFetch(base, `/incidents/${id}/affected?limit=5`)).json()) as AffectedPage;
    expect(page.data).toHaveLength(5);
    expect(page.data.map((r) => r.customer)).toContain(FIXTURE_CUSTOMERS.marginalOptical.customer);
    const all: string[] = [];
    for (let cursor: string | null = ''; cursor !== null; ) {
      const p = (await (await hubFetch(base, `/incidents/${id}/affected?limit=7${cursor ? `&cursor=${cursor}` : ''}`)).json()) as AffectedPage;
      all.push(...p.data.map((r) => r.service_location));
      cursor = p.next_cursor;
    }
    expect(all).toHaveLength(page.total);
    expect(new Set(all).size).toBe(all.length);
    const index = (await (await hubFetch(base, '/incidents/affected-index')).json()) as AffectedIndex;
    expect(index.data).toEqual([{ incident: id, customers: expect.arrayContaining([FIXTURE_CUSTOMERS.marginalOptical.customer]), service_locations: expect.any(Array) }]);
    expect(index.data[0]?.customers).toHaveLength(detail.affected_count);
    expect(index.data[0]?.customers).not.toContain(FIXTURE_CUSTOMERS.badOptical.customer);

    expect(await notify(olt, 1, 30)).toEqual({ outcome: 'resolved', incident: id });
    // Past the reopen window: a new incident.
    const later = await notify(olt, 0, 45);
    expect(later.outcome).toBe('opened');
    expect(later.incident).not.toBe(id);
    await notify(olt, 1, 46);
    expect(((await (await hubFetch(base, '/incidents')).json()) as IncidentList).data).toEqual([]);
    expect((await (await hubFetch(base, '/incidents/affected-index')).json()) as AffectedIndex).toEqual({ data: [] });
  });

  it('relays each change on the event log as `incident`', () => {
    const rows = standin.db.prepare(`SELECT data FROM events WHERE type = 'incident' ORDER BY id`).all() as { data: string }[];
    expect(rows.length).toBeGreaterThanOrEqual(7);
    expect(JSON.parse((rows[0] as { data: string }).data)).toMatchObject({ incident: { status: 'open' }, change: { kind: 'opened', monitor_status: 0 } });
  });

  it('reads Uptime-Kuma’s UTC SQL times', () => {
    expect(heartbeatTime('2026-12-07 15:40:00.123')).toBe('2026-12-07T15:40:00.123Z');
    expect(heartbeatTime('2026-12-07T10:40:00-05:00')).toBe('2026-12-07T15:40:00.000Z');
    expect(heartbeatTime('07/12/2026')).toBeNull();
  });
});

describe('GET /incidents', () => {
  it('needs the hub token, and 404s an unknown incident in French', async () => {
    expect((await fetch(`${base}/incidents`)).status).toBe(401);
    const res = await hubFetch(base, '/incidents/INC-999999');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toContain('introuvable');
    expect((await hubFetch(base, '/incidents?status=bof')).status).toBe(400);
    const monitors = (await (await hubFetch(base, '/network/monitors')).json()) as MonitorMappingList;
    expect(monitors.data.find((m) => m.element.id === 'OLT-LAV-01')).toEqual({ monitor_id: monitorOf('OLT-LAV-01'), element: expect.objectContaining({ kind: 'olt', parent: 'ZONE-LAV' }) });
  });
});
