// X-Twilio-Signature as Twilio documents it (twilio.com/docs/usage/webhooks/webhooks-security):
// the full URL Twilio called, then each POST parameter sorted by name, appended as name + value
// with no separator; HMAC-SHA1 of that with the account's auth token; base64.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The signature Twilio sends for a form POST of `params` to `url`. */
export function twilioSignature(authToken: string, url: string, params: URLSearchParams | Record<string, string>): string {
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  // Sorted by name; a repeated name keeps its values in order (a stable sort).
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  let data = url;
  for (const [name, value] of entries) data += name + value;
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

/** True when `signature` is Twilio's for this request (constant-time comparison). */
export function isValidTwilioSignature(authToken: string, signature: string | undefined, url: string, params: URLSearchParams): boolean {
  if (!signature) return false;
  const expected = Buffer.from(twilioSignature(authToken, url, params));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
