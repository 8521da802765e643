import { describe, expect, it } from 'vitest';
import { accountNumber, macSearchPatterns, phoneSearchDigits, postalCodePattern, serialSearchTerm, textWords } from './searchTerms';

describe('phoneSearchDigits', () => {
  it('reads the same number however it is typed', () => {
    for (const typed of ['514 555-0142', '(514) 555-0142', '5145550142', '+1 514 555 0142', '+15145550142', '1-514-555-0142', '1 (514) 555-0142', '15145550142', '514.555.0142']) {
      expect(phoneSearchDigits(typed), typed).toBe('5145550142');
    }
  });

  it('searches partial numbers from four digits, dropping a typed country code', () => {
    expect(phoneSearchDigits('555-0142')).toBe('5550142');
    expect(phoneSearchDigits('0142')).toBe('0142');
    expect(phoneSearchDigits('+1 514 55')).toBe('51455');
    expect(phoneSearchDigits('+1 514')).toBeNull(); // three digits: too broad
    expect(phoneSearchDigits('514')).toBeNull();
  });

  it('is null for what cannot be one of our numbers', () => {
    expect(phoneSearchDigits('+33 1 23 45 67 89')).toBeNull();
    expect(phoneSearchDigits('514555014299')).toBeNull();
    expect(phoneSearchDigits('Tremblay')).toBeNull();
    expect(phoneSearchDigits('H2J 2L3')).toBeNull();
    expect(phoneSearchDigits('')).toBeNull();
  });
});

describe('macSearchPatterns', () => {
  it('reads a whole MAC in any notation as stored (upper case, colons)', () => {
    for (const typed of ['aa-bb-cc-dd-ee-ff', 'AABB.CCDD.EEFF', 'aabbccddeeff', 'AA:BB:CC:DD:EE:FF', 'aa bb cc dd ee ff', ' aa:bb-cc.dd:ee:ff ']) {
      expect(macSearchPatterns(typed), typed).toEqual(['AA:BB:CC:DD:EE:FF']);
    }
  });

  it('searches partial MACs: separators give the byte boundaries, a bare run tries both', () => {
    expect(macSearchPatterns('e8:48:b8')).toEqual(['E8:48:B8']);
    expect(macSearchPatterns('8:48:b8')).toEqual(['8:48:B8']);
    expect(macSearchPatterns('4d:01:e')).toEqual(['4D:01:E']);
    expect(macSearchPatterns('4d:0')).toBeNull(); // three hex digits: too broad
    expect(macSearchPatterns('aabb.ccdd')).toEqual(['AA:BB:CC:DD']);
    expect(macSearchPatterns('4e31b')).toEqual(['4E:31:B', '4:E3:1B']);
  });

  it('is null for phones, words, serials and too-short runs', () => {
    expect(macSearchPatterns('514-555-0142')).toBeNull();
    expect(macSearchPatterns('5145550142')).toBeNull();
    expect(macSearchPatterns('4512')).toBeNull();
    expect(macSearchPatterns('ALCLB2C4D601')).toBeNull();
    expect(macSearchPatterns('abc')).toBeNull();
    expect(macSearchPatterns('aa:bb:cc:dd:ee:ff:00')).toBeNull();
    expect(macSearchPatterns('aabbc.ddee')).toBeNull();
  });
});

describe('serialSearchTerm', () => {
  it('upper-cases serials and drops a label prefix', () => {
    expect(serialSearchTerm('alclb2c4d601')).toBe('ALCLB2C4D601');
    expect(serialSearchTerm('S/N: ALCLB2C4D601')).toBe('ALCLB2C4D601');
    expect(serialSearchTerm('SN ALCLB2')).toBe('ALCLB2');
    expect(serialSearchTerm('No de série : 2236514010001')).toBe('2236514010001');
    expect(serialSearchTerm('22365')).toBe('22365');
  });

  it('is null for words, short or spaced terms', () => {
    expect(serialSearchTerm('Tremblay')).toBeNull();
    expect(serialSearchTerm('AL12')).toBeNull();
    expect(serialSearchTerm('4512 rue')).toBeNull();
    expect(serialSearchTerm('aa:bb:cc')).toBeNull();
  });
});

describe('postalCodePattern', () => {
  it('finds a code with or without its space, in any case, whole or partial', () => {
    for (const typed of ['H2J 2L3', 'h2j2l3', 'h2j 2l3', ' H2J  2L3 ']) expect(postalCodePattern(typed), typed).toBe('H2J%2L3%');
    expect(postalCodePattern('h2j')).toBe('H2J%');
    expect(postalCodePattern('H2J 2')).toBe('H2J%2%');
    expect(postalCodePattern('h2j2l')).toBe('H2J%2L%');
  });

  it('is null for anything else', () => {
    expect(postalCodePattern('H2')).toBeNull();
    expect(postalCodePattern('2J2L3')).toBeNull();
    expect(postalCodePattern('H2J 2L3X')).toBeNull();
    expect(postalCodePattern('Tremblay')).toBeNull();
  });
});

describe('accountNumber', () => {
  it('reads an account number however it is typed', () => {
    for (const typed of ['42', '00042', 'cust-42', 'CUST-00042', 'cust 42', 'Cust42', ' cust-0042 ']) expect(accountNumber(typed), typed).toBe('CUST-00042');
    expect(accountNumber('123456')).toBe('CUST-123456');
  });

  it('is null for what is not one', () => {
    expect(accountNumber('0')).toBeNull();
    expect(accountNumber('5145550142')).toBeNull();
    expect(accountNumber('cust-')).toBeNull();
    expect(accountNumber('Tremblay')).toBeNull();
  });
});

describe('textWords', () => {
  it('splits on spaces and commas and drops LIKE wildcards', () => {
    expect(textWords(' 4512, rue  Saint-Denis ')).toEqual(['4512', 'rue', 'Saint-Denis']);
    expect(textWords('100%')).toEqual(['100']);
    expect(textWords('%')).toEqual([]);
  });
});
