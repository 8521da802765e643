import { describe, expect, it } from 'vitest';
import type { AffectedCustomer } from '@gigafibre/contracts';
import { fraction, notifyTargets, outageText, parseProgress, record, remaining, startProgress } from './bulkNotify';

const row = (customer: string, mobile_no: string | null, language: string | null = 'fr', service_location = `LOC-${customer}`): AffectedCustomer => ({
  customer,
  customer_name: customer,
  service_location,
  address_line: '1, rue X',
  city: 'Laval',
  pon: 'OLT-LAV-01/1/1',
  mobile_no,
  language,
});

describe('bulk outage text', () => {
  it('texts each client once, in their language, with the incident’s idempotency key; no mobile, no text', () => {
    const { targets, noMobile } = notifyTargets('INC-000001', [row('C1', '514-555-0142'), row('C1', '514-555-0142', 'fr', 'LOC-other'), row('C2', '(450) 555-0177', 'en'), row('C3', null), row('C4', '12')]);
    expect(targets.map((t) => [t.customer, t.to, t.key])).toEqual([
      ['C1', '+15145550142', 'incident:INC-000001:C1'],
      ['C2', '+14505550177', 'incident:INC-000001:C2'],
    ]);
    expect(targets[1]?.body).toBe(outageText('en'));
    expect(targets[0]?.body).toContain('panne');
    expect(noMobile).toBe(2);
  });

  it('resumes where it stopped: what was sent or refused as opted out is not sent again, a failure is retried', () => {
    const { targets } = notifyTargets('INC-1', [row('C1', '5145550101'), row('C2', '5145550102'), row('C3', '5145550103')]);
    let p = startProgress('INC-1', targets.length);
    p = record(p, 'C1', 'sent');
    p = record(p, 'C2', 'optedOut');
    p = record(p, 'C3', 'failed');
    expect(fraction(p)).toBe(1);
    expect(remaining(targets, p).map((t) => t.customer)).toEqual(['C3']);
    p = record(p, 'C3', 'sent');
    expect(p.failed).toEqual([]);
    expect(remaining(targets, p)).toEqual([]);
    expect(parseProgress(JSON.stringify(p), 'INC-1')).toEqual(p);
    expect(parseProgress(JSON.stringify(p), 'INC-2')).toBeNull();
    expect(parseProgress('{bad', 'INC-1')).toBeNull();
  });
});
