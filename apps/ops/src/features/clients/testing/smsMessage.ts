// A hub Message for the clients feature's specs: an outbound text to CUST-00001's mobile, sent by
// Sophie Tremblay, its body « texte <sid> »; `over` changes what a test is about.
import type { Message } from '@gigafibre/contracts';

export function smsMessage(sid: string, at: string, over: Partial<Message> = {}): Message {
  return {
    sid,
    customer: 'CUST-00001',
    direction: 'outbound-api',
    from: '+15145550000',
    to: '+15145550142',
    body: `texte ${sid}`,
    status: 'sent',
    error_code: null,
    segments: 1,
    encoding: 'GSM-7',
    sent_by: { email: 'support@gigafibre.ca', name: 'Sophie Tremblay' },
    template: null,
    job: null,
    idempotency_key: null,
    date_created: at,
    date_updated: at,
    ...over,
  };
}
