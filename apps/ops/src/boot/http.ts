// Where network failures meet the user, in one place: an expired session opens the sign-in dialog
// (the live stream pauses), a refused action names the missing permission, and any other failure
// the caller did not handle itself becomes a readable toast.
import { i18n } from '@/i18n';
import { capabilityLabel } from '@/i18n/labels';
import { useSessionStore } from '@/shared/session/useSessionStore';
import { setHttpHandlers, type ApiError } from '@/shared/http';
import { notify } from '@/shared/ui/lazyNotify';
import { useLiveStore } from '@/shared/live';

/** The toast text for a failure (exported for tests). */
export function failureMessage(error: ApiError): string {
  const t = i18n.global.t;
  if (error.code === 'forbidden' && error.missing.length > 0) {
    return t('http.forbiddenCapability', { capability: error.missing.map(capabilityLabel).join(', ') });
  }
  if (error.serverMessages.length > 0 && error.code !== 'forbidden') return error.serverMessages.join(' ');
  return t(`http.errors.${error.code}`);
}

export function bootHttp(): void {
  setHttpHandlers({
    sessionExpired() {
      useSessionStore().markExpired();
      useLiveStore().stop('signed-out');
    },
    failed(error) {
      notify({
        type: error.code === 'forbidden' ? 'warning' : 'negative',
        message: failureMessage(error),
        caption: error.requestId ? i18n.global.t('http.reference', { id: error.requestId }) : undefined,
        group: `${error.code}:${error.message}`,
        actions: [{ icon: 'close', color: 'white', round: true, 'aria-label': i18n.global.t('ui.close') }],
      });
    },
  });
}
