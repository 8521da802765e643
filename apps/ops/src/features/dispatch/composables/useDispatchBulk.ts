// Several jobs at once: the selection (ctrl-click toggles, shift-click adds a range, space toggles
// the focused card, Échap clears), and one action on all of them — reassign to a technician, move
// to another day, or back to the queue — with the conflicts listed before confirming and one undo
// that puts every job back (each a PUT with the `modified` the board holds, like any move).
import { shallowRef, watch, type ShallowRef } from 'vue';
import { useI18n } from 'vue-i18n';
import { listDayAbsences, listDayJobs } from '../api/dispatchApi';
import { absenceBlocks, absencesByTechnician } from '../model/dispatchAbsences';
import { displayOrder, movePatch, planBulk, placementsOf, restorePatch, selectJob, type BulkAction, type BulkDay, type BulkPlan, type SelectMode } from '../model/dispatchBulk';
import type { BoardJob } from '../model/dispatchTypes';
import type { DispatchAssign } from './useDispatchAssign';
import type { DispatchBoardData } from './useDispatchBoard';
import type { DispatchBoardView } from './useDispatchBoardView';
import type { DispatchLabels } from './useDispatchLabels';

/** `selected`: the selection, shared with the view (which marks the cards). */
export function useDispatchBulk(
  board: DispatchBoardData,
  view: DispatchBoardView,
  labels: DispatchLabels,
  assign: DispatchAssign,
  selected: ShallowRef<ReadonlySet<string>> = shallowRef(new Set()),
) {
  const { t } = useI18n();
  const busy = shallowRef(false);
  let anchor: string | null = null;

  const order = () => displayOrder(view.layout.value.rows, view.queue.value);

  function click(name: string, mode: SelectMode): void {
    selected.value = selectJob(selected.value, name, mode, order(), anchor);
    anchor = name;
  }
  const toggle = (name: string) => click(name, 'toggle');
  function clear(): void {
    if (selected.value.size > 0) selected.value = new Set();
    anchor = null;
  }
  // Another day is another selection.
  watch(board.date, clear);

  /** The target day as the plan needs it: the board's own, or loaded (jobs and absences) for another day. */
  async function dayFor(date: string): Promise<BulkDay> {
    const base = { profiles: view.profiles.value, axis: view.axis.value, isWriting: (name: string) => board.jobs.isWriting(name) };
    if (date === board.date.value) return { ...base, date, placements: view.placed.value.list, absences: view.absences.value.byTech };
    const [jobs, away] = await Promise.all([listDayJobs(date), listDayAbsences(date)]);
    return { ...base, date, placements: placementsOf(jobs, date), absences: absencesByTechnician(absenceBlocks(away, date)) };
  }

  const techName = (name: string) => view.techByName.value.get(name)?.technician_name ?? name;

  /** The confirmation's lines: each move and what is wrong with it, then what stays put and why. */
  function planLines(plan: BulkPlan): string[] {
    const lines: string[] = [];
    for (const move of plan.moves) {
      const where =
        move.target === 'queue'
          ? t('dispatch.bulk.toQueue')
          : t('dispatch.bulk.toSlot', { tech: techName(move.target.technician), date: labels.shortDay(move.target.date), time: labels.time(move.target.start) });
      lines.push(`• ${assign.describeJob(move.job.name)} → ${where}`);
      for (const c of move.conflicts) lines.push(`    ⚠ ${labels.conflict(c, assign.describeJob)}`);
    }
    for (const skip of plan.skipped) lines.push(`✕ ${t(`dispatch.bulk.skipped.${skip.reason}`, { job: skip.job })}`);
    return lines;
  }

  /** Plans `action` on the selection, asks (listing conflicts), saves every move, offers one undo. */
  async function run(action: BulkAction): Promise<boolean> {
    const jobs = [...selected.value].map((name) => board.jobs.get(name)).filter((j): j is BoardJob => j !== undefined);
    if (jobs.length === 0 || busy.value) return false;
    busy.value = true;
    try {
      let day: BulkDay;
      try {
        day = await dayFor(action.kind === 'queue' ? board.date.value : action.date);
      } catch (error) {
        assign.notify({ type: 'negative', message: assign.failureMessage(error), group: false });
        return false;
      }
      const plan = planBulk(jobs, action, day);
      const risky = plan.moves.some((m) => m.conflicts.length > 0);
      if (plan.moves.length === 0) {
        assign.notify({ type: 'warning', message: t('dispatch.bulk.nothing'), caption: planLines(plan).join('\n'), group: false, multiLine: true });
        return false;
      }
      const title = t(risky ? 'dispatch.bulk.titleConflicts' : 'dispatch.bulk.title', plan.moves.length);
      const ok = t(risky ? 'dispatch.bulk.confirmAnyway' : 'dispatch.bulk.confirm', plan.moves.length);
      if (!(await assign.confirm(title, planLines(plan), ok))) return false;
      const previous = new Map(plan.moves.map((m) => [m.job.name, m.job]));
      const results = await Promise.all(plan.moves.map(async (m) => ({ name: m.job.name, result: await assign.saveMove(m.job, movePatch(m)) })));
      const moved = results.filter((r) => r.result.ok).map((r) => r.name);
      const failed = results.filter((r) => !r.result.ok);
      if (moved.length > 0) {
        assign.notify({
          type: 'positive',
          message: t('dispatch.bulk.done', moved.length),
          timeout: 8000,
          group: false,
          actions: [{ label: t('dispatch.toast.undo'), color: 'white', handler: () => void undo(moved.map((name) => previous.get(name) as BoardJob)) }],
        });
      }
      if (failed.length > 0) {
        const first = failed[0]?.result;
        assign.notify({
          type: 'negative',
          message: t('dispatch.bulk.failed', { jobs: failed.map((f) => f.name).join(', ') }),
          caption: first && !first.ok ? assign.failureMessage(first.error) : undefined,
          timeout: 10000,
          group: false,
        });
      }
      clear();
      return moved.length > 0;
    } finally {
      busy.value = false;
    }
  }

  /** The toast's « Annuler »: each job back to its technician, date and start (or the queue). */
  async function undo(previous: readonly BoardJob[]): Promise<void> {
    const results = await Promise.all(
      previous.map(async (was) => {
        const current = board.jobs.get(was.name);
        const patch = current ? restorePatch(was, current) : null;
        return !current || !patch ? { name: was.name, ok: true } : { name: was.name, ok: (await assign.saveMove(current, patch)).ok };
      }),
    );
    const failed = results.filter((r) => !r.ok).map((r) => r.name);
    if (failed.length === 0) assign.notify({ type: 'info', message: t('dispatch.bulk.undone', results.length), group: false });
    else assign.notify({ type: 'negative', message: t('dispatch.bulk.undoFailed', { jobs: failed.join(', ') }), timeout: 10000, group: false });
  }

  return { selected, busy, click, toggle, clear, run };
}

export type DispatchBulk = ReturnType<typeof useDispatchBulk>;
