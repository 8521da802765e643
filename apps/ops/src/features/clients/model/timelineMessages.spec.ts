import { describe, expect, it } from 'vitest';
import type { Message } from '@gigafibre/contracts';
import { buildTimeline } from './buildTimeline';
import { withMessages } from './timelineMessages';

const text = (sid: string, iso: string, over: Partial<Message> = {}): Message => ({
  sid,
  customer: 'CUST-00001',
  direction: 'outbound-api',
  from: '+15145550000',
  to: '+15145550142',
  body: `texte ${sid}`,
  status: 'delivered',
  error_code: null,
  segments: 1,
  encoding: 'GSM-7',
  sent_by: { email: 'support@gigafibre.ca', name: 'Sophie Tremblay' },
  template: null,
  job: null,
  idempotency_key: null,
  date_created: iso,
  date_updated: iso,
  ...over,
});

describe('withMessages', () => {
  it('places texts among ERPNext entries by Montréal wall time, newest first', () => {
    const entries = buildTimeline({
      comments: [
        { name: 'c1', content: 'Appel', comment_email: 'support@gigafibre.ca', comment_by: 'Sophie Tremblay', creation: '2026-12-07 10:00:00.000000' },
        { name: 'c2', content: 'Rappel', comment_email: 'support@gigafibre.ca', comment_by: 'Sophie Tremblay', creation: '2026-12-07 10:10:00.000000' },
      ],
      issues: [],
      jobs: [],
      payments: [],
      versions: [],
    });
    // 15:05 UTC is 10:05 in Montréal (EST).
    const merged = withMessages(entries, [text('SMout', '2026-12-07T15:05:00.000Z'), text('SMin', '2026-12-07T15:12:00.000Z', { direction: 'inbound', sent_by: null, status: 'received' })]);
    expect(merged.map((e) => e.id)).toEqual(['SMin', 'c2', 'SMout', 'c1']);
    expect(merged[2]).toMatchObject({ kind: 'sms', direction: 'out', by: 'Sophie Tremblay', text: 'texte SMout', status: 'delivered', at: '2026-12-07 10:05:00.000000' });
    expect(merged[0]).toMatchObject({ kind: 'sms', direction: 'in', by: null });
  });

  it('leaves the timeline as it is without texts', () => {
    expect(withMessages([], [])).toEqual([]);
  });
});
