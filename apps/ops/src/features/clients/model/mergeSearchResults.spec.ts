import { describe, expect, it } from 'vitest';
import { mergeSearchResults, missingCustomerIds, type LookupHits, type SearchCustomerRow } from './mergeSearchResults';
import { buildSearchPlan, type SearchLookup } from './searchPlan';

const josee: SearchCustomerRow = {
  name: 'CUST-00001',
  customer_name: 'Josée Tremblay',
  mobile_no: '514-555-0142',
  email_id: 'josee.tremblay@videotron.ca',
  territory: 'Montréal',
  custom_account_status: 'Active',
};
const marc: SearchCustomerRow = { ...josee, name: 'CUST-00002', customer_name: 'Marc Tremblay', mobile_no: '(450) 555-0177', email_id: null };

const lookup = (term: string, kind: string): SearchLookup => buildSearchPlan(term).find((l) => l.kind === kind) as SearchLookup;

describe('mergeSearchResults', () => {
  it('gives one result per client with every reason it matched, strongest first', () => {
    const hits: LookupHits[] = [
      { lookup: lookup('tremblay', 'name'), rows: [josee, marc] },
      { lookup: lookup('tremblay', 'email'), rows: [josee] },
      { lookup: lookup('tremblay', 'address'), rows: [{ name: 'LOC-000099', customer: 'CUST-00099', address_line: '12, rue Tremblay', city: 'Laval', postal_code: 'H7M 2P9' }] },
    ];
    const results = mergeSearchResults(hits, [{ ...marc, name: 'CUST-00099', customer_name: 'Anne Roy' }]);
    expect(results.map((r) => [r.id, r.reasons.map((x) => x.kind)])).toEqual([
      ['CUST-00001', ['name', 'email']],
      ['CUST-00002', ['name']],
      ['CUST-00099', ['address']],
    ]);
    expect(results[2]?.customer?.customer_name).toBe('Anne Roy');
    expect(results[2]?.reasons[0]).toMatchObject({ value: '12, rue Tremblay', detail: 'Laval H7M 2P9' });
  });

  it('ranks exact identifiers before partial matches', () => {
    const hits: LookupHits[] = [
      { lookup: lookup('5145550142', 'phone'), rows: [marc, josee] },
      { lookup: lookup('5145550142', 'serial'), rows: [{ name: 'EQ-1', customer: 'CUST-00003', serial_no: '22365145550142', mac_address: null, equipment_type: 'Router', model: 'Deco X55' }] },
    ];
    const results = mergeSearchResults(hits);
    expect(results.map((r) => [r.id, r.reasons[0]?.kind, r.reasons[0]?.exact])).toEqual([
      ['CUST-00001', 'phone', true],
      ['CUST-00003', 'serial', false],
      ['CUST-00002', 'phone', false],
    ]);
    expect(results[1]?.customer).toBeNull();
    expect(results[1]?.reasons[0]?.detail).toBe('Router Deco X55');
  });

  it('treats a phone stored with its country code as the same number', () => {
    const kevin = { ...josee, name: 'CUST-00003', mobile_no: '+1 438 555 0123' };
    const [result] = mergeSearchResults([{ lookup: lookup('438 555-0123', 'phone'), rows: [kevin] }]);
    expect(result?.reasons[0]?.exact).toBe(true);
  });

  it('skips equipment that belongs to nobody, and caps the list', () => {
    const stock = { name: 'EQ-2', customer: null, serial_no: 'ALCL00000001', mac_address: null, equipment_type: 'ONT', model: null };
    expect(mergeSearchResults([{ lookup: lookup('alcl00000001', 'serial'), rows: [stock] }])).toEqual([]);
    const many = Array.from({ length: 30 }, (_, i) => ({ ...josee, name: `CUST-${i}` }));
    expect(mergeSearchResults([{ lookup: lookup('tremblay', 'name'), rows: many }], [], 20)).toHaveLength(20);
  });
});

describe('missingCustomerIds', () => {
  it('lists the clients found through a location or a device that no customer lookup returned', () => {
    const hits: LookupHits[] = [
      { lookup: lookup('tremblay', 'name'), rows: [josee] },
      {
        lookup: lookup('tremblay', 'address'),
        rows: [
          { name: 'LOC-1', customer: 'CUST-00001', address_line: 'x', city: null, postal_code: null },
          { name: 'LOC-2', customer: 'CUST-00050', address_line: 'y', city: null, postal_code: null },
          { name: 'LOC-3', customer: 'CUST-00050', address_line: 'z', city: null, postal_code: null },
        ],
      },
    ];
    expect(missingCustomerIds(hits)).toEqual(['CUST-00050']);
  });
});
