// The invitation form's state: fields, French validation before sending, the hub's answer. The
// temporary password lives here only: this state belongs to the dialog's content and is dropped
// (and explicitly cleared) when the dialog closes; it never reaches a store or storage.
import { computed, onScopeDispose, reactive, ref, shallowRef, watch } from 'vue';
import type { InviteUserResult } from '@gigafibre/contracts';
import { isApiError } from '@/shared/http';
import { useApiErrorText } from '@/shared/ui';
import { inviteUser } from '../api/usersApi';
import { normaliseEmail, normaliseName, validateInvite, type InviteForm, type ValidationProblem } from '../model/inviteValidation';

export type InviteField = keyof InviteForm;
/** A field's problem: a validation rule, or the hub saying the address is taken (409). */
export type InviteFieldProblem = ValidationProblem | 'emailTaken';

/** Why nothing (or perhaps something) was created: an i18n key under `users.invite`, and the server's words. */
export interface InviteFailure {
  key: 'unknownOutcome' | 'refused' | 'forbidden';
  message: string;
}

const FIELD_ORDER: InviteField[] = ['email', 'name', 'groups'];
const OUTCOME_UNKNOWN = new Set(['timeout', 'network', 'unavailable', 'server', 'bad-response', 'unknown']);

export function useInviteUser(options: { allowedGroups: () => readonly string[]; onCreated: () => void; onOutcomeUnknown: () => void }) {
  const form = reactive<{ email: string; name: string; groups: string[] }>({ email: '', name: '', groups: [] });
  const describeError = useApiErrorText();
  /** Validation runs live once the user has tried to send. */
  const attempted = ref(false);
  const takenEmail = ref<string | null>(null);
  const sending = ref(false);
  const failure = ref<InviteFailure | null>(null);
  const result = shallowRef<InviteUserResult | null>(null);

  const errors = computed<Partial<Record<InviteField, InviteFieldProblem>>>(() => {
    const found: Partial<Record<InviteField, InviteFieldProblem>> = attempted.value ? validateInvite(form, options.allowedGroups()) : {};
    if (!found.email && takenEmail.value !== null && normaliseEmail(form.email) === takenEmail.value) found.email = 'emailTaken';
    return found;
  });

  // A banner about the previous attempt is stale once the form changes.
  watch(form, () => (failure.value = null), { deep: true });

  /** Sends the invitation if the form is valid. Resolves with the first field to fix, or null. */
  async function submit(): Promise<InviteField | null> {
    if (sending.value) return null;
    attempted.value = true;
    const firstInvalid = FIELD_ORDER.find((field) => errors.value[field] !== undefined);
    if (firstInvalid) return firstInvalid;
    sending.value = true;
    failure.value = null;
    const email = normaliseEmail(form.email);
    try {
      result.value = await inviteUser({ email, name: normaliseName(form.name), groups: [...form.groups] });
      options.onCreated();
      return null;
    } catch (error) {
      if (isApiError(error) && error.code === 'conflict') {
        takenEmail.value = email;
        return 'email';
      }
      const message = describeError(error).message;
      if (isApiError(error) && error.code === 'forbidden') failure.value = { key: 'forbidden', message };
      else if (!isApiError(error) || OUTCOME_UNKNOWN.has(error.code)) {
        failure.value = { key: 'unknownOutcome', message };
        options.onOutcomeUnknown();
      } else failure.value = { key: 'refused', message };
      return null;
    } finally {
      sending.value = false;
    }
  }

  /** Back to an empty form; forgets the password. */
  function reset(): void {
    result.value = null;
    Object.assign(form, { email: '', name: '', groups: [] });
    attempted.value = false;
    takenEmail.value = null;
    failure.value = null;
  }

  onScopeDispose(reset);

  return { form, errors, sending, failure, result, submit, reset };
}
