// The map panel's share of the board (below the timeline, or beside it on wide screens), changed
// by dragging or with the arrow keys on the separator, and remembered on this device.
import { ref, watch, type Ref } from 'vue';
import { readPreference, writePreference } from '@/shared/storage/preferences';

const PREFERENCE = 'ops.dispatch.mapSize';
export const MAP_SIZE = { min: 20, max: 70, initial: 42, step: 5 } as const;

const clamp = (value: number) => Math.min(MAP_SIZE.max, Math.max(MAP_SIZE.min, Math.round(value)));

export function useDispatchMapSize(container: Ref<HTMLElement | null>, side: Ref<boolean>) {
  const stored = Number(readPreference(PREFERENCE));
  /** Percent of the board's height (below) or width (beside) the map takes. */
  const size = ref(Number.isFinite(stored) && stored > 0 ? clamp(stored) : MAP_SIZE.initial);
  watch(size, (value) => writePreference(PREFERENCE, String(value)));

  function fromPointer(event: PointerEvent): void {
    const box = container.value?.getBoundingClientRect();
    if (!box || box.width === 0 || box.height === 0) return;
    // The map is below (or right of) the separator: its share is what lies past the pointer.
    size.value = clamp(side.value ? ((box.right - event.clientX) / box.width) * 100 : ((box.bottom - event.clientY) / box.height) * 100);
  }

  function onPointerDown(event: PointerEvent): void {
    const handle = event.currentTarget as HTMLElement;
    handle.setPointerCapture(event.pointerId);
    const move = (e: PointerEvent) => fromPointer(e);
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      handle.removeEventListener('pointercancel', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
    handle.addEventListener('pointercancel', up);
  }

  /** Arrows grow or shrink the map (towards the timeline grows it), Home/End go to the limits. */
  function onKeydown(event: KeyboardEvent): void {
    const grow = side.value ? 'ArrowLeft' : 'ArrowUp';
    const shrink = side.value ? 'ArrowRight' : 'ArrowDown';
    if (event.key === grow) size.value = clamp(size.value + MAP_SIZE.step);
    else if (event.key === shrink) size.value = clamp(size.value - MAP_SIZE.step);
    else if (event.key === 'Home') size.value = MAP_SIZE.min;
    else if (event.key === 'End') size.value = MAP_SIZE.max;
    else return;
    event.preventDefault();
    event.stopPropagation();
  }

  return { size, onPointerDown, onKeydown };
}
