import { describe, expect, it } from 'vitest';
import { advisoriesOf, judge, parseAllowlist, unavailableReason, type AllowEntry } from './auditReport';

// The shape `pnpm audit --json` prints (npm's legacy audit report).
const REPORT = {
  advisories: {
    '1101': { id: 1101, github_advisory_id: 'GHSA-rv95-896h-c2vc', module_name: 'express', severity: 'high', title: 'Open redirect', url: 'https://github.com/advisories/GHSA-rv95-896h-c2vc', vulnerable_versions: '<4.19.2' },
    '1102': { id: 1102, github_advisory_id: 'GHSA-952p-6rrq-rcjv', module_name: 'micromatch', severity: 'moderate', title: 'ReDoS', url: 'https://github.com/advisories/GHSA-952p-6rrq-rcjv', vulnerable_versions: '<4.0.8' },
    '1103': { id: 1103, module_name: 'vite', severity: 'critical', title: 'fs.deny bypass', url: 'https://github.com/advisories/GHSA-x574-m823-4x7w', vulnerable_versions: '<5.4.6' },
  },
  metadata: { vulnerabilities: { info: 0, low: 0, moderate: 1, high: 1, critical: 1 } },
};

const entry = (over: Partial<AllowEntry> = {}): AllowEntry => ({
  id: 'GHSA-x574-m823-4x7w',
  package: 'vite',
  reason: 'Dev server only; never runs in production, bound to localhost.',
  until: '2099-01-01',
  ...over,
});

describe('advisoriesOf', () => {
  it('reads pnpm’s report, taking the GHSA id from the field or the URL', () => {
    const list = advisoriesOf(REPORT);
    expect(list?.map((a) => [a.id, a.module, a.severity])).toEqual([
      ['GHSA-rv95-896h-c2vc', 'express', 'high'],
      ['GHSA-952p-6rrq-rcjv', 'micromatch', 'moderate'],
      ['GHSA-x574-m823-4x7w', 'vite', 'critical'],
    ]);
  });

  it('is null for anything that is not a report', () => {
    expect(advisoriesOf(null)).toBeNull();
    expect(advisoriesOf({ error: { code: 'ERR_PNPM_AUDIT_BAD_RESPONSE' } })).toBeNull();
  });

  it('an empty report has no advisory', () => {
    expect(advisoriesOf({ advisories: {}, metadata: {} })).toEqual([]);
  });
});

describe('judge', () => {
  const advisories = advisoriesOf(REPORT) ?? [];

  it('blocks high and critical advisories nobody explained, never moderate ones', () => {
    const v = judge(advisories, [], '2026-06-01');
    expect(v.blocking.map((a) => a.module)).toEqual(['express', 'vite']);
    expect(v.counts).toEqual({ info: 0, low: 0, moderate: 1, high: 1, critical: 1 });
  });

  it('lets an explained advisory through until its review date, then blocks it again', () => {
    const allowed = judge(advisories, [entry()], '2026-06-01');
    expect(allowed.blocking.map((a) => a.module)).toEqual(['express']);
    expect(allowed.allowed.map((a) => a.entry.reason)).toEqual([entry().reason]);
    const expired = judge(advisories, [entry({ until: '2026-05-31' })], '2026-06-01');
    expect(expired.blocking.map((a) => a.module)).toEqual(['express', 'vite']);
    expect(expired.expired).toEqual([entry({ until: '2026-05-31' })]);
  });

  it('needs the same package: an id allowed for one package allows nothing for another', () => {
    expect(judge(advisories, [entry({ package: 'rollup' })], '2026-06-01').blocking).toHaveLength(2);
  });

  it('reports entries that match no advisory any more', () => {
    expect(judge(advisories, [entry({ id: 'GHSA-2222-3333-4444' })], '2026-06-01').stale).toHaveLength(1);
  });
});

describe('parseAllowlist', () => {
  it('accepts the committed empty list and well-formed entries', () => {
    expect(parseAllowlist({ advisories: [] })).toEqual([]);
    expect(parseAllowlist({ advisories: [entry()] })).toEqual([entry()]);
  });

  it('refuses an entry without a real reason, id, package or review date, naming each problem', () => {
    expect(() => parseAllowlist({ advisories: [{ id: 'CVE-2024-1', package: '', reason: 'ok', until: 'soon' }] })).toThrow(
      /advisories\[0\]\.id[\s\S]*advisories\[0\]\.package[\s\S]*advisories\[0\]\.reason[\s\S]*advisories\[0\]\.until/,
    );
    expect(() => parseAllowlist({})).toThrow(/advisories/);
  });
});

describe('unavailableReason', () => {
  it('recognises a registry that refuses the advisory service or cannot be reached', () => {
    expect(unavailableReason('', 'Error: ERR_PNPM_AUDIT_BAD_RESPONSE\n × The audit endpoint (at https://registry.npmjs.org/-/npm/v1/security/advisories/bulk) responded with 405:')).toBe(
      'ERR_PNPM_AUDIT_BAD_RESPONSE (le service d’avis du registre a répondu 405)',
    );
    expect(unavailableReason('', 'request to https://registry.npmjs.org failed, reason: getaddrinfo ENOTFOUND registry.npmjs.org')).toBe('ENOTFOUND');
  });

  it('is null for any other failure (the step then fails)', () => {
    expect(unavailableReason('', 'ERR_PNPM_NO_LOCKFILE')).toBeNull();
  });
});
