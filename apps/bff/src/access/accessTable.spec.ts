// The access table checked against the doctypes it names: a typo in a field list would silently
// refuse (or, worse, grant) what nobody meant.
import { DOCTYPE_ACCESS, LIST_LIMITS, METHOD_ACCESS, ROUTE_POLICY, UPLOAD_ACCESS } from '@gigafibre/capabilities';
import { ABSENCE_TYPES, ABSENCE_WRITE_FIELDS, DOCTYPES, isDoctype, LINK_JOB_EQUIPMENT_ARGS, LINK_JOB_EQUIPMENT_METHOD, REPORT_LATE_ITEM_ARGS, REPORT_LATE_ITEM_METHOD, SET_JOB_STATUS_ARGS } from '@gigafibre/contracts';
import { describe, expect, it } from 'vitest';
import { OwnRowsModel } from './ownRows';
import { MAX_ROOT_ROWS } from './scopeStore';

const STANDARD = ['name', 'owner', 'creation', 'modified', 'modified_by', 'docstatus', '_user_tags'];
const columns = (doctype: string) => (isDoctype(doctype) ? new Set([...Object.keys(DOCTYPES[doctype].fields), ...STANDARD]) : new Set<string>());

describe('the access table', () => {
  it('lets through exactly the arguments of set_job_status the contract declares', () => {
    expect(METHOD_ACCESS['gigafibre.ops.set_job_status']?.args).toEqual(SET_JOB_STATUS_ARGS);
  });

  it('grants dispatch exactly the Technician Absence keys and reasons the contract declares', () => {
    const write = DOCTYPE_ACCESS['Technician Absence']?.write?.[0];
    expect(write?.fields).toEqual(ABSENCE_WRITE_FIELDS);
    expect(write?.values?.reason_type).toEqual(ABSENCE_TYPES);
    expect(DOCTYPE_ACCESS['Technician Absence']?.read.map((g) => [g.by, g.rows, g.fields])).toEqual([['dispatch.view', 'all', ABSENCE_WRITE_FIELDS]]);
  });

  it('lets through exactly the arguments of link_job_equipment the contract declares', () => {
    expect(METHOD_ACCESS[LINK_JOB_EQUIPMENT_METHOD]?.args).toEqual(LINK_JOB_EQUIPMENT_ARGS);
  });

  it('lets through exactly the arguments of report_late_item the contract declares', () => {
    expect(METHOD_ACCESS[REPORT_LATE_ITEM_METHOD]?.args).toEqual(REPORT_LATE_ITEM_ARGS);
  });

  it.each(Object.entries(DOCTYPE_ACCESS))('%s names only real doctypes and columns', (doctype, access) => {
    expect(isDoctype(doctype)).toBe(true);
    const cols = columns(doctype);
    for (const grant of access.read) if (grant.fields !== '*') for (const f of grant.fields) expect(cols, `${doctype} read ${f}`).toContain(f);
    for (const grant of access.write ?? []) {
      for (const f of grant.fields) expect(cols, `${doctype} write ${f}`).toContain(f);
      for (const [f, target] of Object.entries(grant.links ?? {})) {
        expect(grant.fields).toContain(f);
        expect(Object.keys(DOCTYPE_ACCESS)).toContain(target);
      }
      for (const f of Object.keys(grant.values ?? {})) expect(grant.fields).toContain(f);
      // Keys that would forge authorship or state are never granted.
      for (const f of ['name', 'owner', 'creation', 'modified_by', 'docstatus']) expect(grant.fields).not.toContain(f);
    }
    if (access.customer) expect(cols).toContain(access.customer);
    if (access.reference) for (const f of [access.reference.doctype, access.reference.name]) expect(cols).toContain(f);
    for (const grant of [...access.read, ...(access.write ?? [])]) {
      if (grant.rows === 'own') expect(access.own, `${doctype}: own rows need an own declaration`).toBeDefined();
      for (const ref of grant.references ?? []) expect(Object.keys(DOCTYPE_ACCESS)).toContain(ref);
      if (grant.references) expect(access.reference).toBeDefined();
    }
    if (access.own) {
      expect(cols).toContain(access.own.field);
      if ('in' in access.own) expect(columns(access.own.in.doctype)).toContain(access.own.in.field);
      if ('is' in access.own && access.own.window) expect(cols).toContain(access.own.window.field);
    }
  });

  it('follows every own-row chain', () => {
    expect(() => new OwnRowsModel(DOCTYPE_ACCESS)).not.toThrow();
  });

  it('methods act on doctypes of the table; pages fit what one ERP `in` holds', () => {
    for (const access of Object.values(METHOD_ACCESS)) {
      expect(Object.keys(DOCTYPE_ACCESS)).toContain(access.document.doctype);
      expect(access.args).toContain(access.document.arg);
    }
    expect(LIST_LIMITS.maxPage).toBeLessThanOrEqual(MAX_ROOT_ROWS);
  });

  it('every ERP route of the policy has an access rule (deny by default otherwise)', () => {
    for (const rule of ROUTE_POLICY.filter((r) => r.upstream === 'erp')) {
      const [, root, area, name] = rule.path.split('/');
      // upload_file is judged by UPLOAD_ACCESS, private files by the File reads.
      if (area === 'method' && name === 'upload_file') expect(Object.keys(UPLOAD_ACCESS).length).toBeGreaterThan(0);
      else if (area === 'method' && name !== undefined && !name.startsWith('frappe.client.')) expect(Object.keys(METHOD_ACCESS)).toContain(name);
      if (root === 'private') expect(rule.path).toBe('/private/files/:name');
      if (area === 'resource') expect(Object.keys(DOCTYPE_ACCESS)).toContain(name);
    }
  });
});
