import { describe, expect, it } from 'vitest';
import { tooltipPlacement } from './dispatchTooltip';

const laptop = { width: 1366, height: 768 };
const card = (left: number, top: number, width = 120, height = 38) => ({ left, top, right: left + width, bottom: top + height });

describe('tooltipPlacement', () => {
  it('opens below and rightwards from a card in the middle of the board', () => {
    expect(tooltipPlacement(card(500, 300), laptop)).toEqual({ anchor: 'bottom left', self: 'top left', maxWidth: 320 });
  });
  it('opens leftwards from a card near the right edge, above one near the bottom', () => {
    expect(tooltipPlacement(card(1250, 300), laptop)).toMatchObject({ anchor: 'bottom right', self: 'top right' });
    expect(tooltipPlacement(card(500, 720), laptop)).toMatchObject({ anchor: 'top left', self: 'bottom left' });
    expect(tooltipPlacement(card(1250, 720), laptop)).toMatchObject({ anchor: 'top right', self: 'bottom right' });
  });
  it('a narrow card cut by the left edge still opens rightwards; a phone caps the width', () => {
    expect(tooltipPlacement(card(-40, 300, 60), laptop)).toMatchObject({ anchor: 'bottom left' });
    expect(tooltipPlacement(card(20, 300), { width: 300, height: 600 }).maxWidth).toBe(284);
  });
});
