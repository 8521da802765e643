// Putting a job somewhere: on a technician at a time (a drop, or the keyboard's assign dialog) or
// back in the queue. Checks the conflict rules and asks before a risky move, shows the move at
// once, then keeps the server's answer — or rolls back and says why, in the user's language.
import { useQuasar, type QNotifyCreateOptions } from 'quasar';
import { useI18n } from 'vue-i18n';
import { isApiError } from '@/shared/http';
import { markTiming, measureTiming, TIMING } from '@/shared/instrumentation';
import { useApiErrorText } from '@/shared/ui';
import { updateJob } from '../api/dispatchApi';
import { boardNotify } from './useBoardToast';
import { conflictsFor, type Conflict } from '../model/dispatchConflicts';
import { applyPatch, assignPatch, isSamePlace, unassignPatch, type JobPatch } from '../model/dispatchPatch';
import { isLocked, isUnderway } from '../model/dispatchStatus';
import { parseTime, wallEnd } from '../model/dispatchTime';
import { toBoardJob, type BoardJob, type SlotTarget } from '../model/dispatchTypes';
import type { DispatchBoardData } from './useDispatchBoard';
import type { DispatchBoardView } from './useDispatchBoardView';
import type { DispatchLabels } from './useDispatchLabels';

const { writeStart, persisted, dropToPersisted } = TIMING.dispatch;

/** The board's toasts sit in the queue's dock, never over a control (useBoardToast.ts). */
const notify = (options: QNotifyCreateOptions) => boardNotify(options);

export interface PlaceOptions {
  /** The user already saw the conflicts and chose to go ahead (the assign dialog). */
  confirmed?: boolean;
  /** Where a drop was aimed when the start had to move (the job would not fit the day): asked first. */
  pointed?: number | null;
}

export function useDispatchAssign(board: DispatchBoardData, view: DispatchBoardView, labels: DispatchLabels) {
  const $q = useQuasar();
  const { t } = useI18n();
  const errorText = useApiErrorText();

  /** What is wrong with putting `job` at `target` (against the board's current day). */
  function conflictsAt(job: BoardJob, target: SlotTarget): Conflict[] {
    const profile = view.profiles.value.get(target.technician);
    if (!profile || target.date !== board.date.value) return [];
    const end = wallEnd(target.date, target.start, job.duration_minutes);
    return conflictsFor(
      { job: job.name, technician: target.technician, start: target.start, end, requiredSkill: job.required_skill },
      profile,
      view.placed.value.list,
      view.absences.value.byTech.get(target.technician),
    );
  }

  const describeJob = (name: string) => {
    const other = board.jobs.get(name);
    return other ? `${name} (${view.customerName(other)})` : name;
  };

  function confirm(title: string, lines: string[], ok: string): Promise<boolean> {
    return new Promise((resolve) => {
      $q.dialog({
        title,
        message: lines.join('\n'),
        class: 'dj-confirm dj-portal',
        persistent: false,
        ok: { label: ok, color: 'primary', unelevated: true, 'data-testid': 'confirm-ok' },
        cancel: { label: t('dispatch.confirm.cancel'), flat: true, 'data-testid': 'confirm-cancel' },
        focus: 'cancel',
      })
        .onOk(() => resolve(true))
        .onCancel(() => resolve(false))
        .onDismiss(() => resolve(false));
    });
  }

  function failureMessage(error: unknown): string {
    if (isApiError(error)) {
      if (error.details.exc_type === 'TimestampMismatchError') return t('dispatch.errors.stale');
      if (error.code === 'forbidden') return t('dispatch.errors.forbidden');
    }
    return errorText(error).message;
  }

  /**
   * Saves one move: shown at once, then the server's answer kept — or rolled back (and the job
   * fetched as it really is now: someone else's change, a deletion). No toast: callers say it.
   */
  async function saveMove(job: BoardJob, patch: JobPatch): Promise<{ ok: true } | { ok: false; error: unknown }> {
    const pending = board.jobs.beginWrite(applyPatch(job, patch));
    markTiming(writeStart, job.name);
    try {
      const saved = await updateJob(job.name, patch);
      markTiming(persisted, job.name);
      measureTiming(dropToPersisted, writeStart, persisted, job.name);
      board.jobs.commitWrite(pending, toBoardJob(saved));
      return { ok: true };
    } catch (error) {
      board.highlight(board.jobs.rollbackWrite(pending));
      void board.refetch([job.name]).catch(() => undefined);
      return { ok: false, error };
    }
  }

  async function write(job: BoardJob, patch: JobPatch, success: string, undo?: () => void): Promise<boolean> {
    const result = await saveMove(job, patch);
    if (result.ok) {
      notify({
        type: 'positive',
        message: success,
        timeout: 5000,
        group: false,
        actions: undo ? [{ label: t('dispatch.toast.undo'), color: 'white', handler: undo }] : [],
      });
      return true;
    }
    notify({ type: 'negative', message: failureMessage(result.error), caption: t('dispatch.errors.rolledBack'), timeout: 8000, group: false });
    return false;
  }

  /** Assigns `name` to `target`; false when the user cancelled, nothing changed, or the server refused. */
  async function place(name: string, target: SlotTarget, options: PlaceOptions = {}): Promise<boolean> {
    // The job as the dispatcher saw it when they dropped: its `modified` guards against later changes.
    const job = board.jobs.get(name);
    // A second move while the first is being saved would carry a stale `modified`: wait for it.
    if (!job || isSamePlace(job, target) || board.jobs.isWriting(name)) return false;
    if (isLocked(job.status)) {
      notify({ type: 'warning', message: t('dispatch.errors.locked'), group: false });
      return false;
    }
    const tech = view.techByName.value.get(target.technician);
    const techName = tech?.technician_name ?? target.technician;
    const found = options.confirmed ? [] : conflictsAt(job, target);
    const lines = found.map((c) => labels.conflict(c, describeJob));
    if (!options.confirmed && isUnderway(job.status)) lines.unshift(t('dispatch.confirm.underway', { status: labels.status(job.status) }));
    // A dispatcher never books a time they did not see: a moved start is said first.
    const moved = options.pointed != null && options.pointed !== target.start;
    if (moved) lines.unshift(t('dispatch.preview.startMoved', { pointed: labels.time(options.pointed as number), start: labels.time(target.start) }));
    if (lines.length > 0) {
      const startText = labels.time(target.start);
      const title =
        found.length > 0
          ? t('dispatch.confirm.conflictsTitle', { job: name, tech: techName })
          : moved
            ? t('dispatch.confirm.startMovedTitle', { job: name, start: startText })
            : t('dispatch.confirm.underwayTitle', { job: name });
      const ok = found.length > 0 ? t('dispatch.confirm.placeAnyway') : moved ? t('dispatch.confirm.placeAt', { start: startText }) : t('dispatch.confirm.placeAnyway');
      if (!(await confirm(title, lines, ok))) return false;
    }
    const back = job.technician && job.scheduled_date && job.start_time ? job : null;
    const message = t('dispatch.toast.assigned', { job: name, tech: techName, time: labels.time(target.start) });
    return write(job, assignPatch(job, target), message, () => void revert(name, back));
  }

  /** Back to the queue (technician, date and time cleared). */
  async function unassign(name: string): Promise<boolean> {
    const job = board.jobs.get(name);
    if (!job || isSamePlace(job, 'queue') || board.jobs.isWriting(name)) return false;
    if (isLocked(job.status)) {
      notify({ type: 'warning', message: t('dispatch.errors.locked'), group: false });
      return false;
    }
    if (isUnderway(job.status)) {
      const ok = await confirm(t('dispatch.confirm.underwayTitle', { job: name }), [t('dispatch.confirm.underway', { status: labels.status(job.status) })], t('dispatch.confirm.unassignAnyway'));
      if (!ok) return false;
    }
    return write(job, unassignPatch(job), t('dispatch.toast.unassigned', { job: name }), () => void revert(name, job));
  }

  /** The toast's « Annuler »: put the job back where it was, with the version the server now holds. */
  async function revert(name: string, previous: BoardJob | null): Promise<void> {
    const current = board.jobs.get(name);
    if (!current) return;
    const start = parseTime(previous?.start_time);
    const patch =
      previous?.technician && previous.scheduled_date && start !== null
        ? assignPatch(current, { technician: previous.technician, date: previous.scheduled_date, start })
        : unassignPatch(current);
    await write(current, patch, t('dispatch.toast.undone', { job: name }));
  }

  return { place, unassign, conflictsAt, describeJob, saveMove, confirm, failureMessage, notify };
}

export type DispatchAssign = ReturnType<typeof useDispatchAssign>;
