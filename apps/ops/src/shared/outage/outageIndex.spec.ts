import { describe, expect, it } from 'vitest';
import type { Incident, IncidentEvent } from '@gigafibre/contracts';
import { applyIncidentEvent, buildLookup, changesAffected } from './outageIndex';

const incident = (id: string, opened_at: string, status: Incident['status'] = 'open'): Incident => ({
  id,
  element: { id: 'OLT-LAV-01', kind: 'olt', name: 'OLT Laval 01', parent: 'ZONE-LAV', zone: 'ZONE-LAV' },
  monitor: { id: 101, name: 'OLT Laval 01' },
  status,
  opened_at,
  resolved_at: status === 'resolved' ? opened_at : null,
  last_message: 'timeout',
  affected_count: 2,
  updated_at: opened_at,
});
const event = (i: Incident, kind: IncidentEvent['change']['kind']): IncidentEvent => ({ incident: i, change: { at: i.updated_at, kind, monitor_status: i.status === 'open' ? 0 : 1, message: 'x' } });

describe('outage index', () => {
  it('maps customers and locations to the oldest open incident touching them', () => {
    const lookup = buildLookup({
      data: [
        { incident: 'INC-1', customers: ['CUST-1', 'CUST-2'], service_locations: ['LOC-1', 'LOC-2'] },
        { incident: 'INC-2', customers: ['CUST-2', 'CUST-3'], service_locations: ['LOC-2', 'LOC-3'] },
      ],
    });
    expect(lookup.customers.get('CUST-2')).toBe('INC-1');
    expect(lookup.customers.get('CUST-3')).toBe('INC-2');
    expect(lookup.locations.get('LOC-3')).toBe('INC-2');
    expect(lookup.customers.get('CUST-9')).toBeUndefined();
  });

  it('keeps the open incidents oldest first: added, replaced, removed when resolved', () => {
    const a = incident('INC-1', '2026-06-15T10:00:00Z');
    const b = incident('INC-2', '2026-06-15T09:00:00Z');
    let open = applyIncidentEvent([], event(a, 'opened'));
    open = applyIncidentEvent(open, event(b, 'opened'));
    expect(open.map((i) => i.id)).toEqual(['INC-2', 'INC-1']);
    open = applyIncidentEvent(open, event({ ...a, last_message: 'encore' }, 'down'));
    expect(open.find((i) => i.id === 'INC-1')?.last_message).toBe('encore');
    open = applyIncidentEvent(open, event(incident('INC-2', '2026-06-15T09:00:00Z', 'resolved'), 'resolved'));
    expect(open.map((i) => i.id)).toEqual(['INC-1']);
  });

  it('reads the index again only when who is affected may change', () => {
    const a = incident('INC-1', '2026-06-15T10:00:00Z');
    expect(changesAffected(event(a, 'opened'))).toBe(true);
    expect(changesAffected(event(a, 'reopened'))).toBe(true);
    expect(changesAffected(event(a, 'down'))).toBe(false);
    expect(changesAffected(event(a, 'pending'))).toBe(false);
  });
});
