import { describe, expect, it } from 'vitest';
import { buildSearchPlan, customersByIdCall, listCallQuery, lookupCall, type SearchLookup } from './searchPlan';

const kinds = (term: string) => buildSearchPlan(term).map((l) => l.kind);
const only = (term: string): SearchLookup => {
  const plan = buildSearchPlan(term);
  expect(plan, term).toHaveLength(1);
  return plan[0] as SearchLookup;
};

describe('buildSearchPlan', () => {
  it('looks a phone number up by its digits, however it is typed', () => {
    for (const typed of ['514 555-0142', '(514) 555-0142', '+1 514 555 0142', '1-514-555-0142']) {
      const lookup = only(typed);
      expect(lookup).toMatchObject({ kind: 'phone', doctype: 'Customer', filters: [['custom_phone_digits', 'like', '%5145550142%']] });
      expect(lookup.needle).toEqual({ mode: 'digits', parts: ['5145550142'] });
    }
    // Bare digits may also be part of a serial.
    expect(buildSearchPlan('5145550142').map((l) => [l.kind, l.filters])).toEqual([
      ['phone', [['custom_phone_digits', 'like', '%5145550142%']]],
      ['serial', [['serial_no', 'like', '%5145550142%']]],
    ]);
  });

  it('looks short numbers up as account numbers, exactly', () => {
    expect(buildSearchPlan('42')).toEqual([
      { kind: 'account', doctype: 'Customer', filters: [['name', '=', 'CUST-00042']], needle: { mode: 'alnum', parts: ['CUST-00042'] } },
    ]);
    expect(only('cust-42').filters).toEqual([['name', '=', 'CUST-00042']]);
    expect(kinds('0142')).toEqual(['account', 'phone']);
    expect(kinds('22365')).toEqual(['account', 'phone', 'serial']);
  });

  it('looks words up in names (every word), e-mails and street addresses', () => {
    const plan = buildSearchPlan('  josée   tremblay ');
    expect(plan.map((l) => [l.kind, l.doctype, l.filters, l.orFilters])).toEqual([
      ['name', 'Customer', [], [['customer_name', 'like', '%josée%tremblay%'], ['customer_name', 'like', '%tremblay%josée%']]],
      ['address', 'Service Location', [], [['address_line', 'like', '%josée%tremblay%'], ['address_line', 'like', '%tremblay%josée%']]],
    ]);
    expect(plan[0]?.needle).toEqual({ mode: 'text', parts: ['josée', 'tremblay'] });
    expect(buildSearchPlan('Gagnon')[0]).toMatchObject({ kind: 'name', filters: [['customer_name', 'like', '%Gagnon%']] });
    expect(buildSearchPlan('Gagnon')[0]).not.toHaveProperty('orFilters');
    expect(kinds('tremblay')).toEqual(['name', 'email', 'address']);
    expect(kinds('4512 saint-denis')).toEqual(['name', 'address']);
  });

  it('looks an e-mail up alone', () => {
    expect(only('Josee.Tremblay@videotron').filters).toEqual([['email_id', 'like', '%Josee.Tremblay@videotron%']]);
  });

  it('looks a postal code up by pattern, with or without its space', () => {
    for (const typed of ['H2J 2L3', 'h2j2l3']) {
      expect(only(typed)).toMatchObject({ kind: 'postal', doctype: 'Service Location', filters: [['postal_code', 'like', 'H2J%2L3%']] });
    }
  });

  it('looks equipment up by serial and MAC', () => {
    expect(buildSearchPlan('alclb2c4d601').find((l) => l.kind === 'serial')?.filters).toEqual([['serial_no', 'like', '%ALCLB2C4D601%']]);
    expect(kinds('alclb2c4d601')).toEqual(['serial']);
    expect(kinds('jean.roy42')).toEqual(['email']);
    const mac = only('a4-e3-1b-2c-4d-01');
    expect(mac).toMatchObject({ kind: 'mac', doctype: 'Service Equipment', filters: [], orFilters: [['mac_address', 'like', '%A4:E3:1B:2C:4D:01%']] });
    expect(only('A4E3.1B2C.4D01').orFilters).toEqual([['mac_address', 'like', '%A4:E3:1B:2C:4D:01%']]);
    const bare = buildSearchPlan('e848b8').find((l) => l.kind === 'mac');
    expect(bare?.orFilters).toEqual([
      ['mac_address', 'like', '%E8:48:B8%'],
      ['mac_address', 'like', '%E:84:8B:8%'],
    ]);
  });

  it('searches nothing for a blank or one-character term', () => {
    expect(buildSearchPlan('')).toEqual([]);
    expect(buildSearchPlan(' a ')).toEqual([]);
    expect(buildSearchPlan('%%')).toEqual([]);
  });
});

describe('list calls', () => {
  it('asks each doctype for the fields the results show, a few rows per lookup', () => {
    const [phone] = buildSearchPlan('514 555-0142');
    expect(lookupCall(phone as SearchLookup)).toEqual({
      doctype: 'Customer',
      fields: ['name', 'customer_name', 'mobile_no', 'email_id', 'territory', 'custom_account_status'],
      filters: [['custom_phone_digits', 'like', '%5145550142%']],
      limit: 8,
    });
    expect(customersByIdCall(['CUST-00001', 'CUST-00002'])).toMatchObject({ filters: [['name', 'in', ['CUST-00001', 'CUST-00002']]], limit: 2 });
  });

  it('encodes a call as Frappe query parameters', () => {
    const mac = only('aa-bb-cc');
    expect(listCallQuery(lookupCall(mac, 5))).toEqual({
      fields: '["name","customer","serial_no","mac_address","equipment_type","model"]',
      filters: '[]',
      or_filters: '[["mac_address","like","%AA:BB:CC%"]]',
      limit_page_length: '5',
    });
  });
});
