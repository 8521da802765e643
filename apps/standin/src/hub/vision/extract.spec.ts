import { describe, expect, it } from 'vitest';
import { equipmentFromCodes, invoiceFromCodes, labelledPairs, normaliseMacText } from './extract';
import { boundaryOf, parseMultipart } from '../../http/multipart';

const code = (value: string) => ({ format: 'CODE_128', value });

describe('equipment label extraction', () => {
  it('normalises MACs written any way', () => {
    for (const mac of ['a4e31b2c4d01', 'A4-E3-1B-2C-4D-01', 'a4:e3:1b:2c:4d:01', 'A4E3.1B2C.4D01']) expect(normaliseMacText(mac)).toBe('A4:E3:1B:2C:4D:01');
    expect(normaliseMacText('A4E31B2C4D')).toBeNull();
    expect(normaliseMacText('ALCLB2C4D601')).toBeNull();
  });

  it('reads KEY:value pairs in French and English', () => {
    expect(labelledPairs('S/N: ALCLB2C4D601; MAC=A4:E3:1B:2C:4D:01\nModèle : G-010G-Q')).toEqual([
      ['S/N', 'ALCLB2C4D601'],
      ['MAC', 'A4:E3:1B:2C:4D:01'],
      ['MODÈLE', 'G-010G-Q'],
    ]);
  });

  it('prefers labelled values, then recognises shapes', () => {
    expect(equipmentFromCodes([code('2236514010006'), code('S/N:ALCLB2C4D601')])).toMatchObject({ serial: 'ALCLB2C4D601', manufacturer: 'Nokia' });
    expect(equipmentFromCodes([code('e848b8100006'), code('2236514010006'), code('DECO X55')])).toEqual({
      serial: '2236514010006',
      mac: 'E8:48:B8:10:00:06',
      model: 'Deco X55',
      manufacturer: 'TP-Link',
    });
    expect(equipmentFromCodes([code('hello world')])).toEqual({ serial: null, mac: null, model: null, manufacturer: null });
  });

  it('reads invoice payment codes', () => {
    expect(invoiceFromCodes([code('INVOICE=ACC-SINV-000042|DATE=15/06/2026|TOTAL=86.23|VENDOR=Gigafibre')])).toEqual({
      invoiceNumber: 'ACC-SINV-000042',
      date: '2026-06-15',
      total: 86.23,
      vendor: 'Gigafibre',
    });
    expect(invoiceFromCodes([code('voir ACC-SINV-000043')]).invoiceNumber).toBe('ACC-SINV-000043');
  });
});

describe('multipart reader', () => {
  it('splits fields and files', () => {
    const body = Buffer.from('--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--b\r\nContent-Disposition: form-data; name="image"; filename="x.png"\r\nContent-Type: image/png\r\n\r\nPNG\r\n--b--\r\n');
    expect(boundaryOf('multipart/form-data; boundary=b')).toBe('b');
    expect(boundaryOf('multipart/form-data; boundary="quoted b"')).toBe('quoted b');
    const parts = parseMultipart(body, 'b');
    expect(parts.map((p) => [p.name, p.filename, p.contentType, p.data.toString()])).toEqual([
      ['a', null, null, '1'],
      ['image', 'x.png', 'image/png', 'PNG'],
    ]);
  });

  it('throws on malformed bodies', () => {
    expect(() => parseMultipart(Buffer.from('nothing'), 'b')).toThrow();
    expect(() => parseMultipart(Buffer.from('--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nno end'), 'b')).toThrow();
  });
});
