// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { AuthUser } from '@gigafibre/contracts';
import { editPatch } from './useEditUser';

const USER: AuthUser = { pk: 3, username: 'marie', email: 'marie@gigafibre.ca', name: 'Marie Tremblay', groups: ['ops-dispatch', 'ops-support'], is_active: true, created: '2025-01-01T00:00:00Z', last_login: null };

describe('editPatch', () => {
  it('is null when nothing changed (group order and spaces aside)', () => {
    expect(editPatch(USER, { name: ' Marie  Tremblay ', groups: ['ops-support', 'ops-dispatch'] })).toBeNull();
  });

  it('sends only what changed', () => {
    expect(editPatch(USER, { name: 'Marie-Ève Tremblay', groups: USER.groups })).toEqual({ name: 'Marie-Ève Tremblay' });
    expect(editPatch(USER, { name: USER.name, groups: ['ops-dispatch'] })).toEqual({ groups: ['ops-dispatch'] });
    expect(editPatch(USER, { name: 'M. T.', groups: ['ops-tech', 'ops-dispatch', 'ops-support'] })).toEqual({ name: 'M. T.', groups: ['ops-tech', 'ops-dispatch', 'ops-support'] });
  });
});
