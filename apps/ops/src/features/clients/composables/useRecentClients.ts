// The signed-in user's recent clients as reactive state (read once, updated when a client opens).
import { computed, ref } from 'vue';
import { useSessionStore } from '@/shared/session/useSessionStore';
import { clearRecentClients, readRecentClients, rememberRecentClient, type RecentClient } from '../model/recentClients';

const list = ref<RecentClient[]>([]);
let loadedFor: string | null = null;

export function useRecentClients() {
  const session = useSessionStore();
  const user = computed(() => session.user?.email ?? '');
  if (user.value && loadedFor !== user.value) {
    list.value = readRecentClients(user.value);
    loadedFor = user.value;
  }
  return {
    recent: computed(() => (loadedFor === user.value ? list.value : [])),
    remember(client: { id: string; name: string }): void {
      if (!user.value) return;
      list.value = rememberRecentClient(user.value, client);
      loadedFor = user.value;
    },
    clear(): void {
      if (!user.value) return;
      clearRecentClients(user.value);
      list.value = [];
    },
  };
}
