import { describe, expect, it } from 'vitest';
import { smsMessage } from '../testing/smsMessage';
import { buildThread, upsertMessage } from './conversationThread';
import { newOutboxRecord } from './smsOutboxRecord';

describe('upsertMessage', () => {
  it('adds a new message in newest-first order and replaces a known one unless the update is older', () => {
    const list = [smsMessage('SM2', '2026-12-07T15:02:00.000Z'), smsMessage('SM1', '2026-12-07T15:01:00.000Z')];
    const added = upsertMessage(list, smsMessage('SM3', '2026-12-07T15:03:00.000Z'));
    expect(added.map((m) => m.sid)).toEqual(['SM3', 'SM2', 'SM1']);
    const delivered = upsertMessage(added, smsMessage('SM2', '2026-12-07T15:02:00.000Z', { status: 'delivered', date_updated: '2026-12-07T15:02:05.000Z' }));
    expect(delivered[1]?.status).toBe('delivered');
    const stale = upsertMessage(delivered, smsMessage('SM2', '2026-12-07T15:02:00.000Z', { status: 'sending', date_updated: '2026-12-07T15:02:01.000Z' }));
    expect(stale[1]?.status).toBe('delivered');
  });
});

describe('buildThread', () => {
  it('puts the hub’s messages and this customer’s waiting records in time order, oldest first', () => {
    const inbound = smsMessage('SM1', '2026-12-07T15:01:00.000Z', { direction: 'inbound', from: '+15145550142', to: '+15145550000', sent_by: null, status: 'received' });
    const waiting = newOutboxRecord({ customer: 'CUST-00001', to: '+15145550142', body: 'Pas encore parti', template: null, user: 'support@gigafibre.ca' }, Date.parse('2026-12-07T15:05:00.000Z'), 'k-1');
    const other = newOutboxRecord({ customer: 'CUST-00002', to: '+15145550143', body: 'Autre client', template: null, user: 'support@gigafibre.ca' }, Date.parse('2026-12-07T15:06:00.000Z'), 'k-2');
    const thread = buildThread([smsMessage('SM2', '2026-12-07T15:02:00.000Z'), inbound], [waiting, other], 'CUST-00001', () => 'Sophie Tremblay');
    expect(thread.map((i) => [i.key, i.direction, i.status, i.by, i.number])).toEqual([
      ['SM1', 'in', 'received', null, '+15145550142'],
      ['SM2', 'out', 'sent', 'Sophie Tremblay', '+15145550142'],
      ['k-1', 'out', 'waiting', 'Sophie Tremblay', '+15145550142'],
    ]);
  });

  it('hides a waiting record the hub already shows (its event came before its answer)', () => {
    const record = newOutboxRecord({ customer: 'CUST-00001', to: '+15145550142', body: 'Bonjour', template: null, user: 'support@gigafibre.ca' }, Date.parse('2026-12-07T15:05:00.000Z'), 'k-1');
    const arrived = smsMessage('SM9', '2026-12-07T15:05:01.000Z', { body: 'Bonjour', idempotency_key: 'k-1' });
    expect(buildThread([arrived], [record], 'CUST-00001').map((i) => i.key)).toEqual(['SM9']);
    // The same words sent a moment earlier under another key (the user texted « Bonjour » twice): both show.
    const twin = smsMessage('SM8', '2026-12-07T15:04:59.500Z', { body: 'Bonjour', idempotency_key: 'k-0' });
    expect(buildThread([twin], [record], 'CUST-00001').map((i) => i.key)).toEqual(['SM8', 'k-1']);
  });
});
