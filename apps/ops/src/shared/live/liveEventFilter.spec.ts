import { describe, expect, it } from 'vitest';
import type { DocChangeEvent } from '@gigafibre/contracts';
import { matchesFilter, parseDocChange, parseIncidentEvent } from './liveEventFilter';

const comment: DocChangeEvent = {
  doctype: 'Comment',
  name: 'a1b2c3',
  action: 'insert',
  changed: ['content'],
  by: 'support@gigafibre.ca',
  at: '2025-11-26T19:00:00.000Z',
  refs: [{ doctype: 'Customer', name: 'CUST-00001' }],
};

describe('parseDocChange', () => {
  it('keeps the refs and modified the hub sends, dropping malformed refs', () => {
    const parsed = parseDocChange(
      JSON.stringify({ ...comment, modified: '2025-11-26 14:00:00.000000', refs: [...(comment.refs ?? []), { doctype: 3 }, null] }),
    );
    expect(parsed?.refs).toEqual([{ doctype: 'Customer', name: 'CUST-00001' }]);
    expect(parsed?.modified).toBe('2025-11-26 14:00:00.000000');
    expect(parseDocChange(JSON.stringify({ doctype: 'Issue', name: 'ISS-1' }))).not.toHaveProperty('refs');
  });
});

describe('matchesFilter', () => {
  it('matches by a document the change concerns (itself or one of its refs)', () => {
    expect(matchesFilter({ doctype: 'Comment', ref: { doctype: 'Customer', name: 'CUST-00001' } }, comment)).toBe(true);
    expect(matchesFilter({ ref: { doctype: 'Customer', name: 'CUST-00002' } }, comment)).toBe(false);
    expect(matchesFilter({ ref: { doctype: 'Comment', name: 'a1b2c3' } }, comment)).toBe(true);
    expect(matchesFilter({ doctype: 'Issue', ref: { doctype: 'Customer', name: 'CUST-00001' } }, comment)).toBe(false);
    expect(matchesFilter({ ref: { doctype: 'Customer', name: 'CUST-00001' } }, { ...comment, refs: undefined })).toBe(false);
  });
});

describe('parseIncidentEvent', () => {
  it('reads an incident change and refuses anything else', () => {
    const element = { id: 'OLT-LAV-01', kind: 'olt', name: 'OLT Laval 01', parent: 'ZONE-LAV', zone: 'ZONE-LAV' };
    const incident = { id: 'INC-000001', element, monitor: { id: 101, name: 'OLT Laval 01' }, status: 'open', opened_at: '2026-06-15T14:00:00.000Z', resolved_at: null, last_message: 'timeout', affected_count: 3, updated_at: '2026-06-15T14:00:00.000Z' };
    const change = { at: '2026-06-15T14:00:00.000Z', kind: 'opened', monitor_status: 0, message: 'timeout' };
    expect(parseIncidentEvent(JSON.stringify({ incident, change }))).toEqual({ incident, change });
    expect(parseIncidentEvent(JSON.stringify({ incident: { ...incident, status: 'weird' }, change }))).toBeNull();
    expect(parseIncidentEvent(JSON.stringify({ incident }))).toBeNull();
    expect(parseIncidentEvent('{oops')).toBeNull();
  });
});
