// Technician Absences: a few realistic blocks around today (whole days and a few hours). The
// fixture's (FIXTURE_ABSENCES.secondTraining) falls on today for TECH-002, after their 13:00 job,
// so assigning into it warns while the seeded day stays free of conflicts.
import { addDays, wallDatetime } from '@gigafibre/contracts';
import { DEMO } from '../edge/demo-users';
import { stampAt, standard, type SeedContext } from './context';
import { FIXTURE_ABSENCES, FIXTURE_TECHNICIANS } from './fixtures';
import type { SeededTechnician } from './technicians';

interface AbsencePlan {
  technician: string;
  from: string;
  to: string;
  reason: 'Vacation' | 'Training' | 'Sick Day' | 'Unavailable';
  note: string | null;
}

export function seedAbsences(ctx: SeedContext, techs: readonly SeededTechnician[]): void {
  // A fork: the other seed steps draw the same numbers as before absences existed.
  const rng = ctx.rng.fork('absences');
  const t = ctx.today;
  const fixtures = new Set<string>([FIXTURE_TECHNICIANS.demo.technician, FIXTURE_TECHNICIANS.second.technician]);
  const others = techs.filter((x) => !fixtures.has(x.name));
  const plans: AbsencePlan[] = [
    {
      technician: FIXTURE_ABSENCES.secondTraining.technician,
      from: wallDatetime(t, FIXTURE_ABSENCES.secondTraining.start),
      to: wallDatetime(t, FIXTURE_ABSENCES.secondTraining.end),
      reason: 'Training',
      note: 'Formation épissure par fusion (salle B)',
    },
    { technician: FIXTURE_TECHNICIANS.demo.technician, from: wallDatetime(addDays(t, 1), 7 * 60), to: wallDatetime(addDays(t, 1), 9 * 60), reason: 'Unavailable', note: 'Entretien du camion au garage' },
  ];
  if (others.length >= 3) {
    const [vacation, training, sick] = [rng.pick(others), rng.pick(others), rng.pick(others)];
    // Next week's vacation (no jobs booked that far yet), a training day, a sick afternoon.
    plans.push({ technician: vacation.name, from: wallDatetime(addDays(t, 7), 0), to: wallDatetime(addDays(t, 12), 0), reason: 'Vacation', note: null });
    plans.push({ technician: training.name, from: wallDatetime(addDays(t, 3), 0), to: wallDatetime(addDays(t, 4), 0), reason: 'Training', note: 'Certification Wi-Fi 7' });
    plans.push({ technician: sick.name, from: wallDatetime(addDays(t, -2), 12 * 60), to: wallDatetime(addDays(t, -1), 0), reason: 'Sick Day', note: null });
  }
  plans.forEach((p, i) => {
    const created = stampAt(addDays(t, -rng.int(1, 20)), rng.int(8 * 60, 17 * 60));
    ctx.insert('Technician Absence', {
      ...standard(`ABS-${String(i + 1).padStart(6, '0')}`, created, created, DEMO.dispatch.email),
      technician: p.technician,
      from_datetime: p.from,
      to_datetime: p.to,
      reason_type: p.reason,
      note: p.note,
    });
  });
}
