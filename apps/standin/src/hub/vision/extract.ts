// What a label's or an invoice's codes say: labelled fields first (`S/N:…`, `MAC:…`), then
// values recognised by their shape (GPON serial, TP-Link serial, MAC, known model).
import type { DecodedBarcode, VisionEquipment, VisionInvoice } from '@gigafibre/contracts';
import { MODELS } from '../devices/profile';

type Fields = Omit<VisionEquipment, 'barcodes'>;

const MAC_RE = /^(?:[0-9A-F]{2}[:\-.]?){5}[0-9A-F]{2}$/i;
const GPON_SERIAL_RE = /^[A-Z]{4}[0-9A-F]{8}$/;
const DIGIT_SERIAL_RE = /^\d{12,14}$/;
const KNOWN_MODELS = Object.keys(MODELS);

const OUI_MAKERS: Readonly<Record<string, string>> = { A4E31B: 'Nokia', E848B8: 'TP-Link' };
const SERIAL_MAKERS: Readonly<Record<string, string>> = { ALCL: 'Nokia', TPLG: 'TP-Link', HWTC: 'Huawei', ZTEG: 'ZTE' };

/** `AA:BB:CC:DD:EE:FF` from any separator. */
export function normaliseMacText(text: string): string | null {
  if (!MAC_RE.test(text.trim())) return null;
  return text
    .replace(/[^0-9a-f]/gi, '')
    .toUpperCase()
    .match(/../g)!
    .join(':');
}

function knownModel(text: string): string | null {
  const squashed = text.replace(/[\s_-]/g, '').toLowerCase();
  return KNOWN_MODELS.find((m) => m.replace(/[\s_-]/g, '').toLowerCase() === squashed) ?? null;
}

/** `KEY:value` pairs in a code (QR payloads separate them with `;`, `|`, new lines or commas). */
export function labelledPairs(text: string): [string, string][] {
  // Commas separate pairs only before another `KEY:` (a total may read `1 234,56`).
  return text
    .split(/[;\n\r|]+|,(?=\s*[A-Za-zÀ-ÿ/ ._#-]{1,30}\s*[:=])/)
    .map((part) => /^\s*([A-Za-zÀ-ÿ/ ._#-]{1,30}?)\s*[:=]\s*(.+?)\s*$/.exec(part))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [(m[1] as string).toUpperCase().replace(/[\s._#-]/g, ''), m[2] as string]);
}

const SERIAL_KEYS = new Set(['SN', 'S/N', 'SERIAL', 'SERIALNO', 'SERIALNUMBER', 'NUMERODESERIE', 'NUMÉRODESÉRIE', 'GPONSN', 'PONSN']);
const MAC_KEYS = new Set(['MAC', 'MACADDR', 'MACADDRESS', 'ADRESSEMAC', 'WANMAC']);
const MODEL_KEYS = new Set(['MODEL', 'MODELE', 'MODÈLE', 'PN', 'P/N', 'MODELNAME', 'PRODUCT']);

/** Extracts serial, MAC, model and manufacturer from an equipment label's codes. */
export function equipmentFromCodes(codes: readonly DecodedBarcode[]): Fields {
  const out: Fields = { serial: null, mac: null, model: null, manufacturer: null };
  const loose: string[] = [];
  for (const { value } of codes) {
    const pairs = labelledPairs(value);
    if (pairs.length === 0) loose.push(value.trim());
    for (const [key, raw] of pairs) {
      if (SERIAL_KEYS.has(key) && !out.serial) out.serial = raw.replace(/\s/g, '').toUpperCase();
      else if (MAC_KEYS.has(key) && !out.mac) out.mac = normaliseMacText(raw);
      else if (MODEL_KEYS.has(key) && !out.model) out.model = knownModel(raw) ?? raw.trim();
    }
  }
  for (const text of loose) {
    const upper = text.toUpperCase();
    if (!out.mac && normaliseMacText(text)) out.mac = normaliseMacText(text);
    else if (!out.serial && (GPON_SERIAL_RE.test(upper) || DIGIT_SERIAL_RE.test(upper))) out.serial = upper;
    else if (!out.model && knownModel(text)) out.model = knownModel(text);
  }
  const model = out.model ? (MODELS as Record<string, { manufacturer: string }>)[out.model] : undefined;
  out.manufacturer =
    model?.manufacturer ??
    (out.serial ? SERIAL_MAKERS[out.serial.slice(0, 4)] : undefined) ??
    (out.mac ? OUI_MAKERS[out.mac.replace(/:/g, '').slice(0, 6)] : undefined) ??
    null;
  return out;
}

const INVOICE_KEYS = new Set(['INV', 'INVOICE', 'FACTURE', 'NOFACTURE', 'NUMERO', 'NO']);
const DATE_KEYS = new Set(['DATE', 'DATEFACTURE', 'INVOICEDATE']);
const TOTAL_KEYS = new Set(['TOTAL', 'MONTANT', 'AMOUNT', 'TOTALTTC']);
const VENDOR_KEYS = new Set(['VENDOR', 'FOURNISSEUR', 'FROM', 'DE', 'VENDEUR']);

function amount(text: string): number | null {
  const m = /(-?\d{1,3}(?:[ \u00a0]?\d{3})*(?:[.,]\d{2})|-?\d+)/.exec(text);
  if (!m) return null;
  const n = Number((m[1] as string).replace(/[ \u00a0]/g, '').replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

function isoDate(text: string): string | null {
  const m = /(\d{4})-(\d{2})-(\d{2})/.exec(text) ?? /(\d{2})\/(\d{2})\/(\d{4})/.exec(text);
  if (!m) return null;
  return m[0].includes('-') ? m[0] : `${m[3] as string}-${m[2] as string}-${m[1] as string}`;
}

/** Extracts invoice number, date, total and vendor from an invoice's codes (QR payment codes). */
export function invoiceFromCodes(codes: readonly DecodedBarcode[]): Omit<VisionInvoice, 'barcodes'> {
  const out: Omit<VisionInvoice, 'barcodes'> = { invoiceNumber: null, date: null, total: null, vendor: null };
  for (const { value } of codes) {
    for (const [key, raw] of labelledPairs(value)) {
      if (INVOICE_KEYS.has(key)) out.invoiceNumber ??= raw.trim();
      else if (DATE_KEYS.has(key)) out.date ??= isoDate(raw);
      else if (TOTAL_KEYS.has(key)) out.total ??= amount(raw);
      else if (VENDOR_KEYS.has(key)) out.vendor ??= raw.trim();
    }
    out.invoiceNumber ??= /\b(?:ACC-SINV-\d+|INV-?\d{3,})\b/i.exec(value)?.[0] ?? null;
  }
  return out;
}
