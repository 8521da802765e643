// What the composer refuses before anything leaves, with the same rules the hub applies
// (packages/contracts: toE164, smsSegments, MAX_SMS_SEGMENTS), so the hub's refusal is never the
// first the user hears of it.
import { MAX_SMS_SEGMENTS, smsSegments, toE164, type NumberOptState, type SmsSegments } from '@gigafibre/contracts';

export type ComposerRefusal = 'noNumber' | 'invalidNumber' | 'optedOut' | 'empty' | 'tooLong';

export interface ComposerCheck {
  /** The number as E.164, when valid. */
  to: string | null;
  count: SmsSegments;
  /** Why it cannot be sent now; null when it can. */
  refusal: ComposerRefusal | null;
}

/** Checks a draft to `mobile` (the customer's number as stored) given the number's opt-out state. */
export function checkComposer(mobile: string | null | undefined, body: string, opt: Pick<NumberOptState, 'opted_out'> | null): ComposerCheck {
  const count = smsSegments(body);
  const to = mobile ? toE164(mobile) : null;
  const refusal: ComposerRefusal | null = !mobile?.trim()
    ? 'noNumber'
    : !to
      ? 'invalidNumber'
      : opt?.opted_out
        ? 'optedOut'
        : body.trim() === ''
          ? 'empty'
          : count.segments > MAX_SMS_SEGMENTS
            ? 'tooLong'
            : null;
  return { to, count, refusal };
}

/** A character as the counter names it: visible, or its code point (a line break, an invisible space). */
export function showCharacter(c: string): string {
  return /^[\p{L}\p{N}\p{P}\p{S}]+$/u.test(c) ? c : `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
