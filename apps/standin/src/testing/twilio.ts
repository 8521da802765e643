// Plays Twilio for tests: an inbound SMS posted to the hub's webhook as Twilio would (form fields,
// X-Twilio-Signature), so specs, benches and e2e can have a customer answer or text STOP:
//   await playInboundSms(hubUrl, { from: '+15145550142', body: 'STOP' });
import { randomBytes } from 'node:crypto';
import { TWILIO_INBOUND_PATH } from '@gigafibre/contracts';
import { STANDIN_DEFAULTS } from '../config';
import { twilioSignature } from '../hub/messages/twilioSignature';

export interface InboundSms {
  /** The customer's number, E.164. */
  from: string;
  body: string;
  /** Our Twilio number (default: the standin's). */
  to?: string;
  /** Twilio's MessageSid (default: a new one); the same one twice is a webhook retry. */
  sid?: string;
  /** The auth token to sign with (default: the standin's). */
  authToken?: string;
}

/** The form Twilio posts for an inbound SMS (the fields the hub reads, and a few it ignores). */
export function inboundSmsForm(sms: InboundSms): URLSearchParams {
  const sid = sms.sid ?? `SM${randomBytes(16).toString('hex')}`;
  return new URLSearchParams({
    ToCountry: 'CA',
    SmsMessageSid: sid,
    NumMedia: '0',
    SmsSid: sid,
    SmsStatus: 'received',
    Body: sms.body,
    To: sms.to ?? STANDIN_DEFAULTS.twilioNumber,
    NumSegments: '1',
    MessageSid: sid,
    AccountSid: 'AC00000000000000000000000000000000',
    From: sms.from,
    ApiVersion: '2010-04-01',
  });
}

/** Posts a signed inbound SMS to the hub at `hubUrl`; resolves to the webhook's response. */
export async function playInboundSms(hubUrl: string, sms: InboundSms): Promise<Response> {
  const url = new URL(TWILIO_INBOUND_PATH, hubUrl).toString();
  const form = inboundSmsForm(sms);
  return fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Twilio-Signature': twilioSignature(sms.authToken ?? STANDIN_DEFAULTS.twilioAuthToken, url, form),
    },
    body: form.toString(),
  });
}
