// Where the board's toasts go: into the dock at the foot of the queue (a strip that holds no
// control), sized to it, so a toast never covers the search, the region, the view controls, cards
// or the map. Without the dock (phones, the board not shown) they fall back to the bottom edge.
import type { Rect } from './dispatchTooltip';

export interface ToastPlacement {
  position: 'bottom-left' | 'bottom';
  /** Inline style of the notification (Quasar's `attrs`), or none. */
  style: string | null;
}

/** Gap between the dock's edges and the toast, px. */
const INSET = 6;
/** Quasar's bottom list sits this far above the window's bottom edge. */
const QUASAR_LIST_GAP = 10;

export function toastPlacement(dock: Rect | null, viewportHeight: number): ToastPlacement {
  if (!dock || dock.right - dock.left < 200 || dock.bottom - dock.top < 40) return { position: 'bottom', style: null };
  const width = Math.round(dock.right - dock.left - 2 * INSET);
  const bottom = Math.max(0, Math.round(viewportHeight - dock.bottom + INSET - QUASAR_LIST_GAP));
  return { position: 'bottom-left', style: `margin: 0 0 ${bottom}px ${Math.round(dock.left + INSET)}px; width: ${width}px; max-width: ${width}px` };
}
