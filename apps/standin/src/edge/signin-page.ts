// The sign-in page the edge shows in Authentik's place (French, accessible, dark-mode aware),
// listing the demo accounts for one-click sign-in.
import { DEMO_USERS } from './demo-users';

/** What each default group means, in plain French. */
export const GROUP_LABELS: Readonly<Record<string, string>> = {
  'ops-admin': 'Administration',
  'ops-dispatch': 'Répartition',
  'ops-support': 'Service à la clientèle',
  'ops-tech': 'Technicien',
  'authentik Admins': 'Administration Authentik',
};

export interface SignInView {
  next: string;
  email?: string;
  error?: string;
  notice?: string;
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);

const STYLE = `
:root { color-scheme: light dark; --bg: #f4f6f9; --card: #fff; --text: #1b2430; --muted: #5b6675; --accent: #0b57d0; --accent-text: #fff; --border: #d5dbe3; --error-bg: #fdecea; --error: #8c1d18; --ok-bg: #e6f4ea; --ok: #0d652d; }
@media (prefers-color-scheme: dark) { :root { --bg: #12161c; --card: #1c222b; --text: #e7ebf0; --muted: #a7b1bf; --accent: #8ab4f8; --accent-text: #0b1a33; --border: #3a4452; --error-bg: #4a1c1a; --error: #f6aea9; --ok-bg: #163a24; --ok: #9fd8b0; } }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: var(--bg); color: var(--text); }
main { max-width: 56rem; margin: 0 auto; padding: 2rem 1rem; display: grid; gap: 1.5rem; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); align-items: start; }
section { background: var(--card); border: 1px solid var(--border); border-radius: 12px; padding: 1.5rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.15rem; margin: 0 0 .75rem; }
p.lead { color: var(--muted); margin: 0 0 1.25rem; }
label { display: block; font-weight: 600; margin: 1rem 0 .35rem; }
input { width: 100%; padding: .65rem .75rem; font: inherit; color: var(--text); background: var(--bg); border: 1px solid var(--border); border-radius: 8px; }
button { font: inherit; font-weight: 600; cursor: pointer; border-radius: 8px; padding: .65rem 1rem; border: 1px solid var(--accent); }
button.primary { margin-top: 1.25rem; width: 100%; background: var(--accent); color: var(--accent-text); }
button.secondary { background: transparent; color: var(--accent); width: 100%; text-align: left; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.alert { padding: .75rem 1rem; border-radius: 8px; margin-bottom: 1rem; }
.alert.error { background: var(--error-bg); color: var(--error); } .alert.ok { background: var(--ok-bg); color: var(--ok); }
ul.demo { list-style: none; padding: 0; margin: 0; display: grid; gap: .75rem; }
ul.demo li { border: 1px solid var(--border); border-radius: 8px; padding: .75rem; }
.meta { color: var(--muted); font-size: .9rem; margin: .15rem 0 .5rem; } code { font-size: .95rem; }
`;

function demoList(next: string): string {
  return DEMO_USERS.map((u) => {
    const role = u.groups.map((g) => GROUP_LABELS[g] ?? g).join(', ');
    return `<li>
      <form method="post" action="/if/flow/default-authentication-flow/">
        <input type="hidden" name="email" value="${escape(u.email)}">
        <input type="hidden" name="password" value="${escape(u.password)}">
        <input type="hidden" name="next" value="${escape(next)}">
        <strong>${escape(u.name)}</strong> — ${escape(role)}
        <p class="meta"><code>${escape(u.email)}</code> · mot de passe <code>${escape(u.password)}</code></p>
        <button type="submit" class="secondary" aria-label="Se connecter en tant que ${escape(u.name)} (${escape(role)})">Se connecter en tant que ${escape(u.name)}</button>
      </form>
    </li>`;
  }).join('\n');
}

/** The whole page. */
export function renderSignIn(view: SignInView): string {
  const error = view.error ? `<div id="signin-error" class="alert error" role="alert">${escape(view.error)}</div>` : '';
  const notice = view.notice ? `<div class="alert ok" role="status">${escape(view.notice)}</div>` : '';
  return `<!doctype html>
<html lang="fr-CA">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Connexion — Gigafibre Ops</title>
<style>${STYLE}</style>
</head>
<body>
<main>
  <section aria-labelledby="signin-title">
    <h1 id="signin-title">Connexion à Gigafibre Ops</h1>
    <p class="lead">Authentification du personnel (environnement local).</p>
    ${notice}${error}
    <form method="post" action="/if/flow/default-authentication-flow/" novalidate>
      <input type="hidden" name="next" value="${escape(view.next)}">
      <label for="email">Adresse courriel</label>
      <input id="email" name="email" type="email" autocomplete="username" required value="${escape(view.email ?? '')}"${view.error ? ' aria-invalid="true" aria-describedby="signin-error"' : ''}${view.email ? '' : ' autofocus'}>
      <label for="password">Mot de passe</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required${view.email ? ' autofocus' : ''}>
      <button type="submit" class="primary">Se connecter</button>
    </form>
  </section>
  <section aria-labelledby="demo-title">
    <h2 id="demo-title">Comptes de démonstration</h2>
    <ul class="demo">
${demoList(view.next)}
    </ul>
  </section>
</main>
</body>
</html>`;
}
