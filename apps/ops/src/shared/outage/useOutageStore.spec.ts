// The outage store against a fake network: one read of the open incidents and the index, then the
// live `incident` events keep it current (the index read again only when who is touched changes).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { AffectedIndex, Incident, IncidentList } from '@gigafibre/contracts';
import { useLiveStore } from '../live';
import { useSessionStore } from '../session/useSessionStore';
import { useOutageStore } from './useOutageStore';

const incident = (status: Incident['status'] = 'open'): Incident => ({
  id: 'INC-000001',
  element: { id: 'OLT-LAV-01', kind: 'olt', name: 'OLT Laval 01', parent: 'ZONE-LAV', zone: 'ZONE-LAV' },
  monitor: { id: 106, name: 'OLT Laval 01' },
  status,
  opened_at: '2026-06-15T14:00:00.000Z',
  resolved_at: status === 'open' ? null : '2026-06-15T15:00:00.000Z',
  last_message: 'timeout',
  affected_count: 2,
  updated_at: '2026-06-15T14:00:00.000Z',
});

function fakeHub(open: Incident[], index: AffectedIndex) {
  const calls: string[] = [];
  const json = (body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } }));
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => {
      calls.push(url);
      if (url.includes('/hub/incidents/affected-index')) return json(index);
      if (url.includes('/hub/incidents')) return json({ data: open } satisfies IncidentList);
      return Promise.resolve(new Response('{}', { status: 404 }));
    }),
  );
  return calls;
}

function signIn(capabilities: string[]): void {
  const session = useSessionStore();
  session.user = { email: 'n@gigafibre.ca', name: 'Nadia', username: 'n', groups: [], capabilities: capabilities as never };
  session.status = 'ready';
}

beforeEach(() => setActivePinia(createPinia()));
afterEach(() => vi.unstubAllGlobals());

describe('outage store', () => {
  it('answers « affected » for the clients and addresses of an open incident, and follows live changes', async () => {
    const calls = fakeHub([incident()], { data: [{ incident: 'INC-000001', customers: ['CUST-1'], service_locations: ['LOC-1'] }] });
    signIn(['incidents.view']);
    const outage = useOutageStore();
    const live = useLiveStore();
    const listeners: ((e: Parameters<Parameters<typeof live.subscribeIncidents>[0]>[0]) => void)[] = [];
    vi.spyOn(live, 'subscribeIncidents').mockImplementation((l) => (listeners.push(l), () => undefined));
    outage.start();
    await vi.waitFor(() => expect(outage.forCustomer('CUST-1')?.id).toBe('INC-000001'));
    expect(outage.forLocation('LOC-1')?.element.name).toBe('OLT Laval 01');
    expect(outage.forCustomer('CUST-2')).toBeUndefined();
    expect(calls.filter((u) => u.includes('affected-index'))).toHaveLength(1);

    // A repeat down: the banner's text changes, the index is not read again.
    listeners[0]?.({ incident: { ...incident(), last_message: 'encore' }, change: { at: '2026-06-15T14:05:00.000Z', kind: 'down', monitor_status: 0, message: 'encore' } });
    expect(outage.open[0]?.last_message).toBe('encore');
    expect(calls.filter((u) => u.includes('affected-index'))).toHaveLength(1);

    // Resolved: nobody is affected any more, at once.
    listeners[0]?.({ incident: incident('resolved'), change: { at: '2026-06-15T15:00:00.000Z', kind: 'resolved', monitor_status: 1, message: '' } });
    expect(outage.open).toEqual([]);
    expect(outage.forCustomer('CUST-1')).toBeUndefined();
  });

  it('gives a user without incidents.view the open incidents (the banner), never whom they touch', async () => {
    const calls = fakeHub([incident()], { data: [{ incident: 'INC-000001', customers: ['CUST-1'], service_locations: ['LOC-1'] }] });
    signIn(['scan.use']);
    const outage = useOutageStore();
    outage.start();
    await vi.waitFor(() => expect(outage.open.map((i) => i.id)).toEqual(['INC-000001']));
    expect(calls.some((u) => u.includes('affected-index'))).toBe(false);
    expect(outage.forCustomer('CUST-1')).toBeUndefined();
  });
});
