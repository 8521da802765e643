import { describe, expect, it } from 'vitest';
import { positionsOf, proposeVisitSlots, shortName, windowOf, type ProposalJob, type ProposalSources, type ProposalTechnician } from './visitProposals';

const TODAY = '2026-12-07';
const TOMORROW = '2026-12-08';
// The visit in downtown Montréal; a job in Longueuil (near) and one in Laval (far).
const PLACES = positionsOf([
  { name: 'LOC-VISIT', latitude: 45.5017, longitude: -73.5673 },
  { name: 'LOC-NEAR', latitude: 45.5312, longitude: -73.5181 },
  { name: 'LOC-FAR', latitude: 45.6066, longitude: -73.7124 },
  { name: 'LOC-UNKNOWN', latitude: 0, longitude: 0 },
]);

const tech = (name: string, fullName: string, skills: string, over: Partial<ProposalTechnician> = {}): ProposalTechnician => ({
  name,
  technician_name: fullName,
  skills,
  shift_start: '08:00:00',
  shift_end: '16:00:00',
  ...over,
});
const job = (name: string, technician: string, day: string, start: string, minutes: number, location: string, status = 'Scheduled'): ProposalJob => ({
  name,
  technician,
  scheduled_date: day,
  start_time: start,
  duration_minutes: minutes,
  status,
  service_location: location,
});
const sources = (technicians: ProposalTechnician[], jobs: ProposalJob[] = []): ProposalSources => ({ technicians, jobs, positions: PLACES });
const request = { skill: 'Fibre Splicing', duration: 60, location: 'LOC-VISIT', today: TODAY, nowMinutes: 7 * 60 };

describe('proposeVisitSlots', () => {
  it('proposes only technicians with the skill, each at their first free slot', () => {
    const found = proposeVisitSlots(
      sources([tech('TECH-1', 'Nadia Bouchard', 'Fibre Splicing,Installation'), tech('TECH-2', 'Marc Caron', 'Installation')], [job('DJ-1', 'TECH-1', TODAY, '08:00:00', 90, 'LOC-FAR')]),
      request,
    );
    // Nadia is free from 9 h 30 today; Marc has no fibre splicing and is never proposed.
    expect(found.map((p) => [p.technician, p.firstName, p.day, p.start, p.window])).toEqual([
      ['TECH-1', 'Nadia B.', TODAY, 9 * 60 + 30, 'Morning'],
      ['TECH-1', 'Nadia B.', TOMORROW, 8 * 60, 'Morning'],
      ['TECH-1', 'Nadia B.', '2026-12-09', 8 * 60, 'Morning'],
    ]);
    expect(found[0]).toMatchObject({ fromPreviousJob: true, bookedMinutes: 90 });
    expect(found[0]?.km).toBeGreaterThan(15);
  });

  it('puts the technician whose previous job is nearest first on the same day', () => {
    const found = proposeVisitSlots(
      sources(
        [tech('TECH-FAR', 'Alex Far', 'Fibre Splicing'), tech('TECH-NEAR', 'Zoé Près', 'Fibre Splicing')],
        [job('DJ-F', 'TECH-FAR', TODAY, '08:00:00', 60, 'LOC-FAR'), job('DJ-N', 'TECH-NEAR', TODAY, '08:00:00', 60, 'LOC-NEAR')],
      ),
      request,
    );
    expect(found.slice(0, 2).map((p) => p.firstName)).toEqual(['Zoé P.', 'Alex F.']);
    expect(found[0]!.km!).toBeLessThan(found[1]!.km!);
  });

  it('never proposes a time already gone today, nor one without time to get there', () => {
    const [first] = proposeVisitSlots(sources([tech('TECH-1', 'Nadia Bouchard', 'Fibre Splicing')]), { ...request, nowMinutes: 13 * 60 + 10 });
    // 13 h 10 + an hour to get there → 14 h 15, on the board's quarter hours.
    expect(first).toMatchObject({ day: TODAY, start: 14 * 60 + 15, window: 'Afternoon' });
  });

  it('moves to the next days when today is full, and ignores cancelled jobs', () => {
    const found = proposeVisitSlots(
      sources(
        [tech('TECH-1', 'Nadia Bouchard', 'Fibre Splicing')],
        [job('DJ-1', 'TECH-1', TODAY, '08:00:00', 480, 'LOC-NEAR'), job('DJ-2', 'TECH-1', TOMORROW, '08:00:00', 60, 'LOC-NEAR', 'Cancelled')],
      ),
      request,
    );
    expect(found.map((p) => [p.day, p.start])).toEqual([
      [TOMORROW, 8 * 60],
      ['2026-12-09', 8 * 60],
      ['2026-12-10', 8 * 60],
    ]);
  });

  it('finds nothing when nobody has the skill, and takes anyone when no skill is asked', () => {
    const techs = [tech('TECH-2', 'Marc Caron', 'Installation')];
    expect(proposeVisitSlots(sources(techs), request)).toEqual([]);
    expect(proposeVisitSlots(sources(techs), { ...request, skill: null }, 1)).toMatchObject([{ technician: 'TECH-2', day: TODAY }]);
  });

  it('says the travel is unknown when the place has no coordinates', () => {
    const [first] = proposeVisitSlots(sources([tech('TECH-1', 'Nadia Bouchard', 'Fibre Splicing')]), { ...request, location: 'LOC-UNKNOWN' });
    expect(first).toMatchObject({ km: null, fromPreviousJob: false });
  });
});

describe('shortName', () => {
  it('keeps the first name and the last name’s initial', () => {
    expect(['Jean-François Roy', 'Marie-Ève de la Fontaine', 'Cher', '  Nadia   Bouchard '].map(shortName)).toEqual(['Jean-François R.', 'Marie-Ève F.', 'Cher', 'Nadia B.']);
  });
});

describe('windowOf', () => {
  it('matches the booking form’s windows', () => {
    expect([8 * 60, 11 * 60 + 45, 12 * 60, 16 * 60 + 59, 17 * 60].map(windowOf)).toEqual(['Morning', 'Morning', 'Afternoon', 'Afternoon', 'Evening']);
  });
});
