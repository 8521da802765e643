// What a CSR types into the one search box, read as each kind of identifier it could be: a phone
// number in any format, a MAC with any separator, an equipment serial, a postal code, an account
// number, or plain words. Pure (no Vue, no DOM): the bench imports it to search as the SPA does.

/** The digits to look for in `custom_phone_digits` (10 digits, no leading 1), or null when `raw` is not phone-shaped. */
export function phoneSearchDigits(raw: string): string | null {
  const text = raw.trim();
  if (!/^\+?[\d\s().-]+$/.test(text)) return null;
  let digits = text.replace(/\D/g, '');
  // The country code is dropped when it is written as one (+1 …, 1-514-…) or makes 11 digits.
  const countryCode = /^\+1/.test(text) || /^1[\s.(-]/.test(text) || (digits.length === 11 && digits.startsWith('1'));
  if (countryCode && digits.startsWith('1')) digits = digits.slice(1);
  if (text.startsWith('+') && !/^\+1/.test(text)) return null; // another country: never in our NANP digits
  return digits.length >= 4 && digits.length <= 10 ? digits : null;
}

const MAC_CHARS = /^[0-9a-f:.\-\s]+$/i;

/** `hex` grouped in colon-separated bytes, the first group `offset` (0 or 1) characters long. */
function pairUp(hex: string, offset: 0 | 1): string {
  const groups = offset === 1 ? [hex.slice(0, 1)] : [];
  for (let i = offset; i < hex.length; i += 2) groups.push(hex.slice(i, i + 2));
  return groups.join(':');
}

/**
 * `like` patterns (without `%`) for `mac_address`, stored upper-case and colon-separated
 * (`AA:BB:CC:DD:EE:FF`), from a whole or partial MAC in any notation: `aa-bb-cc`, `AABB.CCDD.EEFF`,
 * `aabbccddeeff`, `10:00:01`. Separators tell where the bytes start; a bare hex run may start
 * mid-byte, so both alignments are searched. Null when `raw` does not look like (part of) a MAC.
 */
export function macSearchPatterns(raw: string): string[] | null {
  const text = raw.trim();
  if (!MAC_CHARS.test(text)) return null;
  const hex = text.replace(/[^0-9a-f]/gi, '').toUpperCase();
  if (hex.length < 4 || hex.length > 12) return null;
  const groups = text.split(/[:.\-\s]+/).filter((g) => g !== '');
  if (groups.length > 1) {
    // Bytes (2) or Cisco words (4) between separators; the ends may be cut mid-byte.
    const inner = groups.slice(1, -1);
    if (groups.some((g) => g.length > 4) || inner.some((g) => g.length !== 2 && g.length !== 4)) return null;
    return [pairUp(hex, ((groups[0] as string).length % 2) as 0 | 1)];
  }
  if (!/[a-f]/i.test(hex) && hex.length !== 12) return null; // plain digits are phones, accounts, serials
  return hex.length === 12 ? [pairUp(hex, 0)] : [pairUp(hex, 0), pairUp(hex, 1)];
}

/** An equipment serial (or part of one, ≥ 5 characters) upper-cased as stored, a label prefix (`S/N:`) dropped; null otherwise. */
export function serialSearchTerm(raw: string): string | null {
  const text = raw.trim().replace(/^(?:s\/?n|serial|n[o°]\.?\s*de\s*s[ée]rie)\s*[:#]?\s*/i, '');
  if (!/^[A-Z0-9][A-Z0-9-]{4,}$/i.test(text) || !/\d/.test(text)) return null;
  return text.toUpperCase();
}

/**
 * A `like` pattern for `postal_code` from a whole or partial Canadian postal code typed with or
 * without its space, in any case (`h2j2l3`, `H2J 2L3`, `h2j`): `H2J%2L3` also matches a code stored
 * without the space. Null when `raw` is not one.
 */
export function postalCodePattern(raw: string): string | null {
  const compact = raw.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]\d[A-Z](?:\d(?:[A-Z]\d?)?)?$/.test(compact)) return null;
  const fsa = compact.slice(0, 3);
  const rest = compact.slice(3);
  return rest === '' ? `${fsa}%` : `${fsa}%${rest}%`;
}

/** `CUST-00042` from `42`, `00042`, `cust-42`, `CUST 42`, `CUST-00042`; null otherwise. */
export function accountNumber(raw: string): string | null {
  const m = /^(?:cust)?[\s-]*0*(\d{1,7})$/i.exec(raw.trim());
  if (!m || (m[1] as string) === '0') return null;
  return `CUST-${(m[1] as string).padStart(5, '0')}`;
}

/** True when the term names the account prefix (`cust-42`): nothing else is worth looking up. */
export function hasAccountPrefix(raw: string): boolean {
  return /^cust[\s-]*\d/i.test(raw.trim());
}

/** Words of a free-text term (each one must appear), without LIKE wildcards. */
export function textWords(raw: string): string[] {
  return raw
    .replace(/[%]/g, ' ')
    .split(/[\s,]+/)
    .map((w) => w.trim())
    .filter((w) => w !== '');
}
