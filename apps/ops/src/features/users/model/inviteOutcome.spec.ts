import { describe, expect, it } from 'vitest';
import type { InviteUserResult } from '@gigafibre/contracts';
import { inviteOutcome } from './inviteOutcome';

const result = (steps: Partial<InviteUserResult['steps']> = {}, warnings: string[] = []): InviteUserResult => ({
  user: { pk: 9, username: 'marie', email: 'marie@gigafibre.ca', name: 'Marie', groups: ['ops-tech'], is_active: true, created: '2025-01-01T00:00:00Z', last_login: null },
  temporary_password: 'AbCd2345EfGh',
  steps: { authentik: 'created', erpnext: 'created', email: 'sent', ...steps },
  warnings,
});

describe('inviteOutcome', () => {
  it('calls a 201 with every step done complete', () => {
    expect(inviteOutcome(result())).toEqual({
      complete: true,
      steps: [
        { step: 'authentik', ok: true },
        { step: 'erpnext', ok: true },
        { step: 'email', ok: true },
      ],
      emailed: true,
      next: [],
      warnings: [],
    });
  });

  it('reports a failed ERPNext user as partial, with what to do', () => {
    const outcome = inviteOutcome(result({ erpnext: 'failed' }, ['Utilisateur ERPNext non créé (existe déjà).']));
    expect(outcome.complete).toBe(false);
    expect(outcome.steps.find((s) => s.step === 'erpnext')).toEqual({ step: 'erpnext', ok: false });
    expect(outcome.emailed).toBe(true);
    expect(outcome.next).toEqual(['linkErpnext']);
    expect(outcome.warnings).toEqual(['Utilisateur ERPNext non créé (existe déjà).']);
  });

  it('reports an undelivered e-mail: the admin hands the password over', () => {
    const outcome = inviteOutcome(result({ email: 'failed' }, ['Courriel non envoyé.']));
    expect(outcome).toMatchObject({ complete: false, emailed: false, next: ['handOverPassword'] });
  });

  it('lists both next steps when both failed', () => {
    expect(inviteOutcome(result({ erpnext: 'failed', email: 'failed' })).next).toEqual(['linkErpnext', 'handOverPassword']);
  });

  it('never calls an answer with a warning complete, even if every step says done', () => {
    expect(inviteOutcome(result({}, ['Groupe Authentik synchronisé en retard.']))).toMatchObject({ complete: false, next: ['readWarnings'] });
    expect(inviteOutcome(result({}, ['  ']))).toMatchObject({ complete: true, warnings: [] });
  });
});
