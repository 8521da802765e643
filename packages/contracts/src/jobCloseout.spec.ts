import { describe, expect, it } from 'vitest';
import { checklistOf, closeoutProblem, JOB_CHECKLISTS, needsSignature } from './jobCloseout';
import { JOB_TYPES } from './doctypes';

describe('close-out rules (shared by the phone and the ERP method)', () => {
  it('a failure needs a reason of the list, « Other » with details', () => {
    expect(closeoutProblem('Repair', { status: 'Not Completed' })).toContain('Raison requise');
    expect(closeoutProblem('Repair', { status: 'Not Completed', reason: 'Other' })).toContain('Précisez');
    expect(closeoutProblem('Repair', { status: 'Not Completed', reason: 'Other', reason_details: 'Chien' })).toBeNull();
    expect(closeoutProblem('Repair', { status: 'Not Completed', reason: 'No Access' })).toBeNull();
  });

  it('notes and checklist only at the end; a reason only on a failure; bounded text', () => {
    expect(closeoutProblem('Repair', { status: 'En Route', notes: 'x' })).not.toBeNull();
    expect(closeoutProblem('Repair', { status: 'Completed', reason: 'Other' })).not.toBeNull();
    expect(closeoutProblem('Repair', { status: 'Not Completed', reason: 'No Access', notes: 'x'.repeat(4001) })).toContain('trop long');
  });

  it('completion needs every required item of the job type’s checklist, and no unknown one', () => {
    expect(closeoutProblem('Repair', { status: 'Completed', checklist: ['fault-found'] })).toContain('speed-test');
    expect(closeoutProblem('Repair', { status: 'Completed', checklist: ['fault-found', 'speed-test'] })).toBeNull();
    expect(closeoutProblem('Repair', { status: 'Completed', checklist: ['fault-found', 'speed-test', 'x'] })).toContain('inconnu');
    const optional = JOB_CHECKLISTS.Installation.filter((i) => i.required).map((i) => i.id);
    expect(closeoutProblem('Installation', { status: 'Completed', checklist: optional })).toBeNull();
  });

  it('every job type has a checklist with unique ids; installs and relocations are signed', () => {
    for (const type of JOB_TYPES) {
      const ids = checklistOf(type).map((i) => i.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
    expect(checklistOf('Nope')).toEqual([]);
    expect(JOB_TYPES.filter(needsSignature)).toEqual(['Installation', 'Relocation']);
  });
});
