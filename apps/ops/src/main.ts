import { createApp } from 'vue';
import App from './App.vue';
import { boot } from './boot';

// No top-level await here: lazy chunks import from the entry, and an entry still awaiting would
// deadlock their dynamic import.
const app = createApp(App);
void boot(app).then(() => app.mount('#app'));
