import { describe, expect, it } from 'vitest';
import { isFinalMessageStatus, optKeyword, sendMessageSchema, toE164, twilioErrorText } from './hub-messages';

describe('optKeyword', () => {
  it('knows Twilio’s opt-out and opt-in keywords, and the French ones, whatever the case, accents and spaces', () => {
    for (const body of ['STOP', 'stop', ' Stop \n', 'STOPALL', 'unsubscribe', 'Cancel', 'END', 'quit', 'ARRET', 'arrêt', 'Arrêt ']) {
      expect(optKeyword(body), body).toBe('opt_out');
    }
    for (const body of ['START', 'start', 'Yes', ' unstop ']) expect(optKeyword(body), body).toBe('opt_in');
  });

  it('is no keyword inside a sentence', () => {
    for (const body of ['stop please', 'Oui', 'Merci, à demain', '', 'STOPP', 'arrête']) expect(optKeyword(body), body).toBeNull();
  });
});

describe('toE164', () => {
  it('writes NANP numbers as E.164', () => {
    expect(toE164('514-555-0142')).toBe('+15145550142');
    expect(toE164('(438) 555 0199')).toBe('+14385550199');
    expect(toE164('15145550142')).toBe('+15145550142');
    expect(toE164('+15145550142')).toBe('+15145550142');
  });

  it('refuses what is not a NANP number', () => {
    for (const bad of ['', '555-0142', '+33612345678', '+10145550142', '+15141550142', '514555014', 'abc']) expect(toE164(bad), bad).toBeNull();
  });
});

describe('sendMessageSchema', () => {
  it('takes a message and refuses unknown fields (no sender from the browser)', () => {
    expect(sendMessageSchema().safeParse({ customer: 'CUST-1', to: '+15145550142', body: 'Bonjour' }).success).toBe(true);
    expect(sendMessageSchema().safeParse({ customer: 'CUST-1', to: '+15145550142', body: 'Bonjour', template: 'generic', job: null }).success).toBe(true);
    expect(sendMessageSchema().safeParse({ customer: 'CUST-1', to: '+15145550142', body: 'x', sent_by: { email: 'a@b.c', name: 'A' } }).success).toBe(false);
    expect(sendMessageSchema().safeParse({ customer: '', to: '+15145550142', body: 'x' }).success).toBe(false);
  });
});

describe('statuses and errors', () => {
  it('says which statuses are final', () => {
    expect(isFinalMessageStatus('delivered')).toBe(true);
    expect(isFinalMessageStatus('undelivered')).toBe(true);
    expect(isFinalMessageStatus('sent')).toBe(false);
    expect(isFinalMessageStatus('queued')).toBe(false);
  });

  it('explains Twilio codes in French, unknown ones too', () => {
    expect(twilioErrorText(21610)).toMatch(/STOP/);
    expect(twilioErrorText(30003)).toMatch(/injoignable/);
    expect(twilioErrorText(12345)).toMatch(/12345/);
  });
});
