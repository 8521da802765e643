// Outpost sessions: an opaque cookie → the signed-in user's pk (kept in memory, like the
// outpost's session store; a restart signs everyone out).
import { randomBytes } from 'node:crypto';

/** The outpost's cookie name (`authentik_proxy_<random>` in production). */
export const SESSION_COOKIE = 'authentik_proxy_standin';
/** Authentik's default proxy-provider session validity. */
export const SESSION_TTL_MS = 24 * 3600 * 1000;

export interface Session {
  id: string;
  userPk: number;
  expiresAt: number;
  /** The signed X-authentik-jwt and what it was signed for, reused until close to expiry. */
  jwt?: { token: string; exp: number; fingerprint: string };
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly now: () => number = Date.now) {}

  create(userPk: number): Session {
    this.sweep();
    const session: Session = { id: randomBytes(32).toString('base64url'), userPk, expiresAt: this.now() + SESSION_TTL_MS };
    this.sessions.set(session.id, session);
    return session;
  }

  get(id: string | undefined): Session | undefined {
    if (!id) return undefined;
    const session = this.sessions.get(id);
    if (!session) return undefined;
    if (session.expiresAt <= this.now()) {
      this.sessions.delete(id);
      return undefined;
    }
    return session;
  }

  destroy(id: string | undefined): void {
    if (id) this.sessions.delete(id);
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, s] of this.sessions) if (s.expiresAt <= now) this.sessions.delete(id);
  }
}

/** Reads one cookie from a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

/** Set-Cookie for a session (HttpOnly, SameSite=Lax; Secure behind HTTPS). */
export function sessionCookie(id: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${SESSION_TTL_MS / 1000}${secure ? '; Secure' : ''}`;
}

/** Set-Cookie that removes the session cookie. */
export function clearedCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}

/**
 * Where an unauthenticated request wanted to go. Authentik's outpost keeps it in its session
 * (`SessionRedirect`, set by the forward-auth handler before it answers 401: internal/outpost/
 * proxyv2/application/mode_forward.go) and its start handler prefers it to `rd`: nginx writes `rd`
 * from `$request_uri` unescaped, so a query's second parameter would be cut off there. The standin
 * keeps it in a cookie of its own, read once by /outpost.goauthentik.io/start.
 */
export const REDIRECT_COOKIE = 'authentik_proxy_standin_rd';

/** Set-Cookie remembering the path and query (never a fragment: browsers do not send one) to go back to. */
export function redirectCookie(pathAndQuery: string, secure: boolean): string {
  return `${REDIRECT_COOKIE}=${encodeURIComponent(pathAndQuery)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=600${secure ? '; Secure' : ''}`;
}

/** Set-Cookie that forgets the remembered path. */
export function clearedRedirectCookie(): string {
  return `${REDIRECT_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}
