// The close-out forms (« Terminer », « Non complétée ») as pure data: what the technician filled,
// whether it may be queued (the contract's own rules, so the server will not refuse it later),
// and the queue payload it becomes.
import { checklistOf, closeoutProblem, type ChecklistItem, type FailureReason } from '@gigafibre/contracts';
import type { JobStatusPayload } from './scanQueueRecord';

export type CloseoutMode = 'complete' | 'fail';

export interface CloseoutDraft {
  reason: FailureReason | null;
  reasonDetails: string;
  notes: string;
  checklist: string[];
}

export function emptyCloseoutDraft(): CloseoutDraft {
  return { reason: null, reasonDetails: '', notes: '', checklist: [] };
}

/** i18n key part of a failure reason (`Customer Absent` → `CustomerAbsent`). */
export function reasonKey(reason: string): string {
  return reason.replace(/\s+/g, '');
}

/** i18n key part of a checklist item (`ont-light` → `ontLight`). */
export function checklistKey(id: string): string {
  return id.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase());
}

/** The checklist shown for a job type. */
export function checklistFor(jobType: string): readonly ChecklistItem[] {
  return checklistOf(jobType);
}

/** The queue payload of a filled form, tapped at `at`. */
export function closeoutPayload(mode: CloseoutMode, draft: CloseoutDraft, at: Date): JobStatusPayload {
  const notes = draft.notes.trim();
  if (mode === 'fail') {
    const details = draft.reasonDetails.trim();
    return {
      status: 'Not Completed',
      at: at.toISOString(),
      ...(draft.reason ? { reason: draft.reason } : {}),
      ...(details ? { reasonDetails: details } : {}),
      ...(notes ? { notes } : {}),
    };
  }
  return { status: 'Completed', at: at.toISOString(), ...(notes ? { notes } : {}), checklist: [...draft.checklist] };
}

/** What keeps the form from being queued: the field to fix, or null when it may go. */
export function closeoutBlocker(mode: CloseoutMode, jobType: string, draft: CloseoutDraft): 'reason' | 'details' | 'checklist' | 'length' | null {
  const p = closeoutPayload(mode, draft, new Date(0));
  const problem = closeoutProblem(jobType, { status: p.status, reason: p.reason, reason_details: p.reasonDetails, notes: p.notes, checklist: p.checklist });
  if (problem === null) return null;
  if (mode === 'fail') return draft.reason === null ? 'reason' : draft.reason === 'Other' && !draft.reasonDetails.trim() ? 'details' : 'length';
  return draft.notes.length > 4000 ? 'length' : 'checklist';
}
