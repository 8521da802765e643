import { describe, expect, it } from 'vitest';
import { isAllowed, PolicyMatcher, satisfies } from './match';
import { ROUTE_POLICY } from './policy';

const seg = (path: string) => path.split('/').slice(1);
const q = (s = '') => new URLSearchParams(s);

describe('PolicyMatcher', () => {
  const matcher = new PolicyMatcher();

  it('denies anything not in the table', () => {
    expect(matcher.decide('erp', 'DELETE', seg('/api/resource/Customer/CUST-00001'), q(), new Set(['clients.edit']))).toEqual({
      allowed: false,
      reason: 'no-rule',
    });
    expect(matcher.find('erp', 'GET', seg('/api/resource/Secret Doctype'), q())).toBeUndefined();
    expect(matcher.find('hub', 'GET', seg('/admin'), q())).toBeUndefined();
  });

  it('matches one segment per parameter, never more', () => {
    expect(matcher.find('erp', 'GET', seg('/api/resource/Customer/CUST-1'), q())?.path).toBe('/api/resource/Customer/:name');
    expect(matcher.find('erp', 'GET', seg('/api/resource/Customer/CUST-1/extra'), q())).toBeUndefined();
    expect(matcher.find('erp', 'GET', seg('/api/resource/Customer/'), q())).toBeUndefined();
  });

  it('checks HEAD as GET', () => {
    expect(matcher.find('hub', 'HEAD', seg('/devices/lookup'), q())?.requires).toEqual(['diagnostics.view']);
  });

  it('reads the doctype argument of frappe.client methods, exactly once', () => {
    const path = seg('/api/method/frappe.client.get_count');
    expect(matcher.find('erp', 'GET', path, q('doctype=Tag'))?.requires).toEqual(['clients.view', 'dispatch.view']);
    expect(matcher.find('erp', 'GET', path, q('doctype=Customer&doctype=Tag'))).toBeUndefined();
    expect(matcher.find('erp', 'GET', path, q())).toBeUndefined();
  });

  it('names the missing capability', () => {
    const decision = matcher.decide('hub', 'POST', seg('/devices/X/tasks'), q(), new Set(['diagnostics.view']));
    expect(decision).toMatchObject({ allowed: false, reason: 'missing-capability', missing: ['diagnostics.act'] });
  });

  it('lets any verified identity open the event stream', () => {
    expect(matcher.decide('hub', 'GET', seg('/events'), q(), new Set()).allowed).toBe(true);
    expect(satisfies('identity', new Set())).toBe(true);
  });

  it('has no duplicate rows', () => {
    const keys = ROUTE_POLICY.map((r) => `${r.upstream} ${r.method} ${r.path} ${JSON.stringify(r.query ?? {})}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('isAllowed (SPA helper)', () => {
  it('answers from capabilities', () => {
    expect(isAllowed('erp', 'PUT', '/api/resource/Dispatch Job/DJ-000001', ['dispatch.view'])).toBe(false);
    expect(isAllowed('erp', 'PUT', '/api/resource/Dispatch Job/DJ-000001', ['dispatch.assign'])).toBe(true);
  });
});
