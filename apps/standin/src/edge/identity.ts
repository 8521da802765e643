// The X-authentik-* headers the outpost injects for a signed-in user, with the HS256 JWT
// (signed with the proxy provider's client secret: STANDIN_JWT_SECRET).
import { SignJWT } from 'jose';
import type { StoredUser } from '../hub/users/store';
import type { Session } from './sessions';

export interface JwtSettings {
  secret: string;
  issuer: string;
  audience: string;
  /** Where the JWKS would be (meta header only: HS256 has no public key). */
  jwksUrl: string;
}

/** JWT lifetime; re-signed when less than a minute is left. */
const JWT_TTL_S = 15 * 60;

/**
 * Authentik sends header values as raw UTF-8 bytes; Node writes header strings as latin1, so the
 * UTF-8 bytes are passed as a latin1 string. Readers should prefer the JWT's claims.
 */
export function utf8HeaderValue(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

function fingerprint(user: StoredUser): string {
  return JSON.stringify([user.email, user.name, user.username, user.groups]);
}

async function jwtFor(user: StoredUser, session: Session, jwt: JwtSettings, nowMs: number): Promise<string> {
  const now = Math.floor(nowMs / 1000);
  const cached = session.jwt;
  if (cached && cached.exp - now > 60 && cached.fingerprint === fingerprint(user)) return cached.token;
  const exp = Math.min(now + JWT_TTL_S, Math.floor(session.expiresAt / 1000));
  const token = await new SignJWT({
    email: user.email,
    email_verified: true,
    name: user.name,
    given_name: user.name,
    preferred_username: user.username,
    nickname: user.username,
    groups: user.groups,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(jwt.issuer)
    .setAudience(jwt.audience)
    .setSubject(user.uid)
    .setIssuedAt(now)
    .setExpirationTime(exp)
    .sign(new TextEncoder().encode(jwt.secret));
  session.jwt = { token, exp, fingerprint: fingerprint(user) };
  return token;
}

/** Every header the outpost adds for `user`. */
export async function identityHeaders(user: StoredUser, session: Session, jwt: JwtSettings, nowMs: number): Promise<Record<string, string>> {
  return {
    'X-authentik-username': utf8HeaderValue(user.username),
    'X-authentik-groups': utf8HeaderValue(user.groups.join('|')),
    'X-authentik-email': utf8HeaderValue(user.email),
    'X-authentik-name': utf8HeaderValue(user.name),
    'X-authentik-uid': user.uid,
    'X-authentik-jwt': await jwtFor(user, session, jwt, nowMs),
    'X-authentik-meta-jwks': jwt.jwksUrl,
    'X-authentik-meta-outpost': 'authentik Embedded Outpost',
    'X-authentik-meta-provider': jwt.audience,
    'X-authentik-meta-app': jwt.audience,
    'X-authentik-meta-version': '2025.10.0',
  };
}
