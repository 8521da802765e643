import { capabilitiesFor, type Capability, type GroupMap } from '@gigafibre/capabilities';

/** Where a request's identity came from (logged, never trusted by itself). */
export type IdentitySource = 'jwt' | 'headers' | 'dev';

/** Who is making a request, as established by the identity step. */
export interface Identity {
  readonly email: string;
  readonly name: string;
  readonly username: string;
  readonly uid: string;
  readonly groups: readonly string[];
  readonly capabilities: readonly Capability[];
  /** The same capabilities as a Set, for the policy check on every request. */
  readonly capabilitySet: ReadonlySet<Capability>;
  readonly source: IdentitySource;
}

/** What the edge tells us about a user, before capabilities are computed. */
export interface IdentityClaims {
  email: string;
  name: string;
  username: string;
  uid: string;
  groups: readonly string[];
}

/** Builds an Identity from claims, with the capabilities the configured group map grants. */
export function toIdentity(claims: IdentityClaims, source: IdentitySource, groupMap: GroupMap): Identity {
  const capabilities = capabilitiesFor(claims.groups, groupMap);
  return { ...claims, capabilities, capabilitySet: new Set(capabilities), source };
}

/**
 * True when an e-mail or username can travel in the `X-Ops-User` header: printable latin1 only.
 * A control character (a line break in a profile field) or a character beyond U+00FF would make
 * every proxied request of that user fail inside Node's HTTP client.
 */
export function usableInHeader(value: string): boolean {
  return /^[\x20-\x7e\xa0-\xff]*$/.test(value);
}

/** The name a change is attributed to in audit lines and `X-Ops-User`. */
export function actorOf(identity: Identity): string {
  return identity.email || identity.username;
}

/** Splits Authentik's pipe-separated group list (`ops-admin|ops-tech`). */
export function splitGroups(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split('|')
    .map((g) => g.trim())
    .filter((g) => g !== '');
}

/**
 * Parses `OPS_DEV_IDENTITY` (`email|group1|group2`): the identity used for requests that carry
 * none, on a developer's machine only.
 */
export function parseDevIdentity(text: string): IdentityClaims {
  const [email = '', ...groups] = text.split('|').map((part) => part.trim());
  if (!/^[^\s@|]+@[^\s@|]+$/.test(email)) {
    throw new Error('attendu « courriel|groupe1|groupe2 » (expected "email|group1|group2")');
  }
  const username = email.split('@')[0] as string;
  return { email, name: username, username, uid: `dev-${username}`, groups: groups.filter((g) => g !== '') };
}
