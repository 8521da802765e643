import { describe, expect, it } from 'vitest';
import {
  guessEquipmentType,
  guessManufacturer,
  macProblem,
  normaliseMac,
  normaliseSerial,
  readEquipmentCode,
  serialProblem,
} from './equipmentCodes';

describe('serial numbers', () => {
  it('accepts GPON serials and 12–14 digit serials, upper-cased and without spaces', () => {
    expect(normaliseSerial(' alclb2c4d601 ')).toBe('ALCLB2C4D601');
    expect(serialProblem(normaliseSerial('alcl b2c4 d601'))).toBeNull();
    expect(serialProblem('2236514010001')).toBeNull();
    expect(serialProblem('224150802000')).toBeNull();
  });

  it('turns a hex-printed vendor id back into letters', () => {
    expect(normaliseSerial('414C434CB2C4D601')).toBe('ALCLB2C4D601');
    // 16 hex digits that are not letters stay as typed (and are refused).
    expect(normaliseSerial('0011223344556677')).toBe('0011223344556677');
    expect(serialProblem('0011223344556677')).toBe('format');
  });

  it('refuses empty and malformed serials', () => {
    expect(serialProblem('')).toBe('empty');
    expect(serialProblem('ALCLB2C4D60')).toBe('format'); // one digit short
    expect(serialProblem('ALCLB2C4D60Z')).toBe('format'); // not hex
    expect(serialProblem('12345')).toBe('format');
    expect(serialProblem('AB-1234')).toBe('format');
  });
});

describe('MAC addresses', () => {
  it('normalises every common notation', () => {
    for (const text of ['a4:e3:1b:2c:4d:01', 'A4-E3-1B-2C-4D-01', 'a4e31b2c4d01', 'a4e3.1b2c.4d01', ' A4:E3:1B:2C:4D:01 ']) {
      expect(normaliseMac(text), text).toBe('A4:E3:1B:2C:4D:01');
    }
  });

  it('refuses mixed separators, wrong lengths and non-hex', () => {
    for (const text of ['a4:e3-1b:2c:4d:01', 'a4:e3:1b:2c:4d', 'a4e31b2c4d0', 'g4:e3:1b:2c:4d:01', '']) {
      expect(normaliseMac(text), text).toBeNull();
      expect(macProblem(text), text).toBe('format');
    }
  });

  it('refuses the empty, broadcast and group addresses', () => {
    expect(macProblem('00:00:00:00:00:00')).toBe('reserved');
    expect(macProblem('FF:FF:FF:FF:FF:FF')).toBe('reserved');
    expect(macProblem('01:00:5E:00:00:01')).toBe('reserved');
    expect(macProblem('E8:48:B8:10:00:01')).toBeNull();
  });
});

describe('reading a label code', () => {
  it('reads labelled QR payloads (English and French keys)', () => {
    expect(readEquipmentCode('S/N:ALCLB2C4D601;MAC:a4-e3-1b-2c-4d-01;MODEL:G-010G-Q')).toEqual({
      serial: 'ALCLB2C4D601',
      mac: 'A4:E3:1B:2C:4D:01',
      model: 'G-010G-Q',
    });
    expect(readEquipmentCode('Numéro de série: 2236514010001\nAdresse MAC: E848B8100001\nModèle: deco x55')).toEqual({
      serial: '2236514010001',
      mac: 'E8:48:B8:10:00:01',
      model: 'Deco X55',
    });
  });

  it('recognises a bare value by its shape', () => {
    expect(readEquipmentCode('ALCLB2C4D601')).toEqual({ serial: 'ALCLB2C4D601', mac: null, model: null });
    expect(readEquipmentCode('E8:48:B8:10:00:01')).toEqual({ serial: null, mac: 'E8:48:B8:10:00:01', model: null });
    // 12 hex digits: a MAC, unless it starts with a known GPON vendor id.
    expect(readEquipmentCode('A4E31B2C4D01').mac).toBe('A4:E3:1B:2C:4D:01');
    expect(readEquipmentCode('ABCD12345678').mac).toBe('AB:CD:12:34:56:78');
    expect(readEquipmentCode('2236514010001').serial).toBe('2236514010001');
    expect(readEquipmentCode('Deco X20').model).toBe('Deco X20');
    expect(readEquipmentCode('bonjour')).toEqual({ serial: null, mac: null, model: null });
  });

  it('guesses the kind of box and its maker', () => {
    expect(guessEquipmentType({ serial: 'ALCLB2C4D601', model: null })).toBe('ONT');
    expect(guessEquipmentType({ serial: '2241508020002', model: 'XX230v' })).toBe('ONT');
    expect(guessEquipmentType({ serial: '2239921030061', model: 'Deco X20' })).toBe('Mesh Node');
    expect(guessEquipmentType({ serial: '2236514010001', model: null })).toBe('Router');
    expect(guessManufacturer({ serial: 'ALCLB2C4D601', model: null })).toBe('Nokia');
    expect(guessManufacturer({ serial: '2236514010001', model: 'Deco X55' })).toBe('TP-Link');
    expect(guessManufacturer({ serial: '2236514010001', model: null })).toBeNull();
  });
});
