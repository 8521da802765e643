// The "Authentik" user table: what the hub's /auth/users manages and what the edge signs in against.
import { randomBytes } from 'node:crypto';
import type { AuthUser } from '@gigafibre/contracts';
import type { Db } from '../../db/open';
import { authentikUid } from './uid';

interface Row {
  pk: number;
  uid: string;
  username: string;
  email: string;
  name: string;
  groups: string;
  is_active: number;
  created: string;
  last_login: string | null;
  password_hash: string;
}

/** A stored user with what only the edge needs. */
export interface StoredUser extends AuthUser {
  uid: string;
  passwordHash: string;
}

function toUser(row: Row): StoredUser {
  return {
    pk: row.pk,
    uid: row.uid,
    username: row.username,
    email: row.email,
    name: row.name,
    groups: JSON.parse(row.groups) as string[],
    is_active: row.is_active === 1,
    created: row.created,
    last_login: row.last_login,
    passwordHash: row.password_hash,
  };
}

/** The public view (no hash, no uid). */
export function publicUser(user: StoredUser): AuthUser {
  const { pk, username, email, name, groups, is_active, created, last_login } = user;
  return { pk, username, email, name, groups, is_active, created, last_login };
}

export class AuthUserStore {
  private readonly byEmailStmt;
  private readonly byPkStmt;
  private readonly allStmt;
  private readonly usernameTaken;

  constructor(private readonly db: Db) {
    this.byEmailStmt = db.prepare('SELECT * FROM auth_users WHERE email = ?');
    this.byPkStmt = db.prepare('SELECT * FROM auth_users WHERE pk = ?');
    this.allStmt = db.prepare('SELECT * FROM auth_users ORDER BY name COLLATE NOCASE');
    this.usernameTaken = db.prepare('SELECT 1 FROM auth_users WHERE username = ?');
  }

  byEmail(email: string): StoredUser | undefined {
    const row = this.byEmailStmt.get(email.trim()) as Row | undefined;
    return row && toUser(row);
  }

  byPk(pk: number): StoredUser | undefined {
    const row = this.byPkStmt.get(pk) as Row | undefined;
    return row && toUser(row);
  }

  list(filter: { search?: string; group?: string } = {}): StoredUser[] {
    const search = filter.search?.trim().toLowerCase();
    return (this.allStmt.all() as Row[])
      .map(toUser)
      .filter((u) => !filter.group || u.groups.includes(filter.group))
      .filter((u) => !search || [u.name, u.email, u.username].some((v) => v.toLowerCase().includes(search)));
  }

  /** Creates a user; the username is the e-mail's local part, made unique. */
  create(input: { email: string; name: string; groups: string[]; passwordHash: string; now: Date }): StoredUser {
    return this.db.transaction(() => {
      const base = (input.email.split('@')[0] ?? 'user').toLowerCase().replace(/[^a-z0-9._-]/g, '') || 'user';
      let username = base;
      for (let n = 2; this.usernameTaken.get(username); n++) username = `${base}${n}`;
      const info = this.db
        .prepare(
          `INSERT INTO auth_users (uid, username, email, name, groups, is_active, created, last_login, password_hash)
           VALUES (?, ?, ?, ?, ?, 1, ?, NULL, ?)`,
        )
        .run(randomBytes(16).toString('hex'), username, input.email.trim().toLowerCase(), input.name.trim(), JSON.stringify(input.groups), input.now.toISOString(), input.passwordHash);
      const pk = Number(info.lastInsertRowid);
      this.db.prepare('UPDATE auth_users SET uid = ? WHERE pk = ?').run(authentikUid(pk), pk);
      return this.byPk(pk) as StoredUser;
    })();
  }

  update(pk: number, patch: { name?: string; groups?: string[]; is_active?: boolean }): StoredUser | undefined {
    const sets: string[] = [];
    const values: unknown[] = [];
    const set = (column: string, value: unknown) => {
      sets.push(`${column} = ?`);
      values.push(value);
    };
    if (patch.name !== undefined) set('name', patch.name.trim());
    if (patch.groups !== undefined) set('groups', JSON.stringify(patch.groups));
    if (patch.is_active !== undefined) set('is_active', patch.is_active ? 1 : 0);
    if (sets.length > 0) this.db.prepare(`UPDATE auth_users SET ${sets.join(', ')} WHERE pk = ?`).run(...values, pk);
    return this.byPk(pk);
  }

  recordLogin(pk: number, at: Date): void {
    this.db.prepare('UPDATE auth_users SET last_login = ? WHERE pk = ?').run(at.toISOString(), pk);
  }
}
