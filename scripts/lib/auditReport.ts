// Judging a `pnpm audit --json` report against audit-allowlist.json: what blocks the test
// command (a high or critical advisory nobody has explained), what is allowed and why, and when
// the audit could not run at all. Pure functions; scripts/audit.ts runs pnpm and prints.

export type Severity = 'info' | 'low' | 'moderate' | 'high' | 'critical';

/** One advisory as pnpm reports it (npm's legacy audit shape). */
export interface Advisory {
  id: string;
  severity: Severity;
  module: string;
  title: string;
  url: string;
  vulnerableVersions: string;
}

/** An explained exception: one advisory, one reason, a date by which to look again. */
export interface AllowEntry {
  id: string;
  package: string;
  reason: string;
  /** ISO date (YYYY-MM-DD): past it the entry no longer allows anything. */
  until: string;
}

export interface Verdict {
  blocking: Advisory[];
  allowed: { advisory: Advisory; entry: AllowEntry }[];
  /** Entries past their date whose advisory is still reported (they block). */
  expired: AllowEntry[];
  /** Entries matching no current advisory: to remove. */
  stale: AllowEntry[];
  counts: Record<Severity, number>;
}

const GHSA = /^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/;
const BLOCKING: readonly Severity[] = ['high', 'critical'];

/**
 * Reads the allowlist file's JSON: `{ "advisories": [{ id, package, reason, until }] }`.
 * @throws Error listing every bad entry (a reason is mandatory, and must say something).
 */
export function parseAllowlist(json: unknown): AllowEntry[] {
  const list = (json as { advisories?: unknown } | null)?.advisories;
  if (!Array.isArray(list)) throw new Error('audit-allowlist.json : « advisories » doit être une liste');
  const problems: string[] = [];
  const entries = list.map((raw, i) => {
    const e = (raw ?? {}) as Partial<Record<keyof AllowEntry, unknown>>;
    const where = `advisories[${i}]`;
    if (typeof e.id !== 'string' || !GHSA.test(e.id)) problems.push(`${where}.id : attendu un identifiant GHSA-xxxx-xxxx-xxxx`);
    if (typeof e.package !== 'string' || e.package === '') problems.push(`${where}.package : le paquet concerné est obligatoire`);
    if (typeof e.reason !== 'string' || e.reason.trim().length < 20) problems.push(`${where}.reason : une raison d’au moins 20 caractères est obligatoire`);
    if (typeof e.until !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(e.until) || Number.isNaN(Date.parse(e.until))) {
      problems.push(`${where}.until : attendu une date AAAA-MM-JJ de réexamen`);
    }
    return e as AllowEntry;
  });
  if (problems.length > 0) throw new Error(`audit-allowlist.json invalide :\n  - ${problems.join('\n  - ')}`);
  return entries;
}

/** The advisories of a `pnpm audit --json` report, or null when the output is not a report. */
export function advisoriesOf(report: unknown): Advisory[] | null {
  const advisories = (report as { advisories?: unknown } | null)?.advisories;
  if (advisories === null || typeof advisories !== 'object') return null;
  return Object.values(advisories as Record<string, Record<string, unknown>>).map((a) => ({
    id: String(a.github_advisory_id ?? (typeof a.url === 'string' ? (/GHSA-[\w-]+/.exec(a.url)?.[0] ?? a.id) : a.id)),
    severity: (a.severity as Severity) ?? 'info',
    module: String(a.module_name ?? '?'),
    title: String(a.title ?? ''),
    url: String(a.url ?? ''),
    vulnerableVersions: String(a.vulnerable_versions ?? ''),
  }));
}

/** Which advisories block, which are allowed (and why), which entries are expired or stale. */
export function judge(advisories: readonly Advisory[], allowlist: readonly AllowEntry[], today: string): Verdict {
  const counts: Record<Severity, number> = { info: 0, low: 0, moderate: 0, high: 0, critical: 0 };
  const verdict: Verdict = { blocking: [], allowed: [], expired: [], stale: [], counts };
  for (const advisory of advisories) {
    counts[advisory.severity] = (counts[advisory.severity] ?? 0) + 1;
    if (!BLOCKING.includes(advisory.severity)) continue;
    const entry = allowlist.find((e) => e.id === advisory.id && e.package === advisory.module);
    if (entry && entry.until >= today) verdict.allowed.push({ advisory, entry });
    else {
      if (entry) verdict.expired.push(entry);
      verdict.blocking.push(advisory);
    }
  }
  verdict.stale = allowlist.filter((e) => !advisories.some((a) => a.id === e.id && a.module === e.package));
  return verdict;
}

/** Why pnpm produced no report: the registry's advisory service is out of reach (or refuses). */
export function unavailableReason(stdout: string, stderr: string): string | null {
  const text = `${stdout}\n${stderr}`;
  const code = /ERR_PNPM_AUDIT_[A-Z_]+|ERR_PNPM_FETCH_\d+|E(?:NOTFOUND|CONNREFUSED|CONNRESET|TIMEDOUT|AI_AGAIN|HOSTUNREACH|NETUNREACH)|ETIMEDOUT/.exec(text)?.[0];
  if (!code) return null;
  const status = /responded with (\d{3})/.exec(text)?.[1];
  return status ? `${code} (le service d’avis du registre a répondu ${status})` : code;
}
