import { describe, expect, it } from 'vitest';
import type { DocChangeEvent } from '@gigafibre/contracts';
import { matchesFilter, parseDocChange } from './liveEventFilter';

const comment: DocChangeEvent = {
  doctype: 'Comment',
  name: 'a1b2c3',
  action: 'insert',
  changed: ['content'],
  by: 'support@gigafibre.ca',
  at: '2025-11-26T19:00:00.000Z',
  refs: [{ doctype: 'Customer', name: 'CUST-00001' }],
};

describe('parseDocChange', () => {
  it('keeps the refs and modified the hub sends, dropping malformed refs', () => {
    const parsed = parseDocChange(
      JSON.stringify({ ...comment, modified: '2025-11-26 14:00:00.000000', refs: [...(comment.refs ?? []), { doctype: 3 }, null] }),
    );
    expect(parsed?.refs).toEqual([{ doctype: 'Customer', name: 'CUST-00001' }]);
    expect(parsed?.modified).toBe('2025-11-26 14:00:00.000000');
    expect(parseDocChange(JSON.stringify({ doctype: 'Issue', name: 'ISS-1' }))).not.toHaveProperty('refs');
  });
});

describe('matchesFilter', () => {
  it('matches by a document the change concerns (itself or one of its refs)', () => {
    expect(matchesFilter({ doctype: 'Comment', ref: { doctype: 'Customer', name: 'CUST-00001' } }, comment)).toBe(true);
    expect(matchesFilter({ ref: { doctype: 'Customer', name: 'CUST-00002' } }, comment)).toBe(false);
    expect(matchesFilter({ ref: { doctype: 'Comment', name: 'a1b2c3' } }, comment)).toBe(true);
    expect(matchesFilter({ doctype: 'Issue', ref: { doctype: 'Customer', name: 'CUST-00001' } }, comment)).toBe(false);
    expect(matchesFilter({ ref: { doctype: 'Customer', name: 'CUST-00001' } }, { ...comment, refs: undefined })).toBe(false);
  });
});
