// Seeds the whole database in one transaction (prepared statements, indexes built last).
import { DOCTYPES, type Doctype, type DoctypeSpec } from '@gigafibre/contracts';
import type { Db } from '../db/open';
import { getMeta, setMeta } from '../db/meta';
import { createIndexes, createTables, dropAll, SCHEMA_VERSION } from '../db/schema';
import { setSeries } from '../erp/docs/naming';
import { montrealToday } from '@gigafibre/contracts';
import { seedAbsences } from './absences';
import { seedBilling } from './billing';
import { createSeedContext } from './context';
import { seedCustomers } from './customers';
import { seedEquipment } from './equipment';
import { seedJobs } from './jobs';
import { seedNetwork } from './network';
import { seedMessages } from './messages';
import { Rng } from './prng';
import { seedTechnicians } from './technicians';
import { seedTags, seedTicketsAndNotes } from './tickets';
import { seedDemoUsers } from './users';
import { plantHostileText } from './hostileText';

export interface SeedOptions {
  /** Customers. */
  scale: number;
  technicians?: number;
  jobsPerDay?: number;
  /** Tickets (Issue) to seed (default: 0.9 per customer). */
  tickets?: number;
  /** The seed's "now" (default: the real clock): today's jobs and device informs are relative to it. */
  now?: Date;
  /** PRNG seed; the same options give the same data. */
  seed?: number;
  /** Plant HTML/script payloads in one customer's texts (STANDIN_HOSTILE_TEXT, e2e). */
  hostileText?: boolean;
}

export interface SeedResult {
  ms: number;
  counts: Record<string, number>;
}

/** The default PRNG seed. */
export const DEFAULT_SEED = 20_260_101;

/** Fills an empty database (tables created here). */
export function seedDatabase(db: Db, opts: SeedOptions): SeedResult {
  const started = performance.now();
  const now = opts.now ?? new Date();
  const counts: Record<string, number> = {};
  db.transaction(() => {
    createTables(db);
    const ctx = createSeedContext(db, new Rng(opts.seed ?? DEFAULT_SEED), now);
    seedDemoUsers(ctx);
    const techs = seedTechnicians(ctx, opts.technicians ?? 40);
    seedTags(ctx);
    const customers = seedCustomers(ctx, opts.scale);
    seedEquipment(ctx, customers);
    seedNetwork(ctx);
    seedBilling(ctx, customers);
    seedTicketsAndNotes(ctx, customers, opts.tickets ?? Math.round(opts.scale * 0.9));
    seedJobs(ctx, techs, customers, opts.jobsPerDay ?? 120);
    seedAbsences(ctx, techs);
    const sms = seedMessages(ctx, customers);
    if (opts.hostileText) plantHostileText(ctx);
    for (const [doctype, spec] of Object.entries(DOCTYPES) as [Doctype, DoctypeSpec][]) {
      counts[doctype] = ctx.count(doctype);
      if (spec.digits) setSeries(db, spec.naming, ctx.count(doctype));
    }
    counts.acs_devices = (db.prepare('SELECT COUNT(*) AS n FROM acs_devices').get() as { n: number }).n;
    counts.net_onts = (db.prepare('SELECT COUNT(*) AS n FROM net_onts').get() as { n: number }).n;
    counts.sms_messages = sms;
    createIndexes(db);
    setMeta(db, 'schema_version', String(SCHEMA_VERSION));
    setMeta(db, 'seeded_on', montrealToday(now));
    setMeta(db, 'seeded_at', now.toISOString());
    setMeta(db, 'seed_options', seedOptionsKey(opts));
  })();
  return { ms: Math.round(performance.now() - started), counts };
}

/**
 * Seeds unless the database already holds today's data for these options (a database seeded on
 * another day is reseeded: the dispatch board needs jobs around today). Safe when several
 * standin processes start on the same file: the check and the seed hold the write lock.
 */
export function ensureSeeded(db: Db, opts: SeedOptions, force = false): SeedResult | null {
  const now = opts.now ?? new Date();
  return db
    .transaction(() => {
      if (seedIsCurrent(db, opts, now) && !force) return null;
      dropAll(db);
      return seedDatabase(db, { ...opts, now });
    })
    .immediate();
}

/** True when the database holds this schema's data, seeded today with these options. */
export function seedIsCurrent(db: Db, opts: SeedOptions, now: Date): boolean {
  const wanted = seedOptionsKey(opts);
  return (
    getMeta(db, 'schema_version') === String(SCHEMA_VERSION) &&
    getMeta(db, 'seeded_on') === montrealToday(now) &&
    getMeta(db, 'seed_options') === wanted
  );
}

/** The options that shape the data, as stored with it. */
function seedOptionsKey(opts: SeedOptions): string {
  return JSON.stringify({ scale: opts.scale, technicians: opts.technicians ?? 40, jobsPerDay: opts.jobsPerDay ?? 120, ...(opts.tickets !== undefined && { tickets: opts.tickets }), ...(opts.hostileText && { hostileText: true }) });
}
