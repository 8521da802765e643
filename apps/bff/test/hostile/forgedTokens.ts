// Forged and malformed identity tokens: `alg: none`, algorithm confusion (another HMAC, RS256 with
// an embedded attacker key, the secret used as an RSA "public key"), tampered claims, oversize.
// Each is what an attacker who can reach the BFF without the edge might send.
import { createHmac, createSign, generateKeyPairSync } from 'node:crypto';
import { AUDIENCE, ISSUER, JWT_SECRET } from '../testEnv';

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

const now = () => Math.floor(Date.now() / 1000);
const adminClaims = () => ({ iss: ISSUER, aud: AUDIENCE, sub: 'uid-mallory', email: 'mallory@gigafibre.ca', preferred_username: 'mallory', groups: ['ops-admin'], iat: now(), exp: now() + 300 });

function hmac(alg: 'sha256' | 'sha384' | 'sha512', key: string | Buffer, header: object, claims: object): string {
  const input = `${b64(header)}.${b64(claims)}`;
  return `${input}.${createHmac(alg, key).update(input).digest('base64url')}`;
}

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const attackerJwk = publicKey.export({ format: 'jwk' });

function rs256(header: object, claims: object): string {
  const input = `${b64(header)}.${b64(claims)}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(privateKey).toString('base64url')}`;
}

/** A genuine HS256 token, as the edge signs it (synchronous, so case lists can be built at load). */
export function signedToken(claims: Record<string, unknown>): string {
  return hmac('sha256', JWT_SECRET, { alg: 'HS256', typ: 'JWT' }, { iss: ISSUER, aud: AUDIENCE, iat: now(), exp: now() + 3600, ...claims });
}

/** Genuine tokens for the roles the suites use; `nobody` is in no group. */
export const ROLE_TOKENS = {
  admin: signedToken({ sub: 'uid-admin', email: 'admin@gigafibre.ca', preferred_username: 'admin', groups: ['ops-admin'] }),
  support: signedToken({ sub: 'uid-support', email: 'support@gigafibre.ca', preferred_username: 'support', groups: ['ops-support'] }),
  tech: signedToken({ sub: 'uid-tech', email: 'tech@gigafibre.ca', preferred_username: 'tech', groups: ['ops-tech'] }),
  nobody: signedToken({ sub: 'uid-nobody', email: 'nobody@gigafibre.ca', preferred_username: 'nobody', groups: [] }),
} as const;

export type Role = keyof typeof ROLE_TOKENS;

const claims = adminClaims();
const [validHeader, validPayload, validSignature] = ROLE_TOKENS.support.split('.') as [string, string, string];
const tampered = `${validHeader}.${b64({ ...(JSON.parse(Buffer.from(validPayload, 'base64url').toString()) as object), groups: ['ops-admin'] })}.${validSignature}`;

/** Name → a token claiming to be an admin (or otherwise invalid): none may be accepted. */
export const FORGED_TOKENS: readonly (readonly [string, string])[] = [
  ['alg none, no signature', `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`],
  ['alg none, signature kept', `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.${validSignature}`],
  ['alg None (capitalised)', `${b64({ alg: 'None', typ: 'JWT' })}.${b64(claims)}.`],
  ['alg NONE (upper case)', `${b64({ alg: 'NONE' })}.${b64(claims)}.`],
  ['alg nOnE', `${b64({ alg: 'nOnE' })}.${b64(claims)}.`],
  ['no alg at all', `${b64({ typ: 'JWT' })}.${b64(claims)}.`],
  ['alg as a number', `${b64({ alg: 256 })}.${b64(claims)}.`],
  ['HS512 with the real secret (algorithm not pinned?)', hmac('sha512', JWT_SECRET, { alg: 'HS512', typ: 'JWT' }, claims)],
  ['HS384 with the real secret', hmac('sha384', JWT_SECRET, { alg: 'HS384' }, claims)],
  ['HS256 with an empty key', hmac('sha256', '', { alg: 'HS256' }, claims)],
  ['HS256 with a guessed key', hmac('sha256', 'secret', { alg: 'HS256' }, claims)],
  ['RS256 with an embedded attacker jwk', rs256({ alg: 'RS256', jwk: attackerJwk }, claims)],
  ['RS256 with a jku to an attacker key set', rs256({ alg: 'RS256', jku: 'http://evil.test/jwks.json', kid: 'x' }, claims)],
  ['RS256 header, HMAC-signed with the secret (confusion)', hmac('sha256', JWT_SECRET, { alg: 'RS256' }, claims)],
  ['HS256 signed with the attacker public key as secret', hmac('sha256', publicKey.export({ format: 'pem', type: 'spki' }) as string, { alg: 'HS256' }, claims)],
  ['ES256 header, garbage signature', `${b64({ alg: 'ES256' })}.${b64(claims)}.${b64('garbage')}`],
  ['kid path traversal, HS256 with empty key', hmac('sha256', '', { alg: 'HS256', kid: '../../../../dev/null' }, claims)],
  ['kid SQL injection', hmac('sha256', 'x', { alg: 'HS256', kid: "x' UNION SELECT 'x' --" }, claims)],
  ['unknown critical header', hmac('sha256', JWT_SECRET, { alg: 'HS256', crit: ['exp-evil'], 'exp-evil': true }, claims)],
  ['valid signature, groups tampered to admin', tampered],
  ['valid header and payload, signature stripped', `${validHeader}.${validPayload}.`],
  ['valid token with two dots added', `${ROLE_TOKENS.support}..`],
  ['four segments', `${ROLE_TOKENS.support}.${validSignature}`],
  ['JWE-shaped, five segments', `${b64({ alg: 'dir', enc: 'A256GCM' })}..${b64('iv')}.${b64('ct')}.${b64('tag')}`],
  ['expired an hour ago', hmac('sha256', JWT_SECRET, { alg: 'HS256' }, { ...claims, exp: now() - 3600 })],
  ['no exp claim', hmac('sha256', JWT_SECRET, { alg: 'HS256' }, { ...claims, exp: undefined })],
  ['not valid before next year', hmac('sha256', JWT_SECRET, { alg: 'HS256' }, { ...claims, nbf: now() + 365 * 86400 })],
  ['wrong issuer', hmac('sha256', JWT_SECRET, { alg: 'HS256' }, { ...claims, iss: 'https://evil.test/' })],
  ['wrong audience', hmac('sha256', JWT_SECRET, { alg: 'HS256' }, { ...claims, aud: 'another-app' })],
  ['payload is not JSON', `${b64({ alg: 'HS256' })}.${b64('not json')}.${b64('sig')}`],
  ['header is not base64url', `%%%.${b64(claims)}.sig`],
  ['only a dot', '.'],
  ['whitespace inside', `${validHeader}. ${validPayload}.${validSignature}`],
  ['oversized (9 kB of groups, genuinely signed)', hmac('sha256', JWT_SECRET, { alg: 'HS256' }, { ...claims, groups: Array.from({ length: 600 }, (_, i) => `group-${i}`) })],
];
