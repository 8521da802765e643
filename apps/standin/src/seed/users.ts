// Staff accounts: the demo users (Authentik + ERPNext User) and the technicians' ERPNext Users.
import { DEMO_USERS } from '../edge/demo-users';
import { hashPasswordSync } from '../hub/users/password';
import { authentikUid } from '../hub/users/uid';
import { stampAt, standard, type SeedContext } from './context';
import { addDays } from '@gigafibre/contracts';

/** Inserts an ERPNext User. */
export function seedErpUser(ctx: SeedContext, email: string, fullName: string, createdOn: string): void {
  ctx.insert('User', {
    ...standard(email, stampAt(createdOn, 9 * 60)),
    email,
    full_name: fullName,
    first_name: fullName.split(' ')[0] ?? fullName,
    enabled: 1,
    user_type: 'System User',
  });
}

/** The demo users, signed-in through the edge with the passwords on its sign-in page. */
export function seedDemoUsers(ctx: SeedContext): void {
  const insert = ctx.db.prepare(
    `INSERT INTO auth_users (uid, username, email, name, groups, is_active, created, last_login, password_hash)
     VALUES (?, ?, ?, ?, ?, 1, ?, NULL, ?)`,
  );
  const created = addDays(ctx.today, -400);
  DEMO_USERS.forEach((user, i) => {
    const salt = Buffer.from(ctx.rng.hex(32), 'hex');
    insert.run(authentikUid(i + 1), user.username, user.email, user.name, JSON.stringify(user.groups), `${created}T13:00:00.000Z`, hashPasswordSync(user.password, salt));
    if (!('technician' in user)) seedErpUser(ctx, user.email, user.name, created);
  });
}
