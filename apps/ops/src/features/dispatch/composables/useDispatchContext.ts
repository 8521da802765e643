// The board's state, built once by the page and shared with its components (provide/inject)
// rather than threaded through every prop.
import { inject, provide, shallowRef, type ComputedRef, type InjectionKey, type Ref, type ShallowRef } from 'vue';
import type { DispatchAssign } from './useDispatchAssign';
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
