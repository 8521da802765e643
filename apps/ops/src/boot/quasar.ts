// Quasar with the plugins the app uses (components are imported per use by the Vite plugin).
// Dialog and Notify are installed lazily: `$q.dialog()` / `$q.notify()` work everywhere but load
// their plugin on first use (first-load budget).
import type { App } from 'vue';
import { Dark, Quasar } from 'quasar';
import 'quasar/src/css/index.sass';
import '@quasar/extras/material-icons/material-icons.css';
import '@/styles/theme.css';
import { applySavedTheme } from '@/layouts/composables/useThemePreference';
import { installLazyDialog } from '@/shared/ui/lazyDialog';
import { installLazyNotify } from '@/shared/ui/lazyNotify';
import { BRAND_COLORS } from '@/styles/brand';

export function bootQuasar(app: App): void {
  app.use(Quasar, {
    plugins: { Dark },
    config: {
      brand: { ...BRAND_COLORS },
      // Top-right: at the bottom a toast would cover the phone's tab bar.
      notify: { position: 'top-right', timeout: 6000 },
    },
  });
  installLazyDialog(app.config.globalProperties.$q, app);
  installLazyNotify(app.config.globalProperties.$q, app);
  applySavedTheme();
}
