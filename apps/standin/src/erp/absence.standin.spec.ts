// Technician Absence (a custom doctype of the Gigafibre app, contracts' technicianAbsence.ts): the
// seed's blocks are served by the ordinary resource API, and a new one is refused in French when
// its end does not follow its start (in the manner of Leave Application's validate_dates).
import { describe, expect, it } from 'vitest';
import { FIXTURE_ABSENCES, FIXTURE_TECHNICIANS } from '../seed/fixtures';
import { erpFetch, resourceUrl, useTestErp } from '../testing/harness';

const erp = useTestErp();

const post = (body: unknown) => erpFetch(erp.base, '/api/resource/Technician%20Absence', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describe('Technician Absence', () => {
  it('serves the seeded absences, whole days and hours, one of them today for a technician with jobs', async () => {
    const res = await erpFetch(erp.base, resourceUrl('Technician Absence', { fields: ['name', 'technician', 'from_datetime', 'to_datetime', 'reason_type'], limit_page_length: 50 }));
    expect(res.status).toBe(200);
    const rows = ((await res.json()) as { data: { name: string; technician: string; from_datetime: string; to_datetime: string; reason_type: string }[] }).data;
    expect(rows.length).toBeGreaterThanOrEqual(5);
    const fixture = rows.find((r) => r.name === FIXTURE_ABSENCES.secondTraining.name);
    expect(fixture).toMatchObject({ technician: FIXTURE_TECHNICIANS.second.technician, reason_type: 'Training' });
    expect(fixture?.from_datetime).toMatch(/ 15:30:00/);
    expect(fixture?.to_datetime).toMatch(/ 17:30:00/);
    expect(rows.some((r) => r.from_datetime.includes(' 00:00:00') && r.to_datetime.includes(' 00:00:00'))).toBe(true);
  });

  it('saves a valid block and refuses one whose end does not follow its start (417, French)', async () => {
    const ok = await post({ technician: 'TECH-003', from_datetime: '2026-12-01 13:00:00', to_datetime: '2026-12-01 15:00:00', reason_type: 'Unavailable', note: 'Rendez-vous médical' });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { data: { name: string } }).data.name).toMatch(/^ABS-\d{6}$/);
    const backwards = await post({ technician: 'TECH-003', from_datetime: '2026-12-01 15:00:00', to_datetime: '2026-12-01 13:00:00', reason_type: 'Unavailable' });
    expect(backwards.status).toBe(417);
    const body = (await backwards.json()) as { exc_type: string; _server_messages?: string };
    expect(body.exc_type).toBe('ValidationError');
    expect(JSON.stringify(body)).toContain('La fin de l’absence doit suivre son début');
    const noTech = await post({ technician: 'TECH-999', from_datetime: '2026-12-01 13:00:00', to_datetime: '2026-12-01 15:00:00', reason_type: 'Training' });
    expect(noTech.status).toBe(417);
  });
});
