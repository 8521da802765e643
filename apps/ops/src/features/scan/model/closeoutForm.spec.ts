import { describe, expect, it } from 'vitest';
import { checklistKey, closeoutBlocker, closeoutPayload, emptyCloseoutDraft, reasonKey } from './closeoutForm';

const AT = new Date('2026-11-18T15:04:00Z');

describe('close-out forms', () => {
  it('a failure waits for a reason, « Other » for details; then becomes one Not Completed step', () => {
    const draft = emptyCloseoutDraft();
    expect(closeoutBlocker('fail', 'Repair', draft)).toBe('reason');
    draft.reason = 'Other';
    expect(closeoutBlocker('fail', 'Repair', draft)).toBe('details');
    draft.reasonDetails = '  Chien méchant ';
    draft.notes = ' Rappeler demain ';
    expect(closeoutBlocker('fail', 'Repair', draft)).toBeNull();
    expect(closeoutPayload('fail', draft, AT)).toEqual({ status: 'Not Completed', at: '2026-11-18T15:04:00.000Z', reason: 'Other', reasonDetails: 'Chien méchant', notes: 'Rappeler demain' });
  });

  it('completion waits for the required checklist items of the job type', () => {
    const draft = emptyCloseoutDraft();
    expect(closeoutBlocker('complete', 'Repair', draft)).toBe('checklist');
    draft.checklist = ['fault-found', 'speed-test'];
    expect(closeoutBlocker('complete', 'Repair', draft)).toBeNull();
    expect(closeoutPayload('complete', draft, AT)).toEqual({ status: 'Completed', at: '2026-11-18T15:04:00.000Z', checklist: ['fault-found', 'speed-test'] });
    draft.notes = 'x'.repeat(4001);
    expect(closeoutBlocker('complete', 'Repair', draft)).toBe('length');
  });

  it('names i18n keys', () => {
    expect(reasonKey('Customer Absent')).toBe('CustomerAbsent');
    expect(checklistKey('ont-light')).toBe('ontLight');
  });
});
