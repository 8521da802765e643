import { describe, expect, it } from 'vitest';
import type { DocChangeEvent } from '@gigafibre/contracts';
import { linkAnchors, listMayHold } from './listRelevance';

const issue = (over: Partial<DocChangeEvent> = {}): DocChangeEvent => ({ doctype: 'Issue', name: 'ISS-9', action: 'insert', changed: [], by: null, at: '', refs: [{ doctype: 'Customer', name: 'CUST-2' }], ...over });

describe('listMayHold', () => {
  const filters: [string, '=', string][] = [['customer', '=', 'CUST-1']];

  it('reads Link filters as anchors (list or dict form), not other filters', () => {
    expect(linkAnchors('Issue', filters)).toEqual([{ doctype: 'Customer', name: 'CUST-1' }]);
    expect(linkAnchors('Issue', { customer: 'CUST-1', status: 'Open' })).toEqual([{ doctype: 'Customer', name: 'CUST-1' }]);
    expect(linkAnchors('Issue', [['status', '=', 'Open']])).toEqual([]);
  });

  it('ignores another client’s ticket, takes one pointing (now or before) at this client', () => {
    expect(listMayHold('Issue', filters, new Set(), issue())).toBe(false);
    expect(listMayHold('Issue', filters, new Set(), issue({ refs: [{ doctype: 'Customer', name: 'CUST-2' }, { doctype: 'Customer', name: 'CUST-1' }] }))).toBe(true);
  });

  it('takes a change to a row it shows, any change when it has no Link filter, and events without refs', () => {
    expect(listMayHold('Issue', filters, new Set(['ISS-9']), issue())).toBe(true);
    expect(listMayHold('Issue', [['status', '=', 'Open']], new Set(), issue())).toBe(true);
    const { refs: _none, ...bare } = issue();
    expect(listMayHold('Issue', filters, new Set(), bare)).toBe(true);
    expect(listMayHold('Comment', filters, new Set(), issue())).toBe(false);
  });
});
