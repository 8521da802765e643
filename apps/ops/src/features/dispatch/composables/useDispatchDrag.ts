// Drag and drop with the browser's own DnD (mouse; Playwright's dragTo): a card from the queue or
// the board onto a technician's row at a time, or back onto the queue. While hovering a row the
// snapped slot and its conflicts are shown; the dragged card is protected from live updates.
import { shallowRef } from 'vue';
import type { Conflict } from '../model/dispatchConflicts';
import { pointedSlot, slotAt } from '../model/dispatchTime';
import type { DispatchAssign } from './useDispatchAssign';
import type { DispatchBoardData } from './useDispatchBoard';
import type { DispatchBoardView } from './useDispatchBoardView';

export const DRAG_MIME = 'application/x-gigafibre-dispatch-job';

export interface DragState {
  job: string;
  from: 'board' | 'queue';
  /** Minutes between the job's start and where the card was grabbed (board cards). */
  grabMinutes: number;
}

export interface HoverSlot {
  technician: string;
  start: number;
  end: number;
  conflicts: Conflict[];
  /** Where the pointer was, when the slot had to move the start to keep the job within the day. */
  pointed: number | null;
}

export function useDispatchDrag(board: DispatchBoardData, view: DispatchBoardView, assign: DispatchAssign, canAssign: () => boolean) {
  const drag = shallowRef<DragState | null>(null);
  const hover = shallowRef<HoverSlot | null>(null);
  const overQueue = shallowRef(false);

  /** `element` is the dragged card (to keep where it was grabbed); queue cards start at the pointer. */
  function start(event: DragEvent, name: string, from: DragState['from'], element?: HTMLElement): void {
    const job = board.jobs.get(name);
    if (!canAssign() || !job || !event.dataTransfer) {
      event.preventDefault();
      return;
    }
    let grabMinutes = 0;
    if (from === 'board' && element) {
      const rect = element.getBoundingClientRect();
      grabMinutes = rect.width > 0 ? ((event.clientX - rect.left) / rect.width) * job.duration_minutes : 0;
    }
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData(DRAG_MIME, name);
    event.dataTransfer.setData('text/plain', name);
    drag.value = { job: name, from, grabMinutes };
    board.jobs.beginDrag(name);
  }

  /** The row track under the pointer and the slot it designates. */
  function slotFrom(event: DragEvent): HoverSlot | null {
    const state = drag.value;
    const track = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-track]') : null;
    const job = state ? board.jobs.get(state.job) : undefined;
    if (!state || !track || !job) return null;
    const technician = track.dataset.track as string;
    const rect = track.getBoundingClientRect();
    const offset = event.clientX - rect.left;
    const startMin = slotAt(offset, rect.width, view.axis.value, job.duration_minutes, state.grabMinutes);
    const pointed = pointedSlot(offset, rect.width, view.axis.value, state.grabMinutes);
    const target = { technician, date: board.date.value, start: startMin };
    return { technician, start: startMin, end: startMin + job.duration_minutes, conflicts: assign.conflictsAt(job, target), pointed: pointed === startMin ? null : pointed };
  }

  function overTrack(event: DragEvent): void {
    if (!drag.value) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
    const slot = slotFrom(event);
    const current = hover.value;
    // Only a new slot re-renders the preview (dragover fires continuously).
    if (!slot || (current && current.technician === slot.technician && current.start === slot.start)) return;
    hover.value = slot;
  }

  function leaveTracks(event: DragEvent): void {
    const next = event.relatedTarget;
    if (!(next instanceof Element) || !next.closest('[data-track]')) hover.value = null;
  }

  function dropOnTrack(event: DragEvent): void {
    if (!drag.value) return;
    event.preventDefault();
    const slot = slotFrom(event) ?? hover.value;
    const name = drag.value.job;
    if (slot) void assign.place(name, { technician: slot.technician, date: board.date.value, start: slot.start }, { pointed: slot.pointed });
    // The drag is over once dropped: the source card may already have left the DOM (moved out of
    // the queue), and then its own dragend never reaches us.
    end();
  }

  function overQueueZone(event: DragEvent): void {
    if (!drag.value || drag.value.from !== 'board') return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
    overQueue.value = true;
  }

  function dropOnQueue(event: DragEvent): void {
    overQueue.value = false;
    if (!drag.value || drag.value.from !== 'board') return;
    event.preventDefault();
    void assign.unassign(drag.value.job);
    end();
  }

  /** The drag ended (dropped anywhere, or Escape): live updates held for that card apply now. */
  function end(): void {
    drag.value = null;
    hover.value = null;
    overQueue.value = false;
    board.highlight(board.jobs.endDrag());
  }

  return { drag, hover, overQueue, start, overTrack, leaveTracks, dropOnTrack, overQueueZone, dropOnQueue, leaveQueue: () => (overQueue.value = false), end };
}

export type DispatchDrag = ReturnType<typeof useDispatchDrag>;
