// Vitest setup for the SPA: IndexedDB, Quasar on every mounted component, and what jsdom lacks.
// Specs run on Node unless their first line asks for jsdom (vitest.config.ts); those on Node skip
// the DOM part: they have no window (and Quasar cannot even be imported without one).
import 'fake-indexeddb/auto';
import { config } from '@vue/test-utils';

if (typeof window !== 'undefined') {
  const { Quasar } = await import('quasar');
  config.global.plugins.push([Quasar, {}]);

  // QLayout watches its size; jsdom has no layout, so an observer that never fires is faithful.
  const globals = window as unknown as { ResizeObserver?: unknown };
  globals.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };

  if (!('orientation' in window.screen)) {
    Object.defineProperty(window.screen, 'orientation', {
      value: { type: 'landscape-primary', angle: 0, addEventListener() {}, removeEventListener() {} },
    });
  }
}
