import { webcrypto } from 'node:crypto';
import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { HttpError } from '../errors';
import { splitGroups, usableInHeader, type IdentityClaims } from './identity';

/** How the edge's `X-Authentik-Jwt` is checked. */
export interface JwtVerifierOptions {
  /** HS256 key (the proxy provider's client secret). */
  secret?: Uint8Array;
  /** RS256 key set (the provider's signing key). */
  jwksUrl?: URL;
  issuer: string;
  audience?: readonly string[];
  /** Clock for tests; milliseconds since the epoch. */
  now?: () => number;
}

/** A verified token: who it names and until when it holds (ms since the epoch). */
export interface VerifiedToken {
  claims: IdentityClaims;
  expiresAtMs: number;
}

/** Longest token accepted; Authentik's are well under 2 kB. */
export const MAX_JWT_LENGTH = 8192;
/** Clock skew tolerated between Authentik and the BFF. */
export const CLOCK_TOLERANCE_S = 5;

export function unauthenticated(reason: string, message: string): HttpError {
  return new HttpError(401, 'unauthenticated', `Identité non vérifiée : ${message}`, { reason });
}

/**
 * Verifies Authentik proxy JWTs: signature with the algorithm pinned to the key type (HS256 for the
 * secret, RS256 for the JWKS; `none` and any other algorithm refused), `exp` required, `iss` and
 * (when configured) `aud` checked.
 */
export class JwtVerifier {
  private readonly secret: Promise<webcrypto.CryptoKey> | undefined;
  private readonly jwks: JWTVerifyGetKey | undefined;
  private readonly now: () => number;

  constructor(private readonly options: JwtVerifierOptions) {
    // Imported once: jose would otherwise import the raw secret again on every verification.
    this.secret = options.secret && webcrypto.subtle.importKey('raw', options.secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    this.jwks = options.jwksUrl && createRemoteJWKSet(options.jwksUrl, { timeoutDuration: 3000, cooldownDuration: 30_000, cacheMaxAge: 600_000 });
    this.now = options.now ?? Date.now;
  }

  /** @throws HttpError 401 (with a `reason`) when the token does not hold, 503 when the JWKS cannot be fetched. */
  async verify(token: string): Promise<VerifiedToken> {
    if (token.length > MAX_JWT_LENGTH) throw unauthenticated('malformed', 'jeton trop long.');
    let alg: unknown;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw unauthenticated('malformed', 'jeton illisible.');
    }
    const common = {
      issuer: this.options.issuer,
      ...(this.options.audience && { audience: [...this.options.audience] }),
      clockTolerance: CLOCK_TOLERANCE_S,
      currentDate: new Date(this.now()),
      requiredClaims: ['exp', 'iss'],
    };
    let payload: JWTPayload;
    try {
      if (alg === 'HS256' && this.secret) {
        ({ payload } = await jwtVerify(token, await this.secret, { ...common, algorithms: ['HS256'] }));
      } else if (alg === 'RS256' && this.jwks) {
        ({ payload } = await jwtVerify(token, this.jwks, { ...common, algorithms: ['RS256'] }));
      } else {
        throw unauthenticated('algorithm_refused', `algorithme « ${String(alg)} » refusé.`);
      }
    } catch (err) {
      throw toIdentityError(err);
    }
    return { claims: claimsOf(payload), expiresAtMs: ((payload.exp as number) + CLOCK_TOLERANCE_S) * 1000 };
  }
}

function toIdentityError(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  if (err instanceof errors.JWTExpired) return unauthenticated('expired', 'jeton expiré.');
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'iss') return unauthenticated('wrong_issuer', 'émetteur (iss) inattendu.');
    if (err.claim === 'aud') return unauthenticated('wrong_audience', 'audience (aud) inattendue.');
    if (err.claim === 'nbf') return unauthenticated('not_yet_valid', 'jeton pas encore valide.');
    return unauthenticated('invalid_claims', `revendication « ${err.claim} » invalide.`);
  }
  if (err instanceof errors.JWSSignatureVerificationFailed) return unauthenticated('bad_signature', 'signature invalide.');
  if (err instanceof errors.JOSEAlgNotAllowed || err instanceof errors.JOSENotSupported) {
    return unauthenticated('algorithm_refused', 'algorithme refusé.');
  }
  if (err instanceof errors.JWKSNoMatchingKey) return unauthenticated('unknown_key', 'clé de signature inconnue.');
  if (err instanceof errors.JWSInvalid || err instanceof errors.JWTInvalid) return unauthenticated('malformed', 'jeton illisible.');
  // JWKS unreachable or answering garbage: we cannot tell, so we must not let anyone in.
  return new HttpError(503, 'identity_unavailable', 'Vérification d’identité momentanément impossible.', {}, { cause: err });
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Authentik proxy JWT claims (OIDC-like) → the identity claims the BFF uses. */
function claimsOf(payload: JWTPayload): IdentityClaims {
  const groups = Array.isArray(payload.groups)
    ? payload.groups.filter((g): g is string => typeof g === 'string' && g !== '')
    : splitGroups(text(payload.groups));
  const email = text(payload.email);
  const username = text(payload.preferred_username);
  if (email === '' && username === '') throw unauthenticated('no_subject', 'jeton sans courriel ni nom d’utilisateur.');
  if (!usableInHeader(email) || !usableInHeader(username)) throw unauthenticated('malformed_claims', 'courriel ou nom d’utilisateur avec des caractères interdits.');
  return { email, username, name: text(payload.name) || username || email, uid: text(payload.sub), groups };
}
