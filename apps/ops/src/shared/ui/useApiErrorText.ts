// What to tell the user about a failure, in their language: the server's own words when it gave
// some (Frappe validation messages), otherwise the wording for the error's kind.
import { useI18n } from 'vue-i18n';
import { isApiError } from '@/shared/http';

export interface ErrorText {
  message: string;
  /** « Référence : <request id> » for support, when the BFF gave one. */
  reference: string;
}

export function useApiErrorText() {
  const { t } = useI18n({ useScope: 'global' });
  return (error: unknown): ErrorText => {
    if (!isApiError(error)) return { message: t('http.errors.unknown'), reference: '' };
    // A document outside the user's rows (another technician's job): say so rather than "not allowed".
    const generic = error.code === 'forbidden' && error.details.reason === 'out_of_scope' ? t('http.outOfScope') : t(`http.errors.${error.code}`);
    const message = error.serverMessages.length > 0 && error.code !== 'forbidden' ? error.serverMessages.join(' ') : generic;
    return { message, reference: error.requestId ? t('http.reference', { id: error.requestId }) : '' };
  };
}
