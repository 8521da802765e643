// Technicians: four regions, skills, shifts, a Traccar device each; TECH-001/002 are fixtures.
import { REGIONS, type Region, type Skill } from '@gigafibre/contracts';
import { DEMO } from '../edge/demo-users';
import { addDays, minutesOf } from '@gigafibre/contracts';
import { stampAt, standard, type SeedContext } from './context';
import { FIXTURE_TECHNICIANS } from './fixtures';
import { FIRST_NAMES_F, FIRST_NAMES_M, LAST_NAMES_FR, emailLocal } from './names';
import { seedErpUser } from './users';

export interface SeededTechnician {
  name: string;
  fullName: string;
  user: string;
  territory: Region;
  skills: Skill[];
  shiftStart: number;
  shiftEnd: number;
  traccarId: number;
}

export const SHIFTS: readonly (readonly [string, string])[] = [
  ['07:00:00', '15:30:00'],
  ['08:00:00', '16:30:00'],
  ['10:00:00', '18:30:00'],
  ['12:00:00', '20:00:00'],
] as const;

const REGION_SHARE: Record<Region, number> = { Montréal: 0.4, Laval: 0.2, 'Rive-Sud': 0.225, Laurentides: 0.175 };

function regionFor(index: number, total: number): Region {
  // Contiguous blocks per region, so TECH-001/002 (index 0, 1) are in Montréal.
  let acc = 0;
  for (const region of REGIONS) {
    acc += REGION_SHARE[region] * total;
    if (index < Math.round(acc)) return region;
  }
  return 'Laurentides';
}

export function seedTechnicians(ctx: SeedContext, count: number): SeededTechnician[] {
  const { rng } = ctx;
  const created = addDays(ctx.today, -500);
  const used = new Set<string>();
  const techs: SeededTechnician[] = [];
  const insertTraccar = ctx.db.prepare('INSERT INTO traccar_devices (id, name, unique_id, technician) VALUES (?, ?, ?, ?)');
  for (let i = 0; i < count; i++) {
    const name = `TECH-${String(i + 1).padStart(3, '0')}`;
    let fullName: string;
    let skills: Skill[];
    let shift: readonly [string, string];
    let user: string;
    if (i === 0) {
      fullName = FIXTURE_TECHNICIANS.demo.name;
      skills = ['Installation', 'Fibre Splicing', 'Wi-Fi/Mesh', 'Business'];
      shift = SHIFTS[0] as readonly [string, string];
      user = DEMO.tech.email;
    } else if (i === 1) {
      fullName = FIXTURE_TECHNICIANS.second.name;
      skills = ['Installation', 'Fibre Splicing', 'Wi-Fi/Mesh'];
      shift = SHIFTS[2] as readonly [string, string];
      user = FIXTURE_TECHNICIANS.second.user;
    } else {
      do {
        fullName = `${rng.pick(rng.chance(0.8) ? FIRST_NAMES_M : FIRST_NAMES_F)} ${rng.pick(LAST_NAMES_FR)}`;
      } while (used.has(fullName));
      skills = ['Installation'];
      if (rng.chance(0.6)) skills.push('Fibre Splicing');
      if (rng.chance(0.5)) skills.push('Wi-Fi/Mesh');
      if (rng.chance(0.2)) skills.push('Business');
      shift = rng.weighted(SHIFTS.map((s, k) => [s, [4, 1, 3, 2][k] as number] as const));
      user = `${emailLocal(...fullName.split(' '))}@gigafibre.ca`;
    }
    used.add(fullName);
    const territory = regionFor(i, count);
    const traccarId = 101 + i;
    seedErpUser(ctx, user, fullName, created);
    ctx.insert('Technician', {
      ...standard(name, stampAt(created, 10 * 60 + i)),
      technician_name: fullName,
      user,
      territory,
      skills: skills.join(','),
      shift_start: shift[0],
      shift_end: shift[1],
      phone: `${territory === 'Montréal' ? '514' : '450'}-555-${String(2300 + i).padStart(4, '0')}`,
      status: 'Active',
      traccar_device_id: traccarId,
    });
    insertTraccar.run(traccarId, `${fullName} (${name})`, `35${rng.digits(13)}`, name);
    techs.push({ name, fullName, user, territory, skills, shiftStart: minutesOf(shift[0]), shiftEnd: minutesOf(shift[1]), traccarId });
  }
  return techs;
}
