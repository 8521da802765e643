// The navigation for the signed-in user, and the phone's tab bar derived from it.
import { computed } from 'vue';
import { useRouter } from 'vue-router';
import { useSessionStore } from '@/shared/session/useSessionStore';
import { navItems, phoneTabs } from '@/router/navItems';

export function useShellNav() {
  const router = useRouter();
  const session = useSessionStore();
  const items = computed(() => navItems(router.getRoutes(), session.capabilities));
  const phone = computed(() => phoneTabs(items.value));
  return { items, tabs: computed(() => phone.value.tabs), overflow: computed(() => phone.value.overflow) };
}
