import { describe, expect, it } from 'vitest';
import { inboundNotice, noticeExcerpt } from './inboundSmsNotice';

const event = (over: Record<string, unknown> = {}, message: Record<string, unknown> = {}) => ({
  action: 'created',
  customer: 'CUST-00001',
  message: { sid: 'SM1', direction: 'inbound', customer: 'CUST-00001', body: 'Oui, 14 h me convient', ...message },
  ...over,
});

describe('inboundNotice', () => {
  it('takes a new inbound text routed to a customer', () => {
    expect(inboundNotice(event())).toEqual({ customer: 'CUST-00001', sid: 'SM1', body: 'Oui, 14 h me convient' });
  });

  it('ignores status updates, our own texts, texts from unknown numbers and anything malformed', () => {
    expect(inboundNotice(event({ action: 'updated' }))).toBeNull();
    expect(inboundNotice(event({}, { direction: 'outbound-api' }))).toBeNull();
    expect(inboundNotice(event({ customer: null }, { customer: null }))).toBeNull();
    expect(inboundNotice({ action: 'created' })).toBeNull();
    expect(inboundNotice('nope')).toBeNull();
  });
});

describe('noticeExcerpt', () => {
  it('keeps one line and cuts long texts', () => {
    expect(noticeExcerpt('Bonjour\n\nmerci')).toBe('Bonjour merci');
    expect(noticeExcerpt('a'.repeat(200), 10)).toBe(`${'a'.repeat(9)}…`);
  });
});
