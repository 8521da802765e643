import { createApp } from 'vue';
import App from './App.vue';
import { boot } from './boot';

const app = createApp(App);
await boot(app);
app.mount('#app');
