// Who a user is in ERPNext and which rows are theirs, loaded with the service token and kept for a
// short while (per replica, in memory: a restart or another replica just loads it again).
//
// The signed-in user is matched as production matches them: Technician.user is a Link to their
// ERPNext User, whose id is their e-mail, lower-cased — the e-mail Authentik signs in the JWT.
// No Active Technician with that user (or more than one): no technician key, hence no own rows
// (their lists are empty, their single reads and writes refused). Then their own rows: the
// Dispatch Jobs of the window, with the customer and location of each, from which the rest follows.
import type { UserKey } from '@gigafibre/capabilities';
import type { Identity } from '../identity/identity';
import type { Logger } from '../logging/logger';
import type { ErpReader, ErpRow } from './erpReader';
import { addDays, montrealToday } from '@gigafibre/contracts';
import type { OwnRowsModel, Scope } from './ownRows';

export interface ScopeStoreOptions {
  /** How long a loaded scope is used (a job assigned meanwhile shows up after this at worst). */
  ttlMs?: number;
  /** A miss (a name not in the scope) reloads it once, unless it is younger than this. */
  minRefreshMs?: number;
  /** The clock of the cache and of the scope's « today » (the BFF's business clock by default). */
  now?: () => number;
  /** Users kept at most before expired entries are swept. */
  maxUsers?: number;
}

/** Most own rows loaded per root doctype (a technician's jobs over three weeks are far fewer). */
export const MAX_ROOT_ROWS = 1000;

interface Entry {
  scope?: Scope;
  loading?: Promise<Scope>;
}

export class ScopeStore {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly minRefreshMs: number;
  private readonly now: () => number;
  private readonly maxUsers: number;
  private readonly window: { field: string; daysBefore: number; daysAfter: number } | undefined;

  constructor(
    private readonly model: OwnRowsModel,
    private readonly reader: ErpReader,
    private readonly log: Logger,
    options: ScopeStoreOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.minRefreshMs = options.minRefreshMs ?? 5_000;
    this.now = options.now ?? Date.now;
    this.maxUsers = options.maxUsers ?? 10_000;
    for (const root of model.rootFields.keys()) {
      const own = model.ownOf(root);
      if (own && 'is' in own && own.window) this.window = own.window;
    }
  }

  /** The user's scope: from memory while fresh (synchronously), else loaded. */
  get(identity: Identity, requestId: string): Scope | Promise<Scope> {
    const email = identity.email.toLowerCase();
    const entry = this.entries.get(email);
    if (entry?.scope && this.now() - entry.scope.loadedAt < this.ttlMs) return entry.scope;
    return this.load(email, requestId);
  }

  /** After a miss: the scope loaded again, unless the one given is very recent. */
  refresh(identity: Identity, scope: Scope, requestId: string): Scope | Promise<Scope> {
    if (this.now() - scope.loadedAt < this.minRefreshMs) return scope;
    const email = identity.email.toLowerCase();
    const entry = this.entries.get(email);
    // Someone reloaded it meanwhile.
    if (entry?.scope && entry.scope.loadedAt > scope.loadedAt) return entry.scope;
    return this.load(email, requestId);
  }

  private load(email: string, requestId: string): Promise<Scope> {
    const entry = this.entries.get(email) ?? {};
    if (entry.loading) return entry.loading;
    if (!this.entries.has(email)) {
      if (this.entries.size >= this.maxUsers) this.sweep();
      this.entries.set(email, entry);
    }
    const loading = this.fetchScope(email, requestId).then(
      (scope) => {
        entry.scope = scope;
        entry.loading = undefined;
        return scope;
      },
      (err: unknown) => {
        entry.loading = undefined;
        throw err;
      },
    );
    entry.loading = loading;
    return loading;
  }

  private async fetchScope(email: string, requestId: string): Promise<Scope> {
    const loadedAt = this.now();
    const today = montrealToday(loadedAt);
    const window = { from: addDays(today, -(this.window?.daysBefore ?? 0)), to: addDays(today, this.window?.daysAfter ?? 0) };
    const keys: Record<UserKey, string | null> = { email: email === '' ? null : email, technician: await this.technicianOf(email, requestId) };
    const roots = new Map<string, readonly ErpRow[]>();
    await Promise.all(
      [...this.model.rootFields].map(async ([doctype, fields]) => {
        const own = this.model.ownOf(doctype);
        if (!own || !('is' in own)) return;
        const key = keys[own.is];
        if (key === null) return void roots.set(doctype, []);
        const filters: unknown[][] = [[own.field, '=', key]];
        if (own.window) filters.push([own.window.field, 'between', [window.from, window.to]]);
        const rows = await this.reader.list(doctype, [...fields], filters, MAX_ROOT_ROWS, requestId);
        if (rows.length >= MAX_ROOT_ROWS) this.log.warn({ requestId, doctype, rows: rows.length }, 'own rows truncated: the window holds more rows than are loaded');
        roots.set(doctype, rows);
      }),
    );
    return { keys, loadedAt, window, roots, memo: new Map() };
  }

  private async technicianOf(email: string, requestId: string): Promise<string | null> {
    if (email === '') return null;
    const rows = await this.reader.list('Technician', ['name', 'status'], [['user', '=', email]], 2, requestId);
    if (rows.length > 1) {
      this.log.warn({ requestId, who: email, technicians: rows.map((r) => r.name) }, 'several Technician records for one user: none is used');
      return null;
    }
    const row = rows[0];
    return row && row.status === 'Active' && typeof row.name === 'string' ? row.name : null;
  }

  private sweep(): void {
    const now = this.now();
    for (const [email, entry] of this.entries) {
      if (!entry.loading && (!entry.scope || now - entry.scope.loadedAt >= this.ttlMs)) this.entries.delete(email);
    }
    // Still full of fresh entries: forget the oldest rather than grow without bound.
    if (this.entries.size >= this.maxUsers) {
      const first = this.entries.keys().next().value;
      if (first !== undefined) this.entries.delete(first);
    }
  }
}
