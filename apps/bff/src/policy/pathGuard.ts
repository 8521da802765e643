import type { RequestHandler } from 'express';
import { normalizePath } from './normalizePath';

/** Refuses ambiguous paths (400) before anything routes on them; keeps the decoded segments. */
export const pathGuard: RequestHandler = (req, _res, next) => {
  req.opsPath = normalizePath(req.originalUrl);
  next();
};
