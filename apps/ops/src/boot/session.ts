// Who is signed in, before the first navigation (the guard needs the capabilities). At start nothing
// is in progress, so an expired session goes straight to sign-in; other failures show in App.vue.
import { signInUrl } from '@/shared/session/sessionApi';
import { useSessionStore } from '@/shared/session/useSessionStore';
import { isApiError } from '@/shared/http';

export async function bootSession(): Promise<void> {
  const session = useSessionStore();
  try {
    await session.load();
  } catch (error) {
    if (isApiError(error) && error.code === 'session-expired') window.location.assign(signInUrl(window.location.href));
  }
}
