import type { RequestHandler } from 'express';
import type { Identity } from './identity';

/** `GET /ops/api/me`: who the BFF thinks the caller is and what they may do (the SPA's session). */
export const meRoute: RequestHandler = (req, res) => {
  const { email, name, username, groups, capabilities } = req.identity as Identity;
  res.set('Cache-Control', 'no-store').json({ email, name, username, groups, capabilities });
};
