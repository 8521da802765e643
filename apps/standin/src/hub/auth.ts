// Every hub route but /health needs `Authorization: Bearer <STANDIN_HUB_TOKEN>`.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HubError } from './errors';

export function checkBearer(req: IncomingMessage, token: string): void {
  const header = req.headers.authorization ?? '';
  const m = /^Bearer\s+(.+)$/i.exec(header);
  const presented = Buffer.from(m?.[1]?.trim() ?? '');
  const expected = Buffer.from(token);
  if (!m || presented.length !== expected.length || !timingSafeEqual(presented, expected)) {
    throw new HubError(401, header ? 'Jeton invalide' : 'Authentification requise (Authorization: Bearer …)');
  }
}
