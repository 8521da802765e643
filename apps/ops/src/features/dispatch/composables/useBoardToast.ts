// The board's toasts: one at a time, in the queue's dock (model/dispatchToast.ts) — a newer one
// replaces the older, so they never pile up over the queue's cards.
import type { QNotifyCreateOptions } from 'quasar';
import { notify } from '@/shared/ui/lazyNotify';
import { toastPlacement } from '../model/dispatchToast';

/** The dock's test id (DispatchQueue renders it). */
export const TOAST_DOCK = 'toast-dock';

let dismissPrevious: (() => void) | null = null;

export function boardNotify(options: QNotifyCreateOptions): void {
  const dock = document.querySelector(`[data-testid="${TOAST_DOCK}"]`)?.getBoundingClientRect() ?? null;
  const { position, style } = toastPlacement(dock, window.innerHeight);
  dismissPrevious?.();
  const attrs = { ...(options.attrs as Record<string, unknown> | undefined), ...(style && { style }) };
  dismissPrevious = notify({ ...options, position, attrs, classes: ['dj-toast', options.classes].filter(Boolean).join(' ') });
}
