// What the pipeline attaches to each request (see app.ts).
import type { Identity } from './identity/identity';
import type { OpsPath } from './policy/normalizePath';

declare global {
  namespace Express {
    interface Request {
      /** Set by the request-context step: accepted from `X-Request-Id` or generated. */
      requestId: string;
      /** Set by the identity step once the user is verified. */
      identity?: Identity;
      /** Set by the path step: the decoded, checked segments of an /ops/api path. */
      opsPath?: OpsPath;
    }
  }
}

export {};
