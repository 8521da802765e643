// Why a text did not reach the customer, from Twilio's error code (twilio.com/docs/api/errors):
// the key of a French sentence under `clients.messages.failure`. Codes met at send time (21xxx) and
// carrier delivery failures (300xx) are worded; any other code gets the generic sentence with its number.

export type SmsFailureKey =
  | 'optedOut'
  | 'invalidNumber'
  | 'notMobile'
  | 'queueOverflow'
  | 'accountSuspended'
  | 'unreachable'
  | 'blocked'
  | 'unknownHandset'
  | 'landline'
  | 'filtered'
  | 'carrier'
  | 'unknown';

const BY_CODE: Readonly<Record<number, SmsFailureKey>> = {
  21610: 'optedOut', // Attempt to send to unsubscribed recipient (replied STOP)
  21211: 'invalidNumber', // Invalid 'To' phone number
  21614: 'notMobile', // 'To' number is not a valid mobile number
  21635: 'landline', // 'To' number cannot be a landline
  30001: 'queueOverflow', // Queue overflow: too many messages at once
  30002: 'accountSuspended', // Account suspended
  30003: 'unreachable', // Unreachable destination handset (off, no signal)
  30004: 'blocked', // Message blocked (the recipient or their carrier blocks it)
  30005: 'unknownHandset', // Unknown destination handset (number not in service)
  30006: 'landline', // Landline or unreachable carrier
  30007: 'filtered', // Message filtered by the carrier (spam rules)
  30008: 'carrier', // Unknown error from the carrier
};

/** The sentence's key for `code`; null when there is no error. */
export function smsFailureKey(code: number | null | undefined): SmsFailureKey | null {
  if (code === null || code === undefined) return null;
  return BY_CODE[code] ?? 'unknown';
}
