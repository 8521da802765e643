// Opens the configured database, seeding it when it does not hold today's data.
import { closeSync, existsSync, openSync, rmSync, statSync } from 'node:fs';
import type { StandinConfig } from '../config';
import type { Logger } from '../log';
import { seedDatabase, seedIsCurrent, type SeedOptions, type SeedResult } from '../seed/index';
import { openDatabase, type Db } from './open';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Seed options from the configuration. */
export function seedOptions(config: StandinConfig, now: Date): SeedOptions {
  return { scale: config.scale, technicians: config.technicians, jobsPerDay: config.jobsPerDay, ...(config.tickets > 0 && { tickets: config.tickets }), now, hostileText: config.hostileText };
}

/**
 * A file database that needs seeding is rebuilt from an empty file (no journal while seeding:
 * twice as fast), under a lock file so that standin processes sharing it seed it once.
 */
export async function prepareDatabase(config: StandinConfig, now: Date, log: Logger): Promise<{ db: Db; seed: SeedResult | null }> {
  const opts = seedOptions(config, now);
  if (config.db === ':memory:') {
    const db = openDatabase(':memory:');
    return { db, seed: seedDatabase(db, opts) };
  }
  const lock = `${config.db}.seed-lock`;
  for (const started = Date.now(); ; ) {
    if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 5 * 60_000) rmSync(lock, { force: true });
    if (!existsSync(lock)) {
      const db = openDatabase(config.db);
      if (!config.reseed && seedIsCurrent(db, opts, now)) return { db, seed: null };
      db.close();
      try {
        closeSync(openSync(lock, 'wx'));
        break;
      } catch {
        // another process took the lock between our check and now
      }
    }
    if (Date.now() - started > 180_000) throw new Error(`${lock} : un autre processus semble bloqué dans l’amorçage`);
    await sleep(250);
  }
  try {
    log.info('seeding database', { file: config.db, scale: config.scale });
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${config.db}${suffix}`, { force: true });
    const db = openDatabase(config.db);
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    const seed = seedDatabase(db, opts);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    return { db, seed };
  } finally {
    rmSync(lock, { force: true });
  }
}
