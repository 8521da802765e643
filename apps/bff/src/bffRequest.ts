import type { IncomingMessage } from 'node:http';
import type { Identity } from './identity/identity';
import type { OpsPath } from './policy/normalizePath';

/** A request as the pipeline enriches it, step by step. */
export interface BffRequest extends IncomingMessage {
  /** Set first: accepted from `X-Request-Id` or generated. */
  requestId: string;
  /** Set by the path check: the decoded, checked segments. */
  opsPath?: OpsPath;
  /** Set by the identity step once the user is verified. */
  identity?: Identity;
}
