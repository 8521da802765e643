// `POST /messages`, `GET /messages?customer=`, `GET /messages/opt-out?number=` (hub-messages.ts).
import { createHash } from 'node:crypto';
import {
  MAX_IDEMPOTENCY_KEY_LENGTH,
  MESSAGE_PAGE_DEFAULT,
  MESSAGE_PAGE_MAX,
  NANP_E164,
  sendMessageSchema,
  type MessagePage,
  type MessageSender,
} from '@gigafibre/contracts';
import { BodyTooLargeError, readBody } from '../../http/body';
import { sendJson } from '../../http/respond';
import type { Ctx } from '../../http/router';
import { handlerFaultOf } from '../../http/service';
import { HubError } from '../errors';
import { opsUser } from '../opsUser';
import type { Messaging } from './messaging';
import { decodeCursor } from './store';

const KEY = new RegExp(`^[\\x21-\\x7e]{1,${MAX_IDEMPOTENCY_KEY_LENGTH}}$`);

const FRENCH: Record<string, string> = {
  customer: 'client requis',
  to: 'numéro requis',
  body: 'texte requis (1 600 caractères au plus)',
  template: 'modèle invalide',
  job: 'intervention invalide',
};

function invalid(issues: Record<string, string[]>): HubError {
  return new HubError(400, 'Données invalides', issues, { code: 'invalid_request' });
}

/** The sender the BFF vouches for: `X-Ops-User` (e-mail) and `X-Ops-User-Name` (percent-encoded). */
function sender(ctx: Ctx): MessageSender | null {
  const email = opsUser(ctx);
  if (!email) return null;
  const raw = ctx.req.headers['x-ops-user-name'];
  let name = email;
  if (typeof raw === 'string' && raw.length <= 600) {
    try {
      name = decodeURIComponent(raw).trim().slice(0, 150) || email;
    } catch {
      // a malformed name falls back to the e-mail
    }
  }
  return { email, name };
}

export class MessageRoutes {
  constructor(private readonly messaging: Messaging) {}

  send = async (ctx: Ctx): Promise<void> => {
    const key = ctx.req.headers['idempotency-key'];
    if (typeof key !== 'string' || !KEY.test(key)) {
      throw new HubError(400, `En-tête Idempotency-Key requis (${MAX_IDEMPOTENCY_KEY_LENGTH} caractères imprimables au plus).`, undefined, { code: 'idempotency_key' });
    }
    let raw: unknown;
    try {
      raw = JSON.parse((await readBody(ctx.req, 64 * 1024)).toString('utf8'));
    } catch (err) {
      if (err instanceof BodyTooLargeError) throw new HubError(413, 'Message trop volumineux', undefined, { code: 'invalid_request' });
      throw invalid({ corps: ['JSON invalide'] });
    }
    const parsed = sendMessageSchema().safeParse(raw);
    if (!parsed.success) {
      const issues: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'corps');
        (issues[field] ??= []).push(FRENCH[field] ?? issue.message);
      }
      throw invalid(issues);
    }
    const body = parsed.data;
    const order = { customer: body.customer, to: body.to.trim(), body: body.body, template: body.template ?? null, job: body.job ?? null };
    const { created, message } = this.messaging.send({
      ...order,
      sentBy: sender(ctx),
      idempotencyKey: key,
      fingerprint: createHash('sha256').update(JSON.stringify(order)).digest('hex'),
      fault: handlerFaultOf(ctx.req)?.sms,
    });
    sendJson(ctx.res, created ? 201 : 200, message);
  };

  thread = ({ res, query }: Ctx): void => {
    const customers = query.getAll('customer');
    if (customers.length !== 1 || !customers[0]?.trim()) throw new HubError(400, 'Un seul paramètre customer est requis.', undefined, { code: 'invalid_request' });
    const limitText = query.get('limit');
    const limit = limitText === null ? MESSAGE_PAGE_DEFAULT : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > MESSAGE_PAGE_MAX) {
      throw new HubError(400, `limit doit être un entier de 1 à ${MESSAGE_PAGE_MAX}.`, undefined, { code: 'invalid_request' });
    }
    const beforeText = query.get('before');
    const before = beforeText ? decodeCursor(beforeText) : null;
    if (beforeText && !before) throw new HubError(400, 'Curseur before invalide.', undefined, { code: 'invalid_request' });
    const page: MessagePage = this.messaging.store.page(customers[0].trim(), limit, before);
    sendJson(res, 200, page);
  };

  optState = ({ res, query }: Ctx): void => {
    const number = query.get('number')?.trim() ?? '';
    if (!NANP_E164.test(number)) throw new HubError(400, `Numéro invalide : « ${number} » (format attendu : +1 et 10 chiffres).`, undefined, { code: 'invalid_number' });
    sendJson(res, 200, this.messaging.store.optState(number));
  };
}
