import { describe, expect, it } from 'vitest';
import { CAPABILITIES } from './capability';
import { capabilitiesFor, DEFAULT_GROUP_MAP, parseGroupMap } from './groups';

describe('capabilitiesFor', () => {
  it('gives admins every capability', () => {
    expect(capabilitiesFor(['ops-admin'])).toEqual([...CAPABILITIES]);
    expect(capabilitiesFor(['authentik Admins'])).toEqual([...CAPABILITIES]);
  });

  it('unions several groups in canonical order and ignores unknown ones', () => {
    expect(capabilitiesFor(['ops-tech', 'ops-dispatch', 'nobody'])).toEqual([
      'dispatch.view',
      'dispatch.assign',
      'clients.view',
      'diagnostics.view',
      'scan.use',
      'tickets.view',
      'visits.book',
      'messages.send',
      'incidents.view',
    ]);
  });

  it('lets support and dispatch read incidents, admins and the NOC notify (issue 20)', () => {
    for (const group of ['ops-support', 'ops-dispatch']) {
      expect(capabilitiesFor([group])).toContain('incidents.view');
      expect(capabilitiesFor([group])).not.toContain('incidents.notify');
    }
    for (const group of ['ops-admin', 'ops-noc']) expect(capabilitiesFor([group])).toEqual(expect.arrayContaining(['incidents.view', 'incidents.notify']));
    expect(capabilitiesFor(['ops-tech'])).not.toContain('incidents.view');
    expect(capabilitiesFor(['ops-noc'])).not.toContain('users.manage');
  });

  it('grants nothing without a known group', () => {
    expect(capabilitiesFor([])).toEqual([]);
    expect(capabilitiesFor(['OPS-ADMIN'])).toEqual([]);
  });

  it('gives CSRs tickets to work and dispatchers tickets to read, both booking visits (issue 16)', () => {
    const support = capabilitiesFor(['ops-support']);
    const dispatch = capabilitiesFor(['ops-dispatch']);
    expect(support).toEqual(expect.arrayContaining(['tickets.view', 'tickets.work', 'visits.book']));
    expect(dispatch).toEqual(expect.arrayContaining(['tickets.view', 'visits.book']));
    expect(dispatch).not.toContain('tickets.work');
    expect(capabilitiesFor(['ops-tech'])).not.toContain('tickets.view');
  });

  it('lets support, dispatch and admins text customers, not technicians (issue 19)', () => {
    for (const group of ['ops-support', 'ops-dispatch', 'ops-admin']) expect(capabilitiesFor([group]), group).toContain('messages.send');
    expect(capabilitiesFor(['ops-tech'])).not.toContain('messages.send');
  });

  it('keeps the distinctions the features rely on', () => {
    const dispatch = capabilitiesFor(['ops-dispatch']);
    const support = capabilitiesFor(['ops-support']);
    expect(dispatch).not.toContain('clients.edit');
    expect(dispatch).not.toContain('diagnostics.act');
    expect(support).toContain('dispatch.view');
    expect(support).not.toContain('dispatch.assign');
    expect(capabilitiesFor(['ops-tech'])).toContain('scan.use');
    for (const group of ['ops-dispatch', 'ops-support', 'ops-tech']) {
      expect(capabilitiesFor([group])).not.toContain('users.manage');
    }
  });
});

describe('parseGroupMap', () => {
  it('accepts a valid map', () => {
    const map = parseGroupMap({ 'noc-team': ['diagnostics.view', 'diagnostics.act'] });
    expect(capabilitiesFor(['noc-team'], map)).toEqual(['diagnostics.view', 'diagnostics.act']);
  });

  it('round-trips the default map', () => {
    expect(parseGroupMap(JSON.parse(JSON.stringify(DEFAULT_GROUP_MAP)))).toEqual(DEFAULT_GROUP_MAP);
  });

  it('names every unknown capability and bad shape', () => {
    expect(() => parseGroupMap({ a: ['dispatch.view', 'dispatch.delete'] })).toThrow(/dispatch\.delete/);
    expect(() => parseGroupMap({ a: 'dispatch.view' })).toThrow(/Carte des groupes invalide/);
    expect(() => parseGroupMap([])).toThrow(/Carte des groupes invalide/);
    expect(() => parseGroupMap(null)).toThrow(/Carte des groupes invalide/);
  });
});
