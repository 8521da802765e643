import { describe, expect, it } from 'vitest';
import { checklistKey, closeoutBlocker, closeoutPayload, emptyCloseoutDraft, reasonKey } from './closeoutForm';
import { chainOf, newScanRecord, readStoredRecord } from './scanQueueRecord';

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

  it('queues the signature in the job status chain (before « terminée »), each photo on its own', () => {
    const meta = { user: 'tech@gigafibre.ca', job: 'DJ-000042' };
    const signature = newScanRecord({ kind: 'job-file', payload: { image: new Blob(['png']), fileName: 'signature-DJ-000042.png', role: 'signature' } }, meta);
    const photo = newScanRecord({ kind: 'job-file', payload: { image: new Blob(['jpg']), fileName: 'photo-DJ-000042-1.jpg', role: 'photo' } }, meta);
    const done = newScanRecord({ kind: 'job-status', payload: { status: 'Completed', at: AT.toISOString(), checklist: [] } }, meta);
    expect(chainOf(signature)).toBe(chainOf(done));
    expect(chainOf(photo)).toBe(`job-file:${photo.id}`);
    expect(readStoredRecord({ ...photo, state: 'sending' })).toMatchObject({ kind: 'job-file', state: 'pending' });
  });
});
