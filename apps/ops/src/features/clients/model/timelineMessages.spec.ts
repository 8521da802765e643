import { describe, expect, it } from 'vitest';
import { smsMessage } from '../testing/smsMessage';
import { buildTimeline } from './buildTimeline';
import { withMessages } from './timelineMessages';

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
    const merged = withMessages(entries, [smsMessage('SMout', '2026-12-07T15:05:00.000Z', { status: 'delivered' }), smsMessage('SMin', '2026-12-07T15:12:00.000Z', { direction: 'inbound', sent_by: null, status: 'received' })]);
    expect(merged.map((e) => e.id)).toEqual(['SMin', 'c2', 'SMout', 'c1']);
    expect(merged[2]).toMatchObject({ kind: 'sms', direction: 'out', by: 'Sophie Tremblay', text: 'texte SMout', status: 'delivered', at: '2026-12-07 10:05:00.000000' });
    expect(merged[0]).toMatchObject({ kind: 'sms', direction: 'in', by: null });
  });

  it('leaves the timeline as it is without texts', () => {
    expect(withMessages([], [])).toEqual([]);
  });
});
