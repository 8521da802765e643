// Loaded on the first `$q.dialog()` call only (see lazyDialog.ts). A plain import (not
// `export … from`) so the Quasar Vite plugin rewrites it to the plugin's own source file.
import { Dialog } from 'quasar';

export { Dialog };
