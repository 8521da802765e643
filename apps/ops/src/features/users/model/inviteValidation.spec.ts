import { describe, expect, it } from 'vitest';
import { inviteUserSchema } from '@gigafibre/contracts';
import { emailProblem, groupsProblem, nameProblem, normaliseEmail, normaliseName, validateEdit, validateInvite } from './inviteValidation';

const VALID = { email: 'marie.tremblay@gigafibre.ca', name: 'Marie Tremblay', groups: ['ops-dispatch'] };

describe('validateInvite', () => {
  it('accepts a complete form', () => {
    expect(validateInvite(VALID)).toEqual({});
  });

  it('names every problem of an empty form at once', () => {
    expect(validateInvite({ email: '', name: '   ', groups: [] })).toEqual({ email: 'emailRequired', name: 'nameRequired', groups: 'groupsRequired' });
  });

  it('refuses malformed addresses', () => {
    for (const email of ['marie', 'marie@', '@gigafibre.ca', 'marie@gigafibre', 'marie tremblay@gigafibre.ca', 'marie@@gigafibre.ca', 'marie@gigafibre..ca', '.marie@gigafibre.ca', 'marie@-gigafibre.ca', 'marie@gigafibre.c']) {
      expect(emailProblem(email), email).toBe('emailInvalid');
    }
    expect(emailProblem(`${'a'.repeat(250)}@gigafibre.ca`)).toBe('emailTooLong');
  });

  it('accepts real addresses, ignoring surrounding spaces and case', () => {
    for (const email of ['m@gigafibre.ca', 'Marie-Eve.Tremblay@Gigafibre.CA', ' o\'neil+ops@targo.ca ', 'tech_02@sous.domaine.gigafibre.ca', 'perdu@courriel.invalid']) {
      expect(emailProblem(email), email).toBeUndefined();
    }
  });

  it('agrees with the hub’s schema on every sample (no form passes here and fails there)', () => {
    const samples = [
      'marie@gigafibre.ca', 'MARIE@GIGAFIBRE.CA', 'a.b.c@d-e.fg', 'x@y', 'x@y.z', 'x@y.zz', "o'neil@targo.ca", 'a+b@c.de', 'a..b@c.de', 'a.@c.de', '.a@c.de',
      'a@-c.de', 'a@c-.de', 'é@c.de', 'a@é.de', 'a b@c.de', 'a@c.d3', 'a@c.de.', '',
    ];
    for (const sample of samples) {
      const hubAccepts = inviteUserSchema.shape.email.safeParse(normaliseEmail(sample)).success;
      expect(emailProblem(sample) === undefined, sample).toBe(hubAccepts);
    }
  });

  it('needs a name of at most 150 characters', () => {
    expect(nameProblem('Jo')).toBeUndefined();
    expect(nameProblem('\t \n')).toBe('nameRequired');
    expect(nameProblem('x'.repeat(150))).toBeUndefined();
    expect(nameProblem('x'.repeat(151))).toBe('nameTooLong');
  });

  it('needs one to twenty known groups', () => {
    expect(groupsProblem(['ops-tech', 'ops-support'])).toBeUndefined();
    expect(groupsProblem([])).toBe('groupsRequired');
    expect(groupsProblem(['ops-root'])).toBe('groupUnknown');
    expect(groupsProblem(Array.from({ length: 21 }, () => 'ops-tech'))).toBe('groupsTooMany');
    expect(groupsProblem(['gitea-users'], ['ops-tech', 'gitea-users'])).toBeUndefined();
  });

  it('sends what it validated: trimmed lower-case e-mail, tidy name, accepted by the hub', () => {
    const form = { email: '  Marie.Tremblay@GigaFibre.ca ', name: '  Marie   Tremblay ', groups: ['ops-dispatch'] };
    expect(validateInvite(form)).toEqual({});
    const sent = { email: normaliseEmail(form.email), name: normaliseName(form.name), groups: form.groups };
    expect(sent).toEqual({ email: 'marie.tremblay@gigafibre.ca', name: 'Marie Tremblay', groups: ['ops-dispatch'] });
    expect(inviteUserSchema.safeParse(sent).success).toBe(true);
  });
});

describe('validateEdit', () => {
  it('checks the name and groups only, against the groups offered', () => {
    expect(validateEdit({ name: 'Marie', groups: ['ops-tech'] })).toEqual({});
    expect(validateEdit({ name: '', groups: [] })).toEqual({ name: 'nameRequired', groups: 'groupsRequired' });
    expect(validateEdit({ name: 'Marie', groups: ['gitea-users'] }, ['gitea-users'])).toEqual({});
  });
});
