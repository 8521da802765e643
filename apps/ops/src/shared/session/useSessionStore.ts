// The signed-in user and whether their session is still alive. Loaded once at start from
// /ops/api/me; marked expired by the http client; re-checked when the user comes back.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { Capability } from '@gigafibre/capabilities';
import { isApiError, type ApiError } from '@/shared/http';
import { fetchMe, type SessionUser } from './sessionApi';
import { forgetUser, rememberUser, rememberedUser } from './rememberedUser';
import { userInitials } from './userInitials';

export type SessionStatus = 'loading' | 'ready' | 'error';

export const useSessionStore = defineStore('session', () => {
  const user = ref<SessionUser | null>(null);
  const status = ref<SessionStatus>('loading');
  const loadError = shallowRef<ApiError | null>(null);
  /** True from the first 401/redirect until /me answers again. */
  const expired = ref(false);
  /** Started without network, as the last user seen on this device, until /me answers. */
  const offlineStart = ref(false);
  const restoredListeners = new Set<() => void>();

  const capabilities = computed<ReadonlySet<Capability>>(() => new Set(user.value?.capabilities ?? []));
  const initials = computed(() => (user.value ? userInitials(user.value.name, user.value.email) : ''));

  function can(capability: Capability): boolean {
    return capabilities.value.has(capability);
  }

  async function load(): Promise<void> {
    status.value = 'loading';
    loadError.value = null;
    try {
      user.value = await fetchMe();
      status.value = 'ready';
      rememberUser(user.value);
    } catch (error) {
      // No network at start: open as the last user seen here (the queue and the kept jobs work
      // offline); /me is asked again when the network comes back.
      const remembered = isApiError(error) && (error.code === 'network' || error.code === 'timeout') ? rememberedUser() : null;
      if (remembered) {
        user.value = remembered;
        status.value = 'ready';
        offlineStart.value = true;
        window.addEventListener('online', () => void refresh().catch(() => undefined), { once: true });
        return;
      }
      if (isApiError(error) && error.code === 'session-expired') forgetUser();
      loadError.value = isApiError(error) ? error : null;
      status.value = 'error';
      throw error;
    }
  }

  /** Re-reads /me (groups may have changed); failures are left to the http handlers. */
  async function refresh(): Promise<void> {
    const fresh = await fetchMe();
    user.value = fresh;
    offlineStart.value = false;
    rememberUser(fresh);
    if (expired.value) markRestored();
  }

  function markExpired(): void {
    expired.value = true;
  }

  function markRestored(): void {
    expired.value = false;
    for (const listener of [...restoredListeners]) listener();
  }

  /** After an expiry, checks whether the user signed in again (in another tab); true if so. */
  async function recheck(): Promise<boolean> {
    try {
      user.value = await fetchMe();
      offlineStart.value = false;
      rememberUser(user.value);
      markRestored();
      return true;
    } catch {
      return false;
    }
  }

  /** Runs `listener` each time an expired session comes back (e.g. to flush a queue). */
  function onRestored(listener: () => void): () => void {
    restoredListeners.add(listener);
    return () => restoredListeners.delete(listener);
  }

  return { user, status, loadError, expired, offlineStart, capabilities, initials, can, load, refresh, recheck, markExpired, onRestored };
});
