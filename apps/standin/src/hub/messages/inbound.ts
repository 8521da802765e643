// Twilio's inbound-SMS webhook at the hub (`POST /twilio/sms`): a form-encoded POST (MessageSid,
// AccountSid, From, To, Body, NumSegments…) signed with X-Twilio-Signature instead of the hub's
// bearer token. Answered with empty TwiML (no auto-reply: Twilio itself answers STOP/START).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { NANP_E164 } from '@gigafibre/contracts';
import { mediaType, readBody } from '../../http/body';
import { sendJson } from '../../http/respond';
import type { Messaging } from './messaging';
import { isValidTwilioSignature } from './twilioSignature';

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/** The URL Twilio called, as it signed it (behind a proxy: its forwarded scheme and host). */
export function calledUrl(req: IncomingMessage): string {
  const proto = String(req.headers['x-forwarded-proto'] ?? 'http').split(',')[0]?.trim() || 'http';
  const host = String(req.headers['x-forwarded-host'] ?? req.headers.host ?? 'localhost').split(',')[0]?.trim();
  return `${proto}://${host}${req.url ?? '/'}`;
}

export function inboundWebhook(messaging: Messaging, authToken: string, ourNumber: string) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'Méthode non permise' }, { Allow: 'POST' });
    if (mediaType(req) !== 'application/x-www-form-urlencoded') {
      return sendJson(res, 415, { error: 'Corps application/x-www-form-urlencoded attendu (webhook Twilio)' });
    }
    const params = new URLSearchParams((await readBody(req, 64 * 1024)).toString('utf8'));
    const signature = req.headers['x-twilio-signature'];
    if (!isValidTwilioSignature(authToken, typeof signature === 'string' ? signature : undefined, calledUrl(req), params)) {
      return sendJson(res, 403, { error: 'Signature X-Twilio-Signature invalide' });
    }
    const from = params.get('From') ?? '';
    const to = params.get('To') ?? '';
    const sid = params.get('MessageSid') ?? params.get('SmsSid') ?? '';
    if (!NANP_E164.test(from) || to !== ourNumber || !/^(SM|MM)[0-9a-f]{32}$/.test(sid)) {
      return sendJson(res, 400, { error: 'Webhook invalide : From, To (notre numéro) et MessageSid requis' });
    }
    messaging.receive({ from, to, body: params.get('Body') ?? '', sid });
    res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' });
    res.end(EMPTY_TWIML);
  };
}
