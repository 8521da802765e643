// Where a card's tooltip goes so that it stays inside the window: below the card unless that would
// run past the bottom (then above), and aligned on the card's side nearest the window's middle (a
// card at the right edge opens its tooltip leftwards). Quasar's anchor/self pairs, plus the width cap.

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface TooltipPlacement {
  anchor: 'bottom left' | 'bottom right' | 'top left' | 'top right';
  self: 'top left' | 'top right' | 'bottom left' | 'bottom right';
  /** px: never wider than the window minus margins. */
  maxWidth: number;
}

/** Widest a tooltip gets (three lines of a card's words). */
export const TOOLTIP_MAX_WIDTH = 320;
/** Room a tooltip needs below its card before it flips above (three lines and the offset). */
export const TOOLTIP_ROOM = 84;

export function tooltipPlacement(card: Rect, viewport: { width: number; height: number }): TooltipPlacement {
  const below = viewport.height - card.bottom >= TOOLTIP_ROOM || card.top < TOOLTIP_ROOM;
  // Open towards the side with more room: a card whose left edge is far right opens leftwards.
  const fromRight = viewport.width - Math.max(card.left, 0) < TOOLTIP_MAX_WIDTH && card.right - TOOLTIP_MAX_WIDTH >= 0;
  const side = fromRight ? 'right' : 'left';
  return {
    anchor: `${below ? 'bottom' : 'top'} ${side}`,
    self: `${below ? 'top' : 'bottom'} ${side}`,
    maxWidth: Math.max(120, Math.min(TOOLTIP_MAX_WIDTH, viewport.width - 16)),
  };
}
