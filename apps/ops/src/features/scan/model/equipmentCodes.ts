// What a code read from a label (camera, photo or typed) says about a piece of equipment, and
// whether a serial number or a MAC address is well formed. Pure functions: no Vue, no network.
import type { EquipmentType } from '@gigafibre/contracts';

/** What one label code told us; null where it said nothing. */
export interface EquipmentCode {
  serial: string | null;
  mac: string | null;
  model: string | null;
}

/** Why a typed serial or MAC is not accepted (the UI words it). */
export type SerialProblem = 'empty' | 'format';
export type MacProblem = 'format' | 'reserved';

/** The models Gigafibre installs, and what kind of box each one is. */
export const EQUIPMENT_MODELS: Readonly<Record<string, { manufacturer: string; type: EquipmentType }>> = {
  'G-010G-Q': { manufacturer: 'Nokia', type: 'ONT' },
  'XS-010X-Q': { manufacturer: 'Nokia', type: 'ONT' },
  XX230v: { manufacturer: 'TP-Link', type: 'ONT' },
  'Deco X55': { manufacturer: 'TP-Link', type: 'Router' },
  'Deco X20': { manufacturer: 'TP-Link', type: 'Mesh Node' },
};

/** GPON ONT serial: 4-letter vendor id + 8 hex digits (`ALCLB2C4D601`). */
const GPON_SERIAL = /^[A-Z]{4}[0-9A-F]{8}$/;
/** The same serial as some labels print it: the vendor id in hex too (`414C434CB2C4D601`). */
const GPON_SERIAL_HEX = /^[0-9A-F]{16}$/;
/** Numeric serials (TP-Link and others): 12 to 14 digits. */
const NUMERIC_SERIAL = /^\d{12,14}$/;
/** Vendor ids of GPON serials (a 12-hex-digit text starting with one is a serial, not a MAC). */
const GPON_VENDORS = new Set(['ALCL', 'TPLG', 'HWTC', 'ZTEG', 'GPON', 'SCOM', 'FHTT']);

/** Upper case, no spaces; a hex-encoded GPON vendor id becomes its letters. */
export function normaliseSerial(text: string): string {
  const compact = text.replace(/\s+/g, '').toUpperCase();
  if (GPON_SERIAL_HEX.test(compact)) {
    const vendor = compact
      .slice(0, 8)
      .match(/../g)!
      .map((pair) => String.fromCharCode(parseInt(pair, 16)))
      .join('');
    if (/^[A-Z]{4}$/.test(vendor)) return vendor + compact.slice(8);
  }
  return compact;
}

/** Null when `serial` (already normalised) is acceptable. */
export function serialProblem(serial: string): SerialProblem | null {
  if (serial === '') return 'empty';
  return GPON_SERIAL.test(serial) || NUMERIC_SERIAL.test(serial) ? null : 'format';
}

/** `AA:BB:CC:DD:EE:FF` from `aa:bb…`, `aa-bb-…`, `aabb.ccdd.eeff` or 12 bare hex digits; null otherwise. */
export function normaliseMac(text: string): string | null {
  const trimmed = text.trim();
  if (!/^(?:[0-9a-f]{2}([:-]?)(?:[0-9a-f]{2}\1){4}[0-9a-f]{2}|[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4})$/i.test(trimmed)) return null;
  return trimmed
    .replace(/[^0-9a-f]/gi, '')
    .toUpperCase()
    .match(/../g)!
    .join(':');
}

/** Null when `mac` is a usable device address; installed equipment never has a group or empty address. */
export function macProblem(text: string): MacProblem | null {
  const mac = normaliseMac(text);
  if (!mac) return 'format';
  const first = parseInt(mac.slice(0, 2), 16);
  if (mac === '00:00:00:00:00:00' || (first & 1) === 1) return 'reserved';
  return null;
}

function knownModel(text: string): string | null {
  const squash = (s: string) => s.replace(/[\s_-]/g, '').toLowerCase();
  const wanted = squash(text);
  return Object.keys(EQUIPMENT_MODELS).find((model) => squash(model) === wanted) ?? null;
}

/** `KEY:value` pairs of a QR payload (`S/N:ALCL…;MAC:…;MODEL:…`), keys upper-cased without punctuation. */
function labelledPairs(text: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const part of text.split(/[;\n\r|]+|,(?=\s*[A-Za-z/ ._#-]{1,30}\s*[:=])/)) {
    const m = /^\s*([A-Za-zÀ-ÿ/ ._#-]{1,30}?)\s*[:=]\s*(.+?)\s*$/.exec(part);
    if (m) pairs.push([(m[1] as string).toUpperCase().replace(/[\s._#/-]/g, ''), m[2] as string]);
  }
  return pairs;
}

const SERIAL_KEYS = new Set(['SN', 'SERIAL', 'SERIALNO', 'SERIALNUMBER', 'NUMERODESERIE', 'NUMÉRODESÉRIE', 'NOSERIE', 'GPONSN', 'PONSN']);
const MAC_KEYS = new Set(['MAC', 'MACADDR', 'MACADDRESS', 'ADRESSEMAC', 'WANMAC']);
const MODEL_KEYS = new Set(['MODEL', 'MODELE', 'MODÈLE', 'PN', 'MODELNAME', 'PRODUCT']);

/** A bare value recognised by its shape. */
function looseValue(text: string, into: EquipmentCode): void {
  const value = text.trim();
  const serial = normaliseSerial(value);
  const looksGpon = GPON_SERIAL.test(serial) && (GPON_VENDORS.has(serial.slice(0, 4)) || !normaliseMac(value));
  if (!into.serial && (looksGpon || NUMERIC_SERIAL.test(serial))) into.serial = serial;
  else if (!into.mac && normaliseMac(value)) into.mac = normaliseMac(value);
  else if (!into.model && knownModel(value)) into.model = knownModel(value);
}

/** Reads one decoded code: labelled fields first, otherwise the value's shape. */
export function readEquipmentCode(text: string): EquipmentCode {
  const out: EquipmentCode = { serial: null, mac: null, model: null };
  const pairs = labelledPairs(text);
  if (pairs.length === 0) {
    looseValue(text, out);
    return out;
  }
  for (const [key, value] of pairs) {
    if (SERIAL_KEYS.has(key) && !out.serial) out.serial = normaliseSerial(value);
    else if (MAC_KEYS.has(key) && !out.mac) out.mac = normaliseMac(value);
    else if (MODEL_KEYS.has(key) && !out.model) out.model = knownModel(value) ?? value.trim();
  }
  return out;
}

/** The kind of box a serial/model most likely is (the technician can change it). */
export function guessEquipmentType(code: Pick<EquipmentCode, 'serial' | 'model'>): EquipmentType {
  const byModel = code.model ? EQUIPMENT_MODELS[knownModel(code.model) ?? '']?.type : undefined;
  if (byModel) return byModel;
  if (code.serial && GPON_SERIAL.test(code.serial)) return 'ONT';
  return 'Router';
}

/** The maker, from the model or the GPON vendor id; null when unknown. */
export function guessManufacturer(code: Pick<EquipmentCode, 'serial' | 'model'>): string | null {
  const byModel = code.model ? EQUIPMENT_MODELS[knownModel(code.model) ?? '']?.manufacturer : undefined;
  if (byModel) return byModel;
  const vendors: Record<string, string> = { ALCL: 'Nokia', TPLG: 'TP-Link', HWTC: 'Huawei', ZTEG: 'ZTE' };
  return code.serial ? (vendors[code.serial.slice(0, 4)] ?? null) : null;
}
