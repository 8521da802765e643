import type { ServerResponse } from 'node:http';
import { sendJson } from '../respond';
import type { Identity } from './identity';

/** `GET /ops/api/me`: who the BFF thinks the caller is and what they may do (the SPA's session). */
export function sendMe(res: ServerResponse, identity: Identity): void {
  const { email, name, username, groups, capabilities } = identity;
  sendJson(res, 200, { email, name, username, groups, capabilities });
}
