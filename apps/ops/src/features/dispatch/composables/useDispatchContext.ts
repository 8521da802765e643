// The board's state, built once by the page and shared with its components (provide/inject)
// rather than threaded through every prop.
import { inject, provide, shallowRef, type ComputedRef, type InjectionKey, type Ref, type ShallowRef } from 'vue';
import type { DispatchAssign } from './useDispatchAssign';
import type { DispatchBulk } from './useDispatchBulk';
import type { DispatchBoardData } from './useDispatchBoard';
import type { DispatchBoardView } from './useDispatchBoardView';
import type { DispatchDrag } from './useDispatchDrag';
import type { DispatchLabels } from './useDispatchLabels';
import type { Density, ZoomLevel } from '../model/dispatchZoom';

export interface DispatchUi {
  search: Ref<string>;
  /** The card that holds the keyboard (roving tabindex), on the board or in the queue. */
  active: ShallowRef<string | null>;
  /** The job whose drawer is open. */
  openJob: ShallowRef<string | null>;
  /** The job in the keyboard assign dialog. */
  assigning: ShallowRef<string | null>;
  /** The technician whose « Ajouter une absence » dialog is open. */
  absenceFor: ShallowRef<string | null>;
  mapOpen: Ref<boolean>;
  shortcutsOpen: Ref<boolean>;
  /** The time axis's zoom and the rows' density (remembered by the page). */
  zoom: Ref<ZoomLevel>;
  density: Ref<Density>;
}

export interface DispatchContext {
  board: DispatchBoardData;
  view: DispatchBoardView;
  labels: DispatchLabels;
  assign: DispatchAssign;
  drag: DispatchDrag;
  /** The selection of several jobs and its one-action moves. */
  bulk: DispatchBulk;
  ui: DispatchUi;
  canAssign: () => boolean;
  /** `--dj-<status>` colours for the current theme: on the page, and on dialogs (they live outside it). */
  statusVars: ComputedRef<Record<string, string>>;
  /** Moves keyboard focus to a card (scrolling its row or queue entry into view first). */
  focusCard: (name: string) => void;
}

const KEY: InjectionKey<DispatchContext> = Symbol('dispatch');

export function provideDispatch(context: DispatchContext): void {
  provide(KEY, context);
}

export function useDispatch(): DispatchContext {
  const context = inject(KEY);
  if (!context) throw new Error('useDispatch() outside the dispatch board');
  return context;
}

/**
 * A ctrl/⌘-click toggles the card in the selection, a shift-click adds the range up to it (true:
 * handled, the drawer stays closed); a plain click clears the selection (the caller opens the card).
 */
export function selectByClick(ctx: DispatchContext, event: MouseEvent, name: string): boolean {
  if (!ctx.canAssign()) return false;
  if (event.ctrlKey || event.metaKey || event.shiftKey) {
    ctx.bulk.click(name, event.shiftKey ? 'range' : 'toggle');
    return true;
  }
  ctx.bulk.clear();
  return false;
}

export function createDispatchUi(search: Ref<string>, mapOpen: Ref<boolean>, zoom: Ref<ZoomLevel>, density: Ref<Density>): DispatchUi {
  return {
    search,
    zoom,
    density,
    active: shallowRef(null),
    openJob: shallowRef(null),
    assigning: shallowRef(null),
    absenceFor: shallowRef(null),
    mapOpen,
    shortcutsOpen: shallowRef(false),
  };
}
