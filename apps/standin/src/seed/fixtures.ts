// Well-known records the seed always creates, for tests and demos (import names, never hard-code).
// Customers CUST-00001…00008 and their locations LOC-000001…000008 are these, in this order;
// Dispatch Jobs DJ-000001…000005 are the jobs below (dated today). No runtime dependencies.
import type { Region } from '@gigafibre/contracts';

export interface FixtureDevice {
  serial: string;
  model: string;
  mac: string;
}

export interface FixtureCustomer {
  customer: string;
  customerName: string;
  customerType: 'Individual' | 'Company';
  territory: Region;
  /** As stored in `mobile_no` (the formats are deliberately mixed). */
  phone: string;
  /** `custom_phone_digits`. */
  phoneDigits: string;
  email: string;
  location: string;
  address: string;
  city: string;
  postalCode: string;
  lat: number;
  lon: number;
  plan: string;
  ont: FixtureDevice;
  router?: FixtureDevice;
  mesh?: (FixtureDevice & { backhaul: 'wired' | 'wireless' })[];
  /** ONT received optical power the ACS reports (dBm). */
  rxDbm: number;
  /** The ONT and router stopped informing this many hours before the standin started. */
  offlineHours?: number;
  /** False: the ONT's serial is in ERPNext but GenieACS has never seen it. */
  ontInAcs: boolean;
}

const c = (f: FixtureCustomer) => f;

export const FIXTURE_CUSTOMERS = {
  /** ONT Rx −28.40 dBm: bad (below −27). */
  badOptical: c({
    customer: 'CUST-00001', customerName: 'Josée Tremblay', customerType: 'Individual', territory: 'Montréal',
    phone: '514-555-0142', phoneDigits: '5145550142', email: 'josee.tremblay@videotron.ca',
    location: 'LOC-000001', address: '4512, rue Saint-Denis', city: 'Montréal', postalCode: 'H2J 2L3', lat: 45.5282, lon: -73.5838,
    plan: 'Fibre 500', rxDbm: -28.4, ontInAcs: true,
    ont: { serial: 'ALCLB2C4D601', model: 'G-010G-Q', mac: 'A4:E3:1B:2C:4D:01' },
    router: { serial: '2236514010001', model: 'Deco X55', mac: 'E8:48:B8:10:00:01' },
  }),
  /** ONT Rx −26.20 dBm: marginal (−25 to −27). The XX230v is ONT and Wi-Fi router in one. */
  marginalOptical: c({
    customer: 'CUST-00002', customerName: 'Marc-André Gagnon', customerType: 'Individual', territory: 'Laval',
    phone: '(450) 555-0177', phoneDigits: '4505550177', email: 'marcandre.gagnon@gmail.com',
    location: 'LOC-000002', address: '1875, boulevard des Laurentides', city: 'Laval', postalCode: 'H7M 2P9', lat: 45.5901, lon: -73.7105,
    plan: 'Fibre 1G', rxDbm: -26.2, ontInAcs: true,
    ont: { serial: '2241508020002', model: 'XX230v', mac: 'E8:48:B8:20:00:02' },
  }),
  /** ONT Rx −6.50 dBm: bad (overload, above −8). */
  overloadOptical: c({
    customer: 'CUST-00003', customerName: "Kevin O'Brien", customerType: 'Individual', territory: 'Rive-Sud',
    phone: '+1 438 555 0123', phoneDigits: '4385550123', email: 'kevin.obrien@outlook.com',
    location: 'LOC-000003', address: '6120, boulevard de Rome', city: 'Brossard', postalCode: 'J4Y 2R3', lat: 45.4542, lon: -73.4711,
    plan: 'Fibre 500', rxDbm: -6.5, ontInAcs: true,
    ont: { serial: 'ALCLC3D5E703', model: 'G-010G-Q', mac: 'A4:E3:1B:3D:5E:03' },
    router: { serial: '2236514010003', model: 'Deco X55', mac: 'E8:48:B8:10:00:03' },
  }),
  /** ONT and router offline: last inform 3 hours before start. */
  offline: c({
    customer: 'CUST-00004', customerName: 'Sylvie Côté', customerType: 'Individual', territory: 'Laurentides',
    phone: '579 555 0188', phoneDigits: '5795550188', email: 'sylvie.cote@sympatico.ca',
    location: 'LOC-000004', address: '212, rue Principale', city: 'Saint-Sauveur', postalCode: 'J0R 1R0', lat: 45.8967, lon: -74.1589,
    plan: 'Fibre 100', rxDbm: -19.1, offlineHours: 3, ontInAcs: true,
    ont: { serial: 'ALCLD4E6F804', model: 'G-010G-Q', mac: 'A4:E3:1B:4E:6F:04' },
    router: { serial: '2236514010004', model: 'Deco X55', mac: 'E8:48:B8:10:00:04' },
  }),
  /** The ONT's serial is in ERPNext, unknown to GenieACS (the router is known and healthy). */
  unknownSerial: c({
    customer: 'CUST-00005', customerName: 'Pierre-Luc Bouchard', customerType: 'Individual', territory: 'Montréal',
    phone: '5145550155', phoneDigits: '5145550155', email: 'pierreluc.bouchard@hotmail.com',
    location: 'LOC-000005', address: '3340, rue Masson', city: 'Montréal', postalCode: 'H1X 1R7', lat: 45.5448, lon: -73.5741,
    plan: 'Fibre 500', rxDbm: -18, ontInAcs: false,
    ont: { serial: 'ALCLE5F70905', model: 'G-010G-Q', mac: 'A4:E3:1B:5F:70:05' },
    router: { serial: '2236514010005', model: 'Deco X55', mac: 'E8:48:B8:10:00:05' },
  }),
  /** Healthy (Rx −17.85 dBm) with two mesh nodes: one wired, one wireless backhaul. */
  healthyMesh: c({
    customer: 'CUST-00006', customerName: 'Geneviève Lévesque', customerType: 'Individual', territory: 'Montréal',
    phone: '438-555-0166', phoneDigits: '4385550166', email: 'genevieve.levesque@videotron.ca',
    location: 'LOC-000006', address: '5870, avenue Christophe-Colomb', city: 'Montréal', postalCode: 'H2S 2G3', lat: 45.5368, lon: -73.6021,
    plan: 'Fibre 3G', rxDbm: -17.85, ontInAcs: true,
    ont: { serial: 'ALCLF6071A06', model: 'XS-010X-Q', mac: 'A4:E3:1B:60:71:06' },
    router: { serial: '2236514010006', model: 'Deco X55', mac: 'E8:48:B8:10:00:06' },
    mesh: [
      { serial: '2239921030061', model: 'Deco X20', mac: 'E8:48:B8:30:00:61', backhaul: 'wired' },
      { serial: '2239921030062', model: 'Deco X20', mac: 'E8:48:B8:30:00:62', backhaul: 'wireless' },
    ],
  }),
  /** Three overdue invoices (a balance due). */
  overdue: c({
    customer: 'CUST-00007', customerName: 'Émilie Pelletier', customerType: 'Individual', territory: 'Rive-Sud',
    phone: '(450) 555-0131', phoneDigits: '4505550131', email: 'emilie.pelletier@yahoo.ca',
    location: 'LOC-000007', address: '1450, chemin de Chambly', city: 'Longueuil', postalCode: 'J4J 3X5', lat: 45.5294, lon: -73.4958,
    plan: 'Fibre 500', rxDbm: -20.4, ontInAcs: true,
    ont: { serial: 'ALCLA7B8C907', model: 'G-010G-Q', mac: 'A4:E3:1B:7B:8C:07' },
    router: { serial: '2236514010007', model: 'Deco X55', mac: 'E8:48:B8:10:00:07' },
  }),
  /** A business customer. */
  business: c({
    customer: 'CUST-00008', customerName: 'Boulangerie Saint-Viateur inc.', customerType: 'Company', territory: 'Montréal',
    phone: '514 555-0109', phoneDigits: '5145550109', email: 'info@boulangeriestviateur.ca',
    location: 'LOC-000008', address: '263, rue Saint-Viateur Ouest', city: 'Montréal', postalCode: 'H2V 1Y1', lat: 45.5229, lon: -73.6009,
    plan: 'Affaires 1G', rxDbm: -16.3, ontInAcs: true,
    ont: { serial: 'ALCL0A1B2C08', model: 'G-010G-Q', mac: 'A4:E3:1B:A1:B2:08' },
    router: { serial: '2236514010008', model: 'Deco X55', mac: 'E8:48:B8:10:00:08' },
  }),
} as const;

/**
 * The overdue fixture's invoices: three past due (Overdue) plus this month's (Unpaid, not yet due),
 * Fibre 500 at 86.23 $ taxes in; `balanceDue` is their total outstanding (CAD).
 */
export const FIXTURE_OVERDUE = { overdueInvoices: 3, unpaidInvoices: 1, balanceDue: 344.92 } as const;

export const FIXTURE_TECHNICIANS = {
  /** The demo technician (tech@gigafibre.ca), Montréal, 07:00–15:30, jobs today DJ-000003…000005. */
  demo: { technician: 'TECH-001', name: 'Jean-François Roy', user: 'tech@gigafibre.ca', territory: 'Montréal', traccarDeviceId: 101 },
  /** Montréal, 10:00–18:30, a job today at 13:00–15:00 (DJ-000002). Has an ERPNext User but no Authentik account. */
  second: { technician: 'TECH-002', name: 'Mathieu Caron', user: 'mathieu.caron@gigafibre.ca', territory: 'Montréal', traccarDeviceId: 102 },
} as const;

/** Seeded Technician Absences the tests use (minutes since midnight, today). */
export const FIXTURE_ABSENCES = {
  /** TECH-002 in training today 15:30–17:30, after their 13:00–15:00 job: a drop at 16:00 warns. */
  secondTraining: { name: 'ABS-000001', technician: 'TECH-002', start: 15 * 60 + 30, end: 17 * 60 + 30 },
} as const;

export const FIXTURE_JOBS = {
  /** Today, Unscheduled (in the queue): Repair, Wi-Fi/Mesh, 60 min, High, at the healthyMesh customer. */
  unassignedToday: { job: 'DJ-000001', customer: 'CUST-00006', durationMinutes: 60, requiredSkill: 'Wi-Fi/Mesh' },
  /** Today 13:00–15:00 on TECH-002: dropping another job there at 13:00–15:00 overlaps. */
  overlapTarget: { job: 'DJ-000002', technician: 'TECH-002', start: '13:00:00', durationMinutes: 120 },
  /** The demo technician's three jobs today (08:00 repair at the badOptical customer, 10:00 business install, 13:30 ONT swap). */
  techToday: ['DJ-000003', 'DJ-000004', 'DJ-000005'],
} as const;

/** Serials for diagnostics tests beyond the customers above. */
export const FIXTURE_SERIALS = {
  /** Neither in ERPNext nor in GenieACS. */
  nowhere: 'ALCLFFFF0001',
} as const;

/** Inviting these through the hub exercises its partial-failure answers (HTTP 207). */
export const FIXTURE_INVITES = {
  /** ERPNext already has this User: Authentik user created, ERPNext step fails. */
  erpnextExists: FIXTURE_TECHNICIANS.second.user,
  /** Addresses in this domain cannot be mailed: the e-mail step fails. */
  undeliverableDomain: 'courriel.invalid',
} as const;
