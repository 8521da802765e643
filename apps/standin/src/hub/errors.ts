// The hub's own errors: `{ error }` JSON with a French message (and field issues on 400).
import type { HubError as HubErrorBody } from '@gigafibre/contracts';
import type { ServerResponse } from 'node:http';
import { sendJson } from '../http/respond';

export class HubError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues?: Record<string, string[]>,
    /** A documented reason (`MessageRefusalCode`) and Twilio's code for it, when any. */
    readonly reason?: { code: string; twilio_code?: number },
  ) {
    super(message);
  }
}

export function sendHubError(res: ServerResponse, err: HubError): void {
  const body: HubErrorBody = { error: err.message, ...err.reason, ...(err.issues ? { issues: err.issues } : {}) };
  sendJson(res, err.status, body, err.status === 401 ? { 'WWW-Authenticate': 'Bearer realm="targo-hub"' } : {});
}
