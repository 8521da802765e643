import { describe, expect, it } from 'vitest';
import { draftErrors, draftFromPayload, draftPayload, emptyDraft, mergeCode } from './equipmentDraft';

describe('the equipment draft', () => {
  it('takes what a read code carries, and follows the type until the technician picks one', () => {
    let draft = mergeCode(emptyDraft(), { serial: '2239921030061', mac: null, model: 'Deco X20' });
    expect(draft).toMatchObject({ serial: '2239921030061', equipmentType: 'Mesh Node', mac: '' });
    draft = mergeCode(draft, { serial: null, mac: 'E8:48:B8:30:00:61', model: null });
    expect(draft).toMatchObject({ serial: '2239921030061', mac: 'E8:48:B8:30:00:61', equipmentType: 'Mesh Node' });
    const chosen = { ...draft, equipmentType: 'Router' as const, typeChosen: true };
    expect(mergeCode(chosen, { serial: 'ALCLB2C4D601', mac: null, model: null }).equipmentType).toBe('Router');
  });

  it('checks the serial (required) and the MAC (optional)', () => {
    expect(draftErrors(emptyDraft())).toEqual({ serial: 'serialEmpty', mac: null });
    expect(draftErrors({ ...emptyDraft(), serial: 'ALCL12' })).toEqual({ serial: 'serialFormat', mac: null });
    expect(draftErrors({ ...emptyDraft(), serial: 'alclb2c4d601', mac: 'zz' })).toEqual({ serial: null, mac: 'macFormat' });
    expect(draftErrors({ ...emptyDraft(), serial: 'alclb2c4d601', mac: 'ff:ff:ff:ff:ff:ff' })).toEqual({ serial: null, mac: 'macReserved' });
  });

  it('queues normalised values with the maker, and comes back from a stored payload', () => {
    const payload = draftPayload({ ...emptyDraft(), serial: ' alcl b2c4d601', mac: 'a4e31b2c4d01', model: ' G-010G-Q ' }, 'LOC-000001', 'manual');
    expect(payload).toEqual({
      serial: 'ALCLB2C4D601',
      mac: 'A4:E3:1B:2C:4D:01',
      equipmentType: 'ONT',
      model: 'G-010G-Q',
      manufacturer: 'Nokia',
      serviceLocation: 'LOC-000001',
      source: 'manual',
    });
    expect(draftFromPayload(payload)).toEqual({ serial: 'ALCLB2C4D601', mac: 'A4:E3:1B:2C:4D:01', equipmentType: 'ONT', model: 'G-010G-Q', typeChosen: true });
  });
});
