// North American numbers as Quebec writes them: « 514 555-0142 »; extensions kept (« poste 12 »).

/** The 10 digits of a NANP number (country code 1 dropped), or null when it is not one. */
export function phoneDigits(input: string | null | undefined): string | null {
  if (!input) return null;
  const main = input.split(/(?:ext\.?|x|poste|#)/i)[0] ?? '';
  let digits = main.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
  return digits.length === 10 && /^[2-9]\d{2}[2-9]/.test(digits) ? digits : null;
}

function extensionOf(input: string): string | null {
  const m = /(?:ext\.?|x|poste|#)\s*(\d{1,6})\s*$/i.exec(input);
  return m ? (m[1] as string) : null;
}

/** « 514 555-0142 » (« 514 555-0142, poste 12 »); anything unrecognised is returned trimmed. */
export function formatPhone(input: string | null | undefined, extensionWord = 'poste'): string {
  if (!input) return '';
  const digits = phoneDigits(input);
  if (!digits) return input.trim();
  const base = `${digits.slice(0, 3)} ${digits.slice(3, 6)}-${digits.slice(6)}`;
  const ext = extensionOf(input);
  return ext ? `${base}, ${extensionWord} ${ext}` : base;
}

/** `tel:+15145550142` for tap-to-call; null when not a valid number. */
export function telHref(input: string | null | undefined): string | null {
  const digits = phoneDigits(input);
  return digits ? `tel:+1${digits}` : null;
}
