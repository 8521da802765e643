// Authentik's per-user `uid` (a SHA-256 hex of the user's pk and the install).
import { createHash } from 'node:crypto';

export function authentikUid(pk: number): string {
  return createHash('sha256').update(`gigafibre-standin:${pk}`).digest('hex');
}
