// What an invitation really did, read from the hub's answer (201 complete, 207 partial): which
// steps worked and what the admin must do next. Never calls a partial invitation a success.
import type { InviteUserResult } from '@gigafibre/contracts';

export type InviteStep = keyof InviteUserResult['steps'];

/** i18n keys (under `users.result.next`) of what the admin must do after a partial invitation. */
export type NextStep = 'linkErpnext' | 'handOverPassword' | 'readWarnings';

export interface InviteOutcome {
  /** Every step worked and the hub raised no warning. */
  complete: boolean;
  steps: { step: InviteStep; ok: boolean }[];
  /** The temporary password was e-mailed to the new user. */
  emailed: boolean;
  next: NextStep[];
  /** The hub's own words about each failed step. */
  warnings: string[];
}

const ORDER: InviteStep[] = ['authentik', 'erpnext', 'email'];

export function inviteOutcome(result: InviteUserResult): InviteOutcome {
  const ok: Record<InviteStep, boolean> = {
    authentik: result.steps.authentik === 'created',
    erpnext: result.steps.erpnext === 'created',
    email: result.steps.email === 'sent',
  };
  const warnings = result.warnings.filter((w) => w.trim() !== '');
  const next: NextStep[] = [];
  if (!ok.erpnext) next.push('linkErpnext');
  if (!ok.email) next.push('handOverPassword');
  // A warning the steps do not explain still has to be read: say so rather than call it done.
  if (next.length === 0 && warnings.length > 0) next.push('readWarnings');
  return {
    complete: ORDER.every((step) => ok[step]) && warnings.length === 0,
    steps: ORDER.map((step) => ({ step, ok: ok[step] })),
    emailed: ok.email,
    next,
    warnings,
  };
}
