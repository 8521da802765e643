import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log';
import { testConfig, TEST_NOW } from '../testing/harness';
import { prepareDatabase } from './prepare';

const dir = mkdtempSync(join(tmpdir(), 'standin-prepare-'));
const file = join(dir, 'standin.db');
const config = { ...testConfig({ scale: 30 }), db: file };
const log = createLogger('test', 'silent');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('prepareDatabase (file)', () => {
  it('seeds an empty file, in WAL mode, and leaves no lock behind', async () => {
    const { db, seed } = await prepareDatabase(config, TEST_NOW, log);
    expect(seed?.counts.Customer).toBe(30);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.prepare(`UPDATE tabCustomer SET customer_name = 'Gardé' WHERE name = 'CUST-00010'`).run();
    db.close();
    expect(existsSync(`${file}.seed-lock`)).toBe(false);
  });

  it('keeps the data on a later start the same day', async () => {
    const { db, seed } = await prepareDatabase(config, new Date(TEST_NOW.getTime() + 3_600_000), log);
    expect(seed).toBeNull();
    expect(db.prepare(`SELECT customer_name FROM tabCustomer WHERE name = 'CUST-00010'`).get()).toEqual({ customer_name: 'Gardé' });
    db.close();
  });

  it('reseeds on another day (jobs must surround today), with other options, or when asked', async () => {
    const tomorrow = await prepareDatabase(config, new Date(TEST_NOW.getTime() + 86_400_000), log);
    expect(tomorrow.seed).not.toBeNull();
    tomorrow.db.close();
    const bigger = await prepareDatabase({ ...config, scale: 40 }, new Date(TEST_NOW.getTime() + 86_400_000), log);
    expect(bigger.seed?.counts.Customer).toBe(40);
    bigger.db.close();
    const forced = await prepareDatabase({ ...config, scale: 40, reseed: true }, new Date(TEST_NOW.getTime() + 86_400_000), log);
    expect(forced.seed).not.toBeNull();
    forced.db.close();
  });
});
