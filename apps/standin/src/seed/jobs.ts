// 14 days of Dispatch Jobs (today − 7 … today + 6): packed into technicians' shifts, statuses
// consistent with the clock, a few deliberate conflicts, some unassigned every day, Versions.
import type { JobStatus, JobType, Region, Skill } from '@gigafibre/contracts';
import { DEMO } from '../edge/demo-users';
import { addDays, timeOf } from '@gigafibre/contracts';
import { stampAt, standard, type SeedContext } from './context';
import type { SeededCustomer, SeededLocation } from './customers';
import { FIXTURE_CUSTOMERS, FIXTURE_TECHNICIANS } from './fixtures';
import type { Rng } from './prng';
import type { SeededTechnician } from './technicians';

/** Days before and after today that have jobs. */
export const JOB_DAYS = { before: 7, after: 6 } as const;

const NOTES = [
  'Sonner à la porte arrière.',
  'Client absent avant 10 h.',
  'Installer le routeur au sous-sol, près du panneau.',
  'Passer la fibre par le conduit existant.',
  'Vérifier le nœud mesh de l’étage.',
  'Stationnement dans la ruelle.',
  'Client demande un appel 30 min avant.',
];

interface JobPlan {
  day: string;
  type: JobType;
  skill: Skill;
  loc: SeededLocation;
  tech: SeededTechnician | null;
  start: number | null;
  duration: number;
  priority: string;
  notes: string | null;
  tags: string[];
}

const round15 = (n: number) => Math.round(n / 15) * 15;

function jobShape(rng: Rng, tech: SeededTechnician | null, company: boolean): { type: JobType; skill: Skill; duration: number } {
  let type = rng.weighted([['Installation', 45], ['Repair', 40], ['Relocation', 15]] as const) as JobType;
  let skill: Skill = type === 'Repair' ? rng.pick(['Fibre Splicing', 'Wi-Fi/Mesh'] as const) : company && type === 'Installation' ? 'Business' : 'Installation';
  if (tech && !tech.skills.includes(skill)) {
    type = 'Installation';
    skill = 'Installation';
  }
  const duration = type === 'Installation' ? 15 * rng.int(6, 16) : type === 'Repair' ? 15 * rng.int(2, 8) : 15 * rng.int(8, 12);
  return { type, skill, duration };
}

export function seedJobs(ctx: SeedContext, techs: SeededTechnician[], customers: SeededCustomer[], perDay: number): void {
  const rng = ctx.rng.fork('jobs');
  const byRegion = new Map<Region, SeededLocation[]>();
  const locByName = new Map<string, SeededLocation>();
  for (const c of customers) {
    if (c.terminated) continue;
    for (const l of c.locations) {
      locByName.set(l.name, l);
      if (l.fixture) continue;
      const list = byRegion.get(l.territory) ?? [];
      list.push(l);
      byRegion.set(l.territory, list);
    }
  }
  const anyLoc = (region: Region) => rng.pick(byRegion.get(region) ?? byRegion.get('Montréal') ?? [...locByName.values()]);
  const fixtureLoc = (customer: string) => locByName.get(`LOC-${customer.slice(5).padStart(6, '0')}`) as SeededLocation;
  const tech = (name: string) => techs.find((t) => t.name === name) ?? null;
  const plans: JobPlan[] = [];
  const job = (p: Omit<JobPlan, 'tags' | 'priority' | 'notes'> & Partial<JobPlan>): JobPlan => ({ priority: 'Medium', notes: null, tags: [], ...p });

  // The fixtures first: DJ-000001 … DJ-000005, dated today.
  const t = ctx.today;
  const second = tech(FIXTURE_TECHNICIANS.second.technician);
  const demo = tech(FIXTURE_TECHNICIANS.demo.technician);
  plans.push(job({ day: t, type: 'Repair', skill: 'Wi-Fi/Mesh', loc: fixtureLoc(FIXTURE_CUSTOMERS.healthyMesh.customer), tech: null, start: null, duration: 60, priority: 'High', notes: 'Le Wi-Fi décroche au 2e étage : vérifier le nœud mesh sans fil.' }));
  plans.push(job({ day: t, type: 'Installation', skill: 'Installation', loc: anyLoc('Montréal'), tech: second, start: 13 * 60, duration: 120 }));
  plans.push(job({ day: t, type: 'Repair', skill: 'Fibre Splicing', loc: fixtureLoc(FIXTURE_CUSTOMERS.badOptical.customer), tech: demo, start: 8 * 60, duration: 90, priority: 'High', notes: 'Signal optique faible (−28 dBm) : nettoyer le connecteur, vérifier la jarretière.' }));
  plans.push(job({ day: t, type: 'Installation', skill: 'Business', loc: fixtureLoc(FIXTURE_CUSTOMERS.business.customer), tech: demo, start: 10 * 60, duration: 120, notes: 'Installation affaires : IP fixe à configurer.' }));
  plans.push(job({ day: t, type: 'Repair', skill: 'Installation', loc: fixtureLoc(FIXTURE_CUSTOMERS.unknownSerial.customer), tech: demo, start: 13 * 60 + 30, duration: 60, notes: 'Remplacer l’ONT (inconnu de l’ACS) et scanner le nouvel appareil.' }));
  const fixtureTechsToday = new Set<string>([FIXTURE_TECHNICIANS.demo.technician, FIXTURE_TECHNICIANS.second.technician]);

  for (let offset = -JOB_DAYS.before; offset <= JOB_DAYS.after; offset++) {
    const day = addDays(ctx.today, offset);
    const unscheduled = Math.max(1, Math.round(perDay * (0.06 + rng.next() * 0.04)));
    const scheduled = perDay - unscheduled - (offset === 0 ? 5 : 0);
    const eligible = techs.filter((x) => !(offset === 0 && fixtureTechsToday.has(x.name)));
    const counts = new Map(eligible.map((x) => [x.name, Math.floor(scheduled / eligible.length)]));
    for (let r = 0; r < scheduled % eligible.length; r++) {
      const pick = rng.pick(eligible).name;
      counts.set(pick, (counts.get(pick) ?? 0) + 1);
    }
    const dayPlans: JobPlan[] = [];
    for (const tc of eligible) {
      const k = counts.get(tc.name) ?? 0;
      if (k === 0) continue;
      const room = tc.shiftEnd - tc.shiftStart;
      const cap = Math.max(30, Math.floor((room / k - 15) / 15) * 15);
      let cursor = tc.shiftStart + round15(rng.int(0, 30));
      for (let i = 0; i < k; i++) {
        const loc = anyLoc(tc.territory);
        const shape = jobShape(rng, tc, loc.company);
        const duration = Math.min(shape.duration, cap);
        if (cursor + duration > 23 * 60 + 45) break;
        dayPlans.push(job({ day, ...shape, duration, loc, tech: tc, start: cursor, priority: rng.weighted([['Low', 2], ['Medium', 5], ['High', 2.5], ['Urgent', 0.5]] as const) }));
        // Dense days (benchmarks ask for 800 jobs) get shorter drives.
        cursor += duration + round15(k > 6 ? rng.int(0, 15) : rng.int(15, 45));
      }
    }
    addConflicts(rng, dayPlans);
    for (let i = 0; i < unscheduled; i++) {
      const region = rng.pick(['Montréal', 'Montréal', 'Laval', 'Rive-Sud', 'Laurentides'] as const);
      const loc = anyLoc(region);
      dayPlans.push(job({ day, ...jobShape(rng, null, loc.company), loc, tech: null, start: null, priority: rng.weighted([['Low', 2], ['Medium', 4], ['High', 3], ['Urgent', 1]] as const) }));
    }
    for (const p of dayPlans) {
      if (rng.chance(0.3)) p.notes = rng.pick(NOTES);
      if (rng.chance(0.1)) p.tags.push(rng.pick(['Accès difficile', 'Chien sur place', 'Appeler avant']));
    }
    plans.push(...dayPlans);
  }
  plans.forEach((p, i) => insertJob(ctx, rng, p, `DJ-${String(i + 1).padStart(6, '0')}`));
}

/** One overlap, one missing skill and one job past the shift, on technicians other than the fixtures. */
function addConflicts(rng: Rng, plans: JobPlan[]): void {
  const fixtures = new Set<string>([FIXTURE_TECHNICIANS.demo.technician, FIXTURE_TECHNICIANS.second.technician]);
  const byTech = new Map<string, JobPlan[]>();
  for (const p of plans) if (p.tech && !fixtures.has(p.tech.name)) byTech.set(p.tech.name, [...(byTech.get(p.tech.name) ?? []), p]);
  const multi = [...byTech.values()].filter((l) => l.length >= 2);
  if (multi.length < 3) return;
  const [a, c] = [rng.pick(multi), rng.pick(multi)];
  const [first, next] = a as [JobPlan, JobPlan];
  next.start = (first.start as number) + first.duration - 30;
  const lacking = plans.find((p) => p.tech && !fixtures.has(p.tech.name) && !p.tech.skills.includes('Fibre Splicing'));
  if (lacking) {
    lacking.type = 'Repair';
    lacking.skill = 'Fibre Splicing';
  }
  const last = (c as JobPlan[])[(c as JobPlan[]).length - 1] as JobPlan;
  last.start = (last.tech as SeededTechnician).shiftEnd - last.duration + 45;
}

function insertJob(ctx: SeedContext, rng: Rng, p: JobPlan, name: string): void {
  const created = addDays(p.day < ctx.today ? p.day : ctx.today, -rng.int(1, 10));
  const createdStamp = stampAt(created, rng.int(8 * 60, 17 * 60));
  const dispatcher = rng.pick([DEMO.dispatch.email, DEMO.dispatch2.email]);
  const versions: [string, string, unknown[][]][] = [];
  let status: JobStatus = 'Unscheduled';
  if (p.tech && p.start !== null) {
    versions.push([stampAt(created, 17 * 60), dispatcher, [['status', 'Unscheduled', 'Scheduled'], ['technician', null, p.tech.name], ['scheduled_date', null, p.day], ['start_time', null, timeOf(p.start)]]]);
    status = 'Scheduled';
    const end = p.start + p.duration;
    const steps: [JobStatus, number][] = [['En Route', p.start - 25], ['In Progress', p.start], ['Completed', end]];
    const past = p.day < ctx.today;
    if ((past && rng.chance(0.06)) || (p.day > ctx.today && rng.chance(0.02))) {
      versions.push([stampAt(addDays(p.day, -1), 16 * 60), dispatcher, [['status', 'Scheduled', 'Cancelled']]]);
      status = 'Cancelled';
    } else {
      for (const [next, at] of steps) {
        if (!past && (p.day > ctx.today || at > ctx.nowMinutes)) break;
        versions.push([stampAt(p.day, at), p.tech.user, [['status', status, next]]]);
        status = next;
      }
    }
  }
  const last = versions[versions.length - 1];
  const tags = [...p.loc.tags.filter((x) => x === 'VIP' || x === 'Entreprise'), ...p.tags];
  ctx.insert('Dispatch Job', {
    ...standard(name, createdStamp, last ? last[0] : createdStamp, dispatcher),
    modified_by: last ? last[1] : dispatcher,
    _user_tags: tags.length > 0 ? `,${tags.join(',')}` : null,
    job_type: p.type,
    status,
    priority: p.priority,
    customer: p.loc.customer,
    service_location: p.loc.name,
    technician: p.tech?.name ?? null,
    territory: p.loc.territory,
    required_skill: p.skill,
    requested_date: p.tech ? addDays(p.day, -rng.int(0, 3)) : p.day,
    scheduled_date: p.tech ? p.day : null,
    start_time: p.start === null ? null : timeOf(p.start),
    duration_minutes: p.duration,
    notes: p.notes,
  });
  for (const [at, by, changed] of versions) {
    ctx.insert('Version', {
      ...standard(rng.hex(10).toLowerCase(), at, at, by),
      ref_doctype: 'Dispatch Job',
      docname: name,
      data: JSON.stringify({ added: [], changed, removed: [], row_changed: [] }),
    });
  }
}
