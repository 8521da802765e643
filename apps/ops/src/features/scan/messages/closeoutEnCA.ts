// Close-out of a job on the phone: English (same keys as closeoutFrCA; the compiler checks).
import type { Widen } from '@/shared/i18n/defineFeatureMessages';
import type { closeoutFrCA } from './closeoutFrCA';

export const closeoutEnCA: Widen<typeof closeoutFrCA> = {
  steps: {
    enRoute: 'Left at {time}',
    arrived: 'On site at {time}',
    completed: 'Completed at {time}',
    notCompleted: 'Not completed at {time}',
  },
  fail: 'Not completed…',
  failTitle: 'Job not completed',
  completeTitle: 'Complete the job',
  completeHelp: 'Make sure all installed equipment is scanned before completing.',
  reason: 'Reason',
  reasonRequired: 'Choose a reason.',
  reasons: {
    CustomerAbsent: 'Customer absent',
    NoAccess: 'No access to the premises',
    MissingEquipment: 'Missing equipment',
    TechnicalProblem: 'Technical problem',
    CustomerRefused: 'Customer refused',
    Other: 'Other',
  },
  details: 'Details',
  detailsRequired: 'Describe the « Other » reason.',
  notes: 'Close-out notes',
  notesHint: 'What was done, what remains.',
  checklist: 'Checklist',
  required: 'required',
  checklistMissing: 'Tick the required items before completing.',
  items: {
    ontLight: 'ONT optical light on',
    speedTest: 'Speed test passed',
    wifiShown: 'Wi-Fi shown to the customer',
    siteClean: 'Premises cleaned up',
    faultFound: 'Fault found and fixed',
    oldRemoved: 'Old equipment removed',
  },
  confirmComplete: 'Complete',
  confirmFail: 'Save',
  closedNotes: 'Notes: {notes}',
  closedReason: 'Reason: {reason}',
  queued: 'Saved on the device: it will be sent as soon as possible.',
};
