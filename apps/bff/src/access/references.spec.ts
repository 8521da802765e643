// Polymorphic reads and writes on a doctype the ops app will add (File, attached to jobs and
// clients), through the same code the real table uses.
import { capabilitiesFor, type DoctypeAccess } from '@gigafibre/capabilities';
import { describe, expect, it } from 'vitest';
import { toIdentity } from '../identity/identity';
import { parseFilters } from './filters';
import { Grants } from './grants';
import type { AccessDeps, Caller } from './ownCheck';
import { OwnRowsModel, type Scope } from './ownRows';
import { referenceConditions, requireReadableReference } from './references';
import type { ScopeStore } from './scopeStore';

const TABLE: Record<string, DoctypeAccess> = {
  'Dispatch Job': {
    own: { field: 'technician', is: 'technician' },
    read: [
      { by: 'dispatch.view', rows: 'all', fields: '*' },
      { by: 'scan.use', rows: 'own', fields: '*' },
    ],
  },
  Customer: { read: [{ by: 'dispatch.view', rows: 'all', fields: '*' }] },
  File: {
    reference: { doctype: 'attached_to_doctype', name: 'attached_to_name' },
    read: [
      { by: 'dispatch.view', rows: 'all', fields: '*', references: ['Dispatch Job', 'Customer'] },
      { by: 'scan.use', rows: 'all', fields: '*', references: ['Dispatch Job', 'Customer'] },
    ],
  },
};
const grants = new Grants(TABLE, {});
const model = new OwnRowsModel(TABLE);
const scope: Scope = {
  keys: { email: 'tech@gigafibre.ca', technician: 'TECH-001' },
  loadedAt: 0,
  window: { from: '2026-06-08', to: '2026-06-29' },
  roots: new Map([['Dispatch Job', [{ name: 'DJ-1' }, { name: 'DJ-2' }]]]),
  memo: new Map(),
};
const scopes = { get: () => scope, refresh: () => scope } as unknown as ScopeStore;
const deps: AccessDeps = { grants, model, scopes, reader: { list: () => Promise.resolve([]), close: () => undefined } };
const caller = (group: string): Caller => ({
  identity: toIdentity({ email: `${group}@gigafibre.ca`, name: group, username: group, uid: group, groups: [group] }, 'jwt', { [group]: capabilitiesFor([group]) }),
  requestId: 'r',
});
const conditions = (group: string, filters: unknown) => {
  const c = caller(group);
  const grant = grants.readsOf('File', c.identity.capabilitySet)[0];
  if (!grant) throw new Error('no grant');
  return referenceConditions(deps, c, 'File', grant, TABLE.File?.reference as NonNullable<DoctypeAccess['reference']>, parseFilters('filters', JSON.stringify(filters), 'File'));
};

describe('polymorphic reads', () => {
  it('a dispatcher: every readable reference doctype, or the one pinned', async () => {
    expect(await conditions('ops-dispatch', [])).toEqual([['attached_to_doctype', 'in', ['Dispatch Job', 'Customer']]]);
    expect(await conditions('ops-dispatch', [['attached_to_doctype', '=', 'Customer']])).toEqual([]);
    await expect(conditions('ops-dispatch', [['attached_to_doctype', '=', 'User']])).rejects.toMatchObject({ status: 403 });
  });

  it('a technician: files of their own jobs only, pinned for them when they name none', async () => {
    expect(await conditions('ops-tech', [])).toEqual([
      ['attached_to_doctype', '=', 'Dispatch Job'],
      ['attached_to_name', 'in', ['DJ-1', 'DJ-2']],
    ]);
    expect(await conditions('ops-tech', { attached_to_doctype: 'Dispatch Job', attached_to_name: ['in', ['DJ-2', 'DJ-9']] })).toEqual([['attached_to_name', 'in', ['DJ-2']]]);
    expect(await conditions('ops-tech', [['attached_to_doctype', '=', 'Dispatch Job'], ['attached_to_name', '=', 'DJ-9']])).toBe('none');
    // Customer files: the technician reads no Customer at all.
    await expect(conditions('ops-tech', [['attached_to_doctype', '=', 'Customer']])).rejects.toMatchObject({ status: 403 });
  });
});

describe('polymorphic writes', () => {
  const refs = TABLE.File?.reference as NonNullable<DoctypeAccess['reference']>;
  it('a technician attaches only to their own jobs', async () => {
    await expect(requireReadableReference(deps, caller('ops-tech'), 'File', refs, ['Dispatch Job'], 'Dispatch Job', 'DJ-1')).resolves.toBeUndefined();
    await expect(requireReadableReference(deps, caller('ops-tech'), 'File', refs, ['Dispatch Job'], 'Dispatch Job', 'DJ-9')).rejects.toMatchObject({ status: 403 });
    await expect(requireReadableReference(deps, caller('ops-tech'), 'File', refs, ['Dispatch Job'], 'Customer', 'C-1')).rejects.toMatchObject({ status: 403 });
    await expect(requireReadableReference(deps, caller('ops-dispatch'), 'File', refs, ['Dispatch Job'], 'Dispatch Job', 'DJ-9')).resolves.toBeUndefined();
  });
});
