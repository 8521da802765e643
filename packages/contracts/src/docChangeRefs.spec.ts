import { describe, expect, it } from 'vitest';
import { docChangeRefs } from './docChangeRefs';

describe('docChangeRefs', () => {
  it('names every Link target, before and after a change, once', () => {
    const refs = docChangeRefs('Issue', { name: 'ISS-1', customer: 'CUST-2' }, { name: 'ISS-1', customer: 'CUST-1' });
    expect(refs).toEqual(expect.arrayContaining([{ doctype: 'Customer', name: 'CUST-2' }, { doctype: 'Customer', name: 'CUST-1' }]));
    expect(docChangeRefs('Issue', { customer: 'CUST-2' }, { customer: 'CUST-2' }).filter((r) => r.doctype === 'Customer')).toHaveLength(1);
  });

  it('adds the document a Comment is about, and skips empty links', () => {
    expect(docChangeRefs('Comment', { reference_doctype: 'Customer', reference_name: 'CUST-8' })).toContainEqual({ doctype: 'Customer', name: 'CUST-8' });
    expect(docChangeRefs('Issue', { customer: null })).toEqual([]);
    expect(docChangeRefs('File', { attached_to_doctype: 'Dispatch Job', attached_to_name: 'DJ-000042' })).toEqual([{ doctype: 'Dispatch Job', name: 'DJ-000042' }]);
  });
});
