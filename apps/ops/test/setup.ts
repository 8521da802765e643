// Vitest setup for the SPA: IndexedDB, Quasar on every mounted component, and what jsdom lacks.
import 'fake-indexeddb/auto';
import { config } from '@vue/test-utils';
import { Quasar } from 'quasar';

config.global.plugins.push([Quasar, {}]);

if (!('orientation' in window.screen)) {
  Object.defineProperty(window.screen, 'orientation', {
    value: { type: 'landscape-primary', angle: 0, addEventListener() {}, removeEventListener() {} },
  });
}
