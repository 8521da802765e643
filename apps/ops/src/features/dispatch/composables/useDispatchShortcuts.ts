// The board's keyboard: ←/→ change day, t today, / search, ? help, m map; on a focused card the
// arrows move between cards, Enter opens it, Space selects it (bulk moves; Échap clears), a plans
// it, Delete sends it back to the queue.
import { onBeforeUnmount, onMounted } from 'vue';
import { nextCard, nextInList, type NavKey } from '../model/dispatchKeyboardNav';
import { isLocked } from '../model/dispatchStatus';
import { stepZoom } from '../model/dispatchZoom';
import type { DispatchContext } from './useDispatchContext';

export interface ShortcutActions {
  goDay(offset: -1 | 1): void;
  goToday(): void;
  focusSearch(): void;
}

const NAV_KEYS = new Set<string>(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End']);

/** Typing in a field, or inside a dialog: the board's shortcuts stay out of the way. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.closest('[role="combobox"]') !== null;
}

export function useDispatchShortcuts(ctx: DispatchContext, actions: ShortcutActions) {
  const { ui, view, assign } = ctx;

  function onCardKey(event: KeyboardEvent, name: string, inQueue: boolean): boolean {
    if (NAV_KEYS.has(event.key)) {
      const key = event.key as NavKey;
      const next = inQueue
        ? nextInList(
            view.queue.value.map((j) => j.name),
            name,
            key,
          )
        : nextCard(
            view.layout.value.rows.map((r) => r.cards),
            name,
            key,
          );
      if (next && next !== name) ctx.focusCard(next);
      return true;
    }
    if (event.key === 'Enter') {
      ui.active.value = name;
      ui.openJob.value = name;
      return true;
    }
    // Space puts the card in (or takes it out of) the selection for a bulk move; without the right to move, it opens it.
    if (event.key === ' ') {
      ui.active.value = name;
      if (ctx.canAssign()) ctx.bulk.toggle(name);
      else ui.openJob.value = name;
      return true;
    }
    const job = ctx.board.jobs.get(name);
    if (event.key === 'a' && ctx.canAssign() && job && !isLocked(job.status)) {
      ui.active.value = name;
      ui.assigning.value = name;
      return true;
    }
    if ((event.key === 'Delete' || event.key === 'Backspace') && !inQueue && ctx.canAssign()) {
      void assign.unassign(name);
      return true;
    }
    return false;
  }

  function onKeydown(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target instanceof HTMLElement ? event.target : null;
    if (target?.closest('.q-dialog, .q-menu')) return;
    // Échap clears the selection (anywhere but in a dialog or a menu, which close first).
    if (event.key === 'Escape' && ctx.bulk.selected.value.size > 0) {
      ctx.bulk.clear();
      event.preventDefault();
      return;
    }
    if (isTyping(target)) {
      // Enter in the search box jumps to the first match.
      if (event.key === 'Enter' && target?.closest('[data-testid="board-search"]')) {
        const first = view.searchHits.value[0];
        if (first) {
          event.preventDefault();
          ctx.focusCard(first);
        }
      }
      return;
    }
    const card = target?.closest<HTMLElement>('[data-job]');
    if (card?.dataset.job && onCardKey(event, card.dataset.job, card.closest('[data-testid="queue"]') !== null)) {
      event.preventDefault();
      return;
    }
    switch (event.key) {
      case 'ArrowLeft':
      case 'ArrowRight':
        actions.goDay(event.key === 'ArrowLeft' ? -1 : 1);
        break;
      case 't':
        actions.goToday();
        break;
      case '/':
        actions.focusSearch();
        break;
      case '?':
        ui.shortcutsOpen.value = true;
        break;
      case 'm':
        ui.mapOpen.value = !ui.mapOpen.value;
        break;
      case '+':
      case '=':
        ui.zoom.value = stepZoom(ui.zoom.value, 1);
        break;
      case '-':
        ui.zoom.value = stepZoom(ui.zoom.value, -1);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  onMounted(() => document.addEventListener('keydown', onKeydown));
  onBeforeUnmount(() => document.removeEventListener('keydown', onKeydown));
}
