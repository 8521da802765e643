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
