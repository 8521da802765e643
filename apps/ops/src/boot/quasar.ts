// Quasar with the plugins the app uses (components are imported per use by the Vite plugin).
// Dialog is installed lazily: `$q.dialog()` works everywhere but loads the plugin on first use.
import type { App } from 'vue';
import { Dark, Loading, Notify, Quasar } from 'quasar';
import 'quasar/src/css/index.sass';
import '@quasar/extras/material-icons/material-icons.css';
import '@/styles/theme.css';
import { applySavedTheme } from '@/layouts/composables/useThemePreference';
import { installLazyDialog } from '@/shared/ui/lazyDialog';
import { BRAND_COLORS } from '@/styles/brand';

export function bootQuasar(app: App): void {
  app.use(Quasar, {
    plugins: { Dark, Loading, Notify },
    config: {
      brand: { ...BRAND_COLORS },
      // Top-right: at the bottom a toast would cover the phone's tab bar.
      notify: { position: 'top-right', timeout: 6000 },
      loading: { delay: 300 },
    },
  });
  installLazyDialog(app.config.globalProperties.$q, app);
  applySavedTheme();
}
