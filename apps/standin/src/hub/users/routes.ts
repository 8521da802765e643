// `GET/POST /auth/users`, `PATCH /auth/users/:pk`: staff accounts in "Authentik" and ERPNext.
import { DEFAULT_GROUP_MAP } from '@gigafibre/capabilities';
import { inviteUserSchema, updateUserSchema, type AuthUserList, type InviteUserResult } from '@gigafibre/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/open';
import { FrappeError } from '../../erp/errors';
import type { DocStore } from '../../erp/docs/store';
import { readBody } from '../../http/body';
import { sendJson } from '../../http/respond';
import type { Ctx } from '../../http/router';
import { HubError } from '../errors';
import { opsUser } from '../opsUser';
import { hashPassword, temporaryPassword } from './password';
import { publicUser, type AuthUserStore } from './store';

/** Addresses in these domains cannot be mailed (the standin's stand-in for a bounce). */
const UNDELIVERABLE = /\.invalid$/i;

const FRENCH: Record<string, string> = {
  email: 'adresse courriel invalide',
  name: 'nom requis (150 caractères au plus)',
  groups: 'au moins un groupe (20 au plus)',
  is_active: 'vrai ou faux attendu',
};

async function jsonBody(ctx: Ctx): Promise<unknown> {
  try {
    return JSON.parse((await readBody(ctx.req, 64 * 1024)).toString('utf8'));
  } catch {
    throw new HubError(400, 'Corps JSON invalide');
  }
}

function validate<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) {
    const groups = (result.data as { groups?: string[] }).groups ?? [];
    const unknown = groups.filter((g) => !Object.hasOwn(DEFAULT_GROUP_MAP, g));
    if (unknown.length > 0) throw new HubError(400, 'Données invalides', { groups: unknown.map((g) => `groupe inconnu : ${g}`) });
    return result.data;
  }
  const issues: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'corps');
    (issues[field] ??= []).push(FRENCH[field] ?? issue.message);
  }
  throw new HubError(400, 'Données invalides', issues);
}

export class UserRoutes {
  constructor(
    private readonly db: Db,
    private readonly users: AuthUserStore,
    private readonly docs: DocStore,
    private readonly now: () => Date,
  ) {}

  list = ({ res, query }: Ctx): void => {
    const body: AuthUserList = this.users.list({ search: query.get('search') ?? undefined, group: query.get('group') ?? undefined }).map(publicUser);
    sendJson(res, 200, body);
  };

  invite = async (ctx: Ctx): Promise<void> => {
    const input = validate(inviteUserSchema, await jsonBody(ctx));
    const email = input.email.trim().toLowerCase();
    if (this.users.byEmail(email)) throw new HubError(409, `Un utilisateur existe déjà avec le courriel ${email}`);
    const password = temporaryPassword();
    const passwordHash = await hashPassword(password);
    // Checked again after the hash: another invite may have landed meanwhile.
    if (this.users.byEmail(email)) throw new HubError(409, `Un utilisateur existe déjà avec le courriel ${email}`);
    const user = this.users.create({ email, name: input.name, groups: input.groups, passwordHash, now: this.now() });
    const warnings: string[] = [];
    let erpnext: InviteUserResult['steps']['erpnext'] = 'created';
    try {
      this.docs.insert('User', { email, full_name: user.name, first_name: user.name.split(' ')[0], enabled: 1, user_type: 'System User' }, opsUser(ctx));
    } catch (err) {
      if (!(err instanceof FrappeError)) throw err;
      erpnext = 'failed';
      warnings.push(`Utilisateur ERPNext non créé (${err.message}) : liez-le à la main dans ERPNext avant sa première connexion.`);
    }
    const delivered = !UNDELIVERABLE.test(email.split('@')[1] ?? '');
    // The password goes in the e-mail only: the outbox keeps a redacted copy.
    this.db
      .prepare('INSERT INTO mail_outbox (to_addr, subject, body, status, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(email, 'Votre accès à Gigafibre Ops', 'Mot de passe temporaire : [masqué]', delivered ? 'sent' : 'failed', this.now().toISOString());
    if (!delivered) warnings.push(`Courriel non envoyé à ${email} : remettez le mot de passe temporaire à la personne vous-même.`);
    const result: InviteUserResult = {
      user: publicUser(user),
      temporary_password: password,
      steps: { authentik: 'created', erpnext, email: delivered ? 'sent' : 'failed' },
      warnings,
    };
    sendJson(ctx.res, warnings.length > 0 ? 207 : 201, result);
  };

  update = async (ctx: Ctx): Promise<void> => {
    const pkText = ctx.params.pk as string;
    if (!/^\d{1,9}$/.test(pkText)) throw new HubError(400, `Identifiant invalide : ${pkText}`);
    const pk = Number(pkText);
    const patch = validate(updateUserSchema, await jsonBody(ctx));
    const before = this.users.byPk(pk);
    if (!before) throw new HubError(404, `Utilisateur introuvable : ${pk}`);
    const after = this.users.update(pk, patch);
    if (!after) throw new HubError(404, `Utilisateur introuvable : ${pk}`);
    const erpPatch: Record<string, unknown> = {};
    if (patch.is_active !== undefined) erpPatch.enabled = patch.is_active ? 1 : 0;
    if (patch.name !== undefined) erpPatch.full_name = patch.name;
    if (Object.keys(erpPatch).length > 0 && this.docs.get('User', after.email)) this.docs.update('User', after.email, erpPatch, opsUser(ctx));
    sendJson(ctx.res, 200, publicUser(after));
  };
}
