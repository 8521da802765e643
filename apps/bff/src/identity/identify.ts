import type { IncomingMessage } from 'node:http';
import type { GroupMap } from '@gigafibre/capabilities';
import type { IdentityConfig } from '../config';
import { splitGroups, toIdentity, usableInHeader, type Identity, type IdentityClaims } from './identity';
import { JwtVerifier, unauthenticated } from './jwtVerifier';
import { TokenCache } from './tokenCache';

const IDENTITY_HEADERS = ['x-authentik-email', 'x-authentik-username', 'x-authentik-uid', 'x-authentik-name', 'x-authentik-groups'] as const;
// One value each: a duplicated header arrives joined with ", " and is refused.
const SINGLE_VALUE = /^[^\s,]+$/;

/** Who is calling: a known token is answered at once, a new one after verification. */
export type Identify = (req: IncomingMessage) => Identity | Promise<Identity>;

/** Options of the identity step; `now` is for tests. */
export interface IdentityStepOptions {
  now?: () => number;
  cacheSize?: number;
}

/**
 * Establishes who is calling, in this order:
 * 1. with a JWT secret or JWKS configured and an `X-Authentik-Jwt` present: the token must verify,
 *    and identity comes from its claims (whoever the peer is: the signature is the proof);
 * 2. `X-Authentik-*` headers without a JWT: accepted only from a socket peer inside TRUSTED_PROXIES
 *    (the connection's address, never `X-Forwarded-For`);
 * 3. nothing at all: OPS_DEV_IDENTITY when set (never in production);
 * anything else is 401 (thrown as HttpError).
 */
export function createIdentify(config: IdentityConfig, groupMap: GroupMap, options: IdentityStepOptions = {}): Identify {
  const now = options.now ?? Date.now;
  const verifier =
    config.jwtSecret || config.jwksUrl
      ? new JwtVerifier({
          ...(config.jwtSecret && { secret: config.jwtSecret }),
          ...(config.jwksUrl && { jwksUrl: config.jwksUrl }),
          issuer: config.issuer as string,
          ...(config.audience && { audience: config.audience }),
          now,
        })
      : undefined;
  const cache = new TokenCache<Identity>(options.cacheSize ?? 2000, now);
  const devIdentity = config.devIdentity && toIdentity(config.devIdentity, 'dev', groupMap);

  const fromToken = async (token: string): Promise<Identity> => {
    const verified = await (verifier as JwtVerifier).verify(token);
    const identity = toIdentity(verified.claims, 'jwt', groupMap);
    cache.set(token, identity, verified.expiresAtMs);
    return identity;
  };

  // A token seen before is answered from the cache, synchronously: no signature check on the
  // path every proxied request takes.
  return (req) => {
    const token = req.headers['x-authentik-jwt'];
    if (verifier && token !== undefined) {
      if (typeof token !== 'string' || token === '') throw unauthenticated('malformed', 'jeton illisible.');
      return cache.get(token) ?? fromToken(token);
    }
    if (IDENTITY_HEADERS.some((h) => req.headers[h] !== undefined)) {
      if (!config.trustedProxies.contains(req.socket.remoteAddress)) {
        throw unauthenticated('untrusted_peer', 'en-têtes d’identité reçus d’un pair non fiable.');
      }
      return toIdentity(claimsFromHeaders(req), 'headers', groupMap);
    }
    if (devIdentity) return devIdentity;
    throw unauthenticated('missing', 'aucune identité fournie.');
  };
}

/**
 * A header value as text. The outpost sends UTF-8 bytes and Node reads header bytes as latin1, so
 * « Chloé » arrives as « ChloÃ© »: decode again when the bytes are valid UTF-8.
 */
function header(req: IncomingMessage, name: string): string {
  const value = req.headers[name];
  if (typeof value !== 'string') return '';
  const text = value.trim();
  if (!/[\x80-\xff]/.test(text)) return text;
  const utf8 = Buffer.from(text, 'latin1').toString('utf8');
  return utf8.includes('\uFFFD') ? text : utf8;
}

function claimsFromHeaders(req: IncomingMessage): IdentityClaims {
  const email = header(req, 'x-authentik-email');
  const username = header(req, 'x-authentik-username');
  if (email === '' && username === '') throw unauthenticated('no_subject', 'ni courriel ni nom d’utilisateur.');
  for (const value of [email, username]) {
    if (value !== '' && (!SINGLE_VALUE.test(value) || !usableInHeader(value))) throw unauthenticated('malformed_headers', 'en-têtes d’identité en double ou invalides.');
  }
  return {
    email,
    username,
    name: header(req, 'x-authentik-name') || username || email,
    uid: header(req, 'x-authentik-uid'),
    groups: splitGroups(header(req, 'x-authentik-groups')),
  };
}
