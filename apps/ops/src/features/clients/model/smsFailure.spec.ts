import { describe, expect, it } from 'vitest';
import { smsFailureKey } from './smsFailure';

describe('smsFailureKey', () => {
  it('words Twilio’s send-time and carrier codes, and any other code generically', () => {
    expect(smsFailureKey(21610)).toBe('optedOut');
    expect(smsFailureKey(21211)).toBe('invalidNumber');
    expect([30003, 30004, 30005, 30006, 30007, 30008].map(smsFailureKey)).toEqual(['unreachable', 'blocked', 'unknownHandset', 'landline', 'filtered', 'carrier']);
    expect(smsFailureKey(12345)).toBe('unknown');
    expect(smsFailureKey(null)).toBeNull();
  });
});

describe('failure sentences', () => {
  it('exist in French and English for every key', async () => {
    const { frCA } = await import('../messages/frCA');
    const { enCA } = await import('../messages/enCA');
    const keys = [21610, 21211, 21614, 30001, 30002, 30003, 30004, 30005, 30006, 30007, 30008, 1].map((c) => smsFailureKey(c) as string);
    for (const k of keys) {
      expect((frCA.sms.failure as Record<string, string>)[k], k).toMatch(/\w/);
      expect((enCA.sms.failure as Record<string, string>)[k], k).toMatch(/\w/);
    }
  });
});
