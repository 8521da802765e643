// The invitation and edit forms' rules, checked before anything is sent. They mirror the hub's
// schemas (packages/contracts hub-users.ts; zod is left out of the SPA's bundle): a form that
// passes here is never refused by the hub for its shape.
import { DEFAULT_GROUPS } from '@gigafibre/capabilities';

/** zod 4's "practical" e-mail pattern, which the hub applies. */
const EMAIL = /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
export const MAX_EMAIL = 254;
export const MAX_NAME = 150;
export const MAX_GROUPS = 20;

/** i18n keys (under `users.validation`) of the problems a form can have. */
export type ValidationProblem = 'emailRequired' | 'emailInvalid' | 'emailTooLong' | 'nameRequired' | 'nameTooLong' | 'groupsRequired' | 'groupsTooMany' | 'groupUnknown';

export interface InviteForm {
  email: string;
  name: string;
  groups: readonly string[];
}

export type FormErrors<K extends string> = Partial<Record<K, ValidationProblem>>;

/** The e-mail as it will be sent: trimmed, lower-case (the hub stores it so). */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The name as it will be sent: trimmed, inner runs of spaces collapsed. */
export function normaliseName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

export function emailProblem(email: string): ValidationProblem | undefined {
  const value = normaliseEmail(email);
  if (value === '') return 'emailRequired';
  if (value.length > MAX_EMAIL) return 'emailTooLong';
  return EMAIL.test(value) ? undefined : 'emailInvalid';
}

export function nameProblem(name: string): ValidationProblem | undefined {
  const value = normaliseName(name);
  if (value === '') return 'nameRequired';
  return value.length > MAX_NAME ? 'nameTooLong' : undefined;
}

/** At least one group, each among `allowed` (by default the groups the hub knows). */
export function groupsProblem(groups: readonly string[], allowed: readonly string[] = DEFAULT_GROUPS): ValidationProblem | undefined {
  if (groups.length === 0) return 'groupsRequired';
  if (groups.length > MAX_GROUPS) return 'groupsTooMany';
  return groups.every((g) => allowed.includes(g)) ? undefined : 'groupUnknown';
}

function compact<K extends string>(errors: Record<K, ValidationProblem | undefined>): FormErrors<K> {
  return Object.fromEntries(Object.entries(errors).filter(([, v]) => v !== undefined)) as FormErrors<K>;
}

/** Every problem of an invitation form, by field; empty when it may be sent. */
export function validateInvite(form: InviteForm, allowedGroups: readonly string[] = DEFAULT_GROUPS): FormErrors<keyof InviteForm> {
  return compact({ email: emailProblem(form.email), name: nameProblem(form.name), groups: groupsProblem(form.groups, allowedGroups) });
}

/** Every problem of the edit form (name and groups), by field. */
export function validateEdit(form: Omit<InviteForm, 'email'>, allowedGroups: readonly string[] = DEFAULT_GROUPS): FormErrors<'name' | 'groups'> {
  return compact({ name: nameProblem(form.name), groups: groupsProblem(form.groups, allowedGroups) });
}
