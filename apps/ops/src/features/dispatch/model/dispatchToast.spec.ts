import { describe, expect, it } from 'vitest';
import { toastPlacement } from './dispatchToast';

describe('toastPlacement', () => {
  it('puts the toast inside the queue’s dock, its width', () => {
    // 1366×768: the queue from x 248 to 556, its dock the last 88 px.
    expect(toastPlacement({ left: 248, right: 556, top: 680, bottom: 768 }, 768)).toEqual({ position: 'bottom-left', style: 'margin: 0 0 0px 254px; width: 296px; max-width: 296px' });
    expect(toastPlacement({ left: 248, right: 556, top: 660, bottom: 748 }, 768).style).toContain('margin: 0 0 16px 254px');
  });
  it('falls back to the bottom edge without a usable dock', () => {
    expect(toastPlacement(null, 768)).toEqual({ position: 'bottom', style: null });
    expect(toastPlacement({ left: 0, right: 150, top: 700, bottom: 768 }, 768).position).toBe('bottom');
  });
});
