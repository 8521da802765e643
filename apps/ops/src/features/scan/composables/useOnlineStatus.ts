// Whether the browser believes it is online (it can be wrong one way: "online" with no route to
// the server; the queue copes with that by failing and retrying).
import { onBeforeUnmount, ref } from 'vue';

export function useOnlineStatus() {
  const online = ref(typeof navigator === 'undefined' ? true : navigator.onLine);
  const update = () => {
    online.value = navigator.onLine;
  };
  window.addEventListener('online', update);
  window.addEventListener('offline', update);
  onBeforeUnmount(() => {
    window.removeEventListener('online', update);
    window.removeEventListener('offline', update);
  });
  return online;
}
