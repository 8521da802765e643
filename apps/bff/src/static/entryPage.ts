import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';

// `/ops/` itself is the one page the edge serves without a session (Authentik's Unauthenticated
// Paths `^/ops/?$`, deploy/README.md). Links written before history routes (`/ops/#/clients/…`,
// bookmarks, old SMS) put their page in the fragment, which a browser never sends: had `/ops/`
// gone to sign-in, the outpost could only bring back `/ops/` and the page was lost. So `/ops/` is
// this entry page: it turns `#/route` into `/ops/route` (a path the sign-in redirect keeps), and
// anything else into the app's own document, `/ops/index.html`. It holds no data and reads no identity.

/** Runs in the browser; kept in ES5 so any browser that reaches it moves on. */
const SCRIPT =
  "(function(){var l=window.location,h=l.hash;" +
  "l.replace(h.indexOf('#/')===0?'/ops/'+h.slice(2):'/ops/index.html'+l.search+h);})();";

const SCRIPT_HASH = `'sha256-${createHash('sha256').update(SCRIPT, 'utf8').digest('base64')}'`;

const HTML = `<!doctype html>
<html lang="fr-CA">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Gigafibre Ops</title>
<script>${SCRIPT}</script>
</head>
<body>
<noscript><p><a href="/ops/index.html">Ouvrir Gigafibre Ops</a> (JavaScript est requis).</p></noscript>
</body>
</html>
`;

/** Only the inline script above may run; nothing else loads, nothing frames it. */
export const ENTRY_PAGE_CSP = [
  "default-src 'none'",
  `script-src ${SCRIPT_HASH}`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** `GET /ops/`: the entry page (the security step has set the common headers; its CSP is replaced). */
export function entryPage(): RequestHandler {
  return (_req, res) => {
    res.setHeader('Content-Security-Policy', ENTRY_PAGE_CSP);
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(HTML);
  };
}
