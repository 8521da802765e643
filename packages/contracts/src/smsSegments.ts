// How many SMS segments a text takes, as the carrier bills it (3GPP TS 23.038 and 23.040; Twilio
// counts the same way). Shared by the composer's counter and whatever refuses a message past
// MAX_SMS_SEGMENTS, so both always agree.
//
// - GSM-7 when every character is in the GSM 03.38 default alphabet or its extension table:
//   160 septets in one segment, 153 per segment once split (the rest holds the concatenation
//   header). An extension character ( € [ ] { } \ ^ ~ | and form feed) takes two septets (escape +
//   character), and the pair is never split across segments.
// - UCS-2 otherwise, e.g. one « ê » or « ç » in a French text (« é », « è », « à » are GSM-7):
//   70 UTF-16 units in one segment, 67 per segment once split; a character outside the BMP (an emoji)
//   takes two units, never split.

/** Twilio advises at most 10 segments; longer messages are refused before sending. */
export const MAX_SMS_SEGMENTS = 10;

/** The default alphabet's 128 positions but the escape (0x1B), which no one types. */
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENSION = '\f^{}\\[~]|€';

export const GSM7_BASIC_SIZE = GSM7_BASIC.length;
const BASIC = new Set(GSM7_BASIC);
const EXTENSION = new Set(GSM7_EXTENSION);

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSegments {
  encoding: SmsEncoding;
  /** Segments the text takes (0 for an empty text). */
  segments: number;
  /** Septets (GSM-7) or UTF-16 units (UCS-2) the text takes. */
  units: number;
  /** Units a segment holds at this length: 160 / 70 alone, 153 / 67 once split. */
  perSegment: number;
  /** Units still free in the last segment before another one starts. */
  remaining: number;
  /** The characters that force UCS-2, each once, in the order they appear. */
  nonGsm: string[];
}

/** The segments `text` takes, and why (its encoding and the characters that decided it). */
export function smsSegments(text: string): SmsSegments {
  const characters = [...text]; // code points: an emoji is one character of two UTF-16 units
  const nonGsm = [...new Set(characters.filter((c) => !BASIC.has(c) && !EXTENSION.has(c)))];
  const encoding: SmsEncoding = nonGsm.length === 0 ? 'GSM-7' : 'UCS-2';
  const sizes = characters.map((c) => (encoding === 'GSM-7' ? (EXTENSION.has(c) ? 2 : 1) : c.length));
  const units = sizes.reduce((sum, size) => sum + size, 0);
  const single = encoding === 'GSM-7' ? 160 : 70;
  const split = encoding === 'GSM-7' ? 153 : 67;
  if (units <= single) return { encoding, segments: units === 0 ? 0 : 1, units, perSegment: single, remaining: single - units, nonGsm };
  // Split: fill each segment with whole characters (an escape pair or a surrogate pair stays together).
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > split) {
      segments += 1;
      used = 0;
    }
    used += size;
  }
  return { encoding, segments, units, perSegment: split, remaining: split - used, nonGsm };
}
