import { describe, expect, it } from 'vitest';
import { keepFields } from './documentFields';

const cut = keepFields(new Set(['customer_name', 'mobile_no']));
const json = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('keepFields', () => {
  it('keeps the grant’s fields and the document’s frame, drops the rest', () => {
    const out = cut(json({ data: { doctype: 'Customer', name: 'C1', modified: 'm', customer_name: 'Josée', mobile_no: '514', email_id: 'j@x.ca', owner: 'a' } }));
    expect(JSON.parse(String(out))).toEqual({ data: { doctype: 'Customer', name: 'C1', modified: 'm', customer_name: 'Josée', mobile_no: '514' } });
    expect(JSON.parse(String(cut(json({ message: { name: 'C1', email_id: 'x' } }))))).toEqual({ message: { name: 'C1' } });
  });

  it('fails closed on anything but a document (null → 502), passes an empty HEAD body', () => {
    expect(cut(Buffer.from('not json'))).toBeNull();
    expect(cut(json({ data: [{ name: 'C1', email_id: 'x' }] }))).toBeNull();
    expect(cut(json({ other: 1 }))).toBeNull();
    expect(cut(json(null))).toBeNull();
    expect(cut(Buffer.alloc(0))?.length).toBe(0);
  });
});
