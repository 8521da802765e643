// Loaded on the first toast only (see lazyNotify.ts). A plain import (not `export … from`) so the
// Quasar Vite plugin rewrites it to the plugin's own source file.
import { Notify } from 'quasar';

export { Notify };
