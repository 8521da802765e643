// Customers (Quebec names, mixed phone formats) and their service locations.
import type { Region } from '@gigafibre/contracts';
import { phoneDigits } from '../erp/docs/hooks';
import { addDays } from '@gigafibre/contracts';
import { stampAt, standard, type SeedContext } from './context';
import { FIXTURE_CUSTOMERS, type FixtureCustomer } from './fixtures';
import {
  BUSINESS_KINDS,
  BUSINESS_SUFFIXES,
  EMAIL_DOMAINS,
  FIRST_NAMES_EN,
  FIRST_NAMES_F,
  FIRST_NAMES_M,
  LAST_NAMES_EN,
  LAST_NAMES_FR,
  emailLocal,
} from './names';
import { CITIES, postalCode, type City } from './places';
import type { Rng } from './prng';

/** Monthly prices (CAD, before taxes). */
export const PLANS: Readonly<Record<string, number>> = {
  'Fibre 100': 55,
  'Fibre 500': 75,
  'Fibre 1G': 90,
  'Fibre 3G': 120,
  'Affaires 1G': 149,
  'Affaires 3G': 199,
};

export interface SeededLocation {
  name: string;
  customer: string;
  customerName: string;
  company: boolean;
  territory: Region;
  lat: number;
  lon: number;
  plan: string;
  /** Service start. */
  since: string;
  tags: string[];
  fixture?: FixtureCustomer;
}

export interface SeededCustomer {
  name: string;
  /** Pays late: some overdue invoices. */
  badPayer: boolean;
  terminated: boolean;
  locations: SeededLocation[];
}

const FIXTURES: readonly FixtureCustomer[] = Object.values(FIXTURE_CUSTOMERS);
const ACCESS_NOTES = ['Code de porte 4512#', 'Entrée par la ruelle', 'Chien sur place', 'Appeler 15 min avant d’arriver', 'Panneau électrique au sous-sol', 'Stationnement dans la cour arrière', 'Concierge : M. Drouin, poste 12'];

function phone(rng: Rng, region: Region): string {
  const area = region === 'Montréal' ? rng.pick(['514', '514', '438']) : rng.pick(['450', '450', '579']);
  // Real-looking exchanges (not N11, not 555: the fixtures' 555-01xx numbers stay unique).
  let a: string;
  do a = String(rng.int(200, 999));
  while (a.endsWith('11') || a === '555');
  const b = rng.digits(4);
  return rng.weighted([
    [`${area}-${a}-${b}`, 35],
    [`(${area}) ${a}-${b}`, 25],
    [`+1 ${area} ${a} ${b}`, 15],
    [`${area} ${a}-${b}`, 10],
    [`${area}${a}${b}`, 10],
    [`${area}.${a}.${b}`, 5],
  ] as const);
}

function planFor(rng: Rng, company: boolean): string {
  if (company) return rng.weighted([['Affaires 1G', 3], ['Affaires 3G', 1]] as const);
  return rng.weighted([['Fibre 100', 10], ['Fibre 500', 45], ['Fibre 1G', 33], ['Fibre 3G', 12]] as const);
}

function cityFor(rng: Rng): City {
  return rng.weighted(CITIES.map((c) => [c, c.weight] as const));
}

function personName(rng: Rng): { first: string; last: string } {
  if (rng.chance(0.1)) return { first: rng.pick(FIRST_NAMES_EN), last: rng.pick(LAST_NAMES_EN) };
  const first = rng.pick(rng.chance(0.5) ? FIRST_NAMES_F : FIRST_NAMES_M);
  const last = rng.chance(0.06) ? `${rng.pick(LAST_NAMES_FR)}-${rng.pick(LAST_NAMES_FR)}` : rng.pick(LAST_NAMES_FR);
  return { first, last };
}

export function seedCustomers(ctx: SeedContext, count: number): SeededCustomer[] {
  const rng = ctx.rng.fork('customers');
  const customers: SeededCustomer[] = [];
  let locationNo = 0;
  for (let i = 1; i <= count; i++) {
    const fixture = FIXTURES[i - 1];
    const name = `CUST-${String(i).padStart(5, '0')}`;
    const company = fixture ? fixture.customerType === 'Company' : rng.chance(0.12);
    const city = cityFor(rng);
    const territory = fixture?.territory ?? city.region;
    let customerName: string;
    let email: string | null;
    if (fixture) {
      customerName = fixture.customerName;
      email = fixture.email;
    } else if (company) {
      const last = rng.pick(LAST_NAMES_FR);
      customerName = `${rng.pick(BUSINESS_KINDS)} ${last} ${rng.pick(BUSINESS_SUFFIXES)}`.trim();
      email = `info@${emailLocal(last)}${rng.int(1, 99)}.ca`;
    } else {
      const { first, last } = personName(rng);
      customerName = `${first} ${last}`;
      email = rng.chance(0.9) ? `${emailLocal(first, last)}${rng.chance(0.4) ? rng.int(1, 99) : ''}@${rng.pick(EMAIL_DOMAINS)}` : null;
    }
    const mobile = fixture?.phone ?? phone(rng, territory);
    const created = addDays(ctx.today, -(fixture ? 700 : rng.int(40, 1800)));
    const badPayer = fixture ? fixture === FIXTURE_CUSTOMERS.overdue : rng.chance(0.06);
    const terminated = !fixture && !badPayer && rng.chance(0.02);
    const tags = [
      ...(company ? ['Entreprise'] : []),
      ...(rng.chance(0.05) ? ['VIP'] : []),
      ...(badPayer ? ['Retard de paiement'] : []),
    ];
    const stamp = stampAt(created, rng.int(8 * 60, 18 * 60), i % 60);
    ctx.insert('Customer', {
      ...standard(name, stamp),
      _user_tags: tags.length > 0 ? `,${tags.join(',')}` : null,
      customer_name: customerName,
      customer_type: company ? 'Company' : 'Individual',
      customer_group: company ? 'Commercial' : 'Individual',
      territory,
      mobile_no: mobile,
      email_id: email,
      language: rng.chance(0.85) ? 'fr' : 'en',
      disabled: terminated ? 1 : 0,
      custom_account_status: terminated ? 'Terminated' : badPayer && rng.chance(0.3) && !fixture ? 'Suspended' : 'Active',
      custom_phone_digits: phoneDigits(mobile),
    });
    // Businesses have a credit limit row (ERPNext's Customer Credit Limit child table). Derived from
    // the index, not the generator, so the rest of the seed stays what it was.
    if (company) {
      ctx.insert('Customer Credit Limit', {
        ...standard(`ccl${String(i).padStart(7, '0')}`, stamp),
        idx: 1,
        parent: name,
        parentfield: 'credit_limits',
        parenttype: 'Customer',
        company: 'Gigafibre inc.',
        credit_limit: 2500 * ((i % 4) + 1),
        bypass_credit_limit_check: 0,
      });
    }
    const locations: SeededLocation[] = [];
    const nLocations = fixture ? 1 : rng.chance(0.04) ? 2 : 1;
    for (let k = 0; k < nLocations; k++) {
      locationNo++;
      const locName = `LOC-${String(locationNo).padStart(6, '0')}`;
      // A second location is often the cottage up north.
      const c = k === 0 ? (fixture ? (CITIES.find((x) => x.city === fixture.city) ?? city) : city) : rng.pick(CITIES.filter((x) => x.region === 'Laurentides'));
      const lat = fixture?.lat ?? round(c.lat + (rng.next() - 0.5) * 0.06, 6);
      const lon = fixture?.lon ?? round(c.lon + (rng.next() - 0.5) * 0.09, 6);
      const apartment = c.region === 'Montréal' && rng.chance(0.3) ? `, app. ${rng.int(1, 12)}` : '';
      ctx.insert('Service Location', {
        ...standard(locName, stamp),
        customer: name,
        address_line: fixture?.address ?? `${rng.int(100, 9999)}, ${rng.pick(c.streets)}${apartment}`,
        city: c.city,
        postal_code: fixture?.postalCode ?? postalCode(rng.pick(c.fsa), () => rng.next()),
        territory: c.region,
        latitude: lat,
        longitude: lon,
        status: terminated ? 'Inactive' : 'Active',
        access_notes: rng.chance(0.1) ? rng.pick(ACCESS_NOTES) : null,
      });
      locations.push({
        name: locName,
        customer: name,
        customerName,
        company,
        territory: c.region,
        lat,
        lon,
        plan: fixture?.plan ?? planFor(rng, company),
        since: addDays(created, rng.int(3, 20)),
        tags,
        ...(fixture && k === 0 ? { fixture } : {}),
      });
    }
    customers.push({ name, badPayer, terminated, locations });
  }
  return customers;
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
