// Authentik's part: the outpost's start/sign-out endpoints and the authentication flow page.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, readBody } from '../http/body';
import { redirect } from '../http/respond';
import { verifyPassword } from '../hub/users/password';
import type { AuthUserStore } from '../hub/users/store';
import { clearedCookie, clearedRedirectCookie, readCookie, REDIRECT_COOKIE, sessionCookie, SESSION_COOKIE, type SessionStore } from './sessions';
import { renderSignIn, type SignInView } from './signin-page';

/** Authentik's default authentication flow URL. */
export const FLOW_PATH = '/if/flow/default-authentication-flow/';
export const START_PATH = '/outpost.goauthentik.io/start';
export const SIGN_OUT_PATH = '/outpost.goauthentik.io/sign_out';

/** Burnt on unknown e-mails so a wrong address takes as long as a wrong password. */
const DUMMY_HASH = 'scrypt$16384$8$1$c3RhbmRpbi1kdW1teS1zYWx0$Wq3sFRl3nB1t0a3mS0k8y7c5l7dm2G2mE1QmQ2c8n4U=';

/**
 * A same-site path and query to go back to after sign-in (anything else → /ops/). Never a
 * fragment: the outpost only ever learns what the browser sent it, and browsers do not send one.
 */
export function safeNext(raw: string | null | undefined, host: string | undefined): string {
  if (!raw) return '/ops/';
  let path = raw;
  if (/^https?:\/\//i.test(raw)) {
    try {
      const url = new URL(raw);
      if (url.host !== host) return '/ops/';
      path = `${url.pathname}${url.search}`;
    } catch {
      return '/ops/';
    }
  }
  path = path.split('#')[0] as string;
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : '/ops/';
}

function page(res: ServerResponse, status: number, view: SignInView): void {
  const html = renderSignIn(view);
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
    'X-Frame-Options': 'DENY',
  });
  res.end(html);
}

export class SignIn {
  constructor(
    private readonly users: AuthUserStore,
    private readonly sessions: SessionStore,
    private readonly now: () => Date,
  ) {}

  /**
   * `/outpost.goauthentik.io/start?rd=…` → the flow, remembering where to go back. As Authentik's
   * outpost (proxyv2/application/oauth.go, handleRedirect + checkRedirectParam): an `rd` naming
   * this host wins; otherwise (nginx's `rd=$request_uri` is a bare path, which the outpost refuses
   * for not containing its external host) the URL the forward-auth handler remembered when it
   * answered 401; otherwise the application's home.
   */
  start(req: IncomingMessage, res: ServerResponse, query: URLSearchParams): void {
    const remembered = readCookie(req.headers.cookie, REDIRECT_COOKIE);
    const rd = query.get('rd') ?? '';
    let target: string | null = null;
    if (/^https?:\/\//i.test(rd)) target = rd;
    else if (remembered) {
      try {
        target = decodeURIComponent(remembered);
      } catch {
        // a mangled cookie: home
      }
    }
    const next = safeNext(target, req.headers.host);
    redirect(res, `${FLOW_PATH}?next=${encodeURIComponent(next)}`, 302, remembered ? { 'Set-Cookie': clearedRedirectCookie() } : {});
  }

  signOut(req: IncomingMessage, res: ServerResponse): void {
    this.sessions.destroy(readCookie(req.headers.cookie, SESSION_COOKIE));
    redirect(res, `${FLOW_PATH}?next=%2Fops%2F&signed_out=1`, 302, { 'Set-Cookie': clearedCookie() });
  }

  show(req: IncomingMessage, res: ServerResponse, query: URLSearchParams): void {
    page(res, 200, {
      next: safeNext(query.get('next'), req.headers.host),
      ...(query.get('signed_out') ? { notice: 'Vous êtes déconnecté.' } : {}),
    });
  }

  async submit(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const origin = req.headers.origin;
    if (origin && origin !== 'null' && new URL(origin).host !== req.headers.host) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Origine refusée');
      return;
    }
    let form: URLSearchParams;
    try {
      form = new URLSearchParams((await readBody(req, 16 * 1024)).toString('utf8'));
    } catch (err) {
      if (!(err instanceof BodyTooLargeError)) throw err;
      form = new URLSearchParams();
    }
    const email = (form.get('email') ?? '').trim().toLowerCase();
    const password = form.get('password') ?? '';
    const next = safeNext(form.get('next'), req.headers.host);
    if (!email || !password) return page(res, 400, { next, email, error: 'Entrez votre adresse courriel et votre mot de passe.' });
    const user = this.users.byEmail(email);
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok) return page(res, 401, { next, email, error: 'Adresse courriel ou mot de passe incorrect.' });
    if (!user.is_active) return page(res, 403, { next, email, error: 'Ce compte est désactivé. Communiquez avec un administrateur.' });
    this.sessions.destroy(readCookie(req.headers.cookie, SESSION_COOKIE));
    const session = this.sessions.create(user.pk);
    this.users.recordLogin(user.pk, this.now());
    redirect(res, next, 302, { 'Set-Cookie': sessionCookie(session.id, req.headers['x-forwarded-proto'] === 'https') });
  }
}
