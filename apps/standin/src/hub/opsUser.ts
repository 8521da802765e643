import type { Ctx } from '../http/router';

/** The person the BFF acts for (`X-Ops-User`): the author of what the hub writes into ERPNext; null when absent or malformed. */
export function opsUser(ctx: Ctx): string | null {
  const value = ctx.req.headers['x-ops-user'];
  return typeof value === 'string' && /^[^\s@]+@[^\s@]+$/.test(value) && value.length <= 254 ? value.toLowerCase() : null;
}
