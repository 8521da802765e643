import type { Capability } from './capability';
import { ROUTE_POLICY, type PolicyRule, type Requirement, type Upstream } from './policy';

/** The outcome of checking one request against the route policy. */
export type PolicyDecision =
  | { allowed: true; rule: PolicyRule }
  | { allowed: false; reason: 'no-rule' }
  | { allowed: false; reason: 'missing-capability'; missing: readonly Capability[]; rule: PolicyRule };

interface CompiledRule {
  rule: PolicyRule;
  segments: readonly string[];
}

/** Compiles a policy table once into per-(upstream, method) buckets for fast lookups. */
export class PolicyMatcher {
  private readonly buckets = new Map<string, CompiledRule[]>();

  constructor(rules: readonly PolicyRule[] = ROUTE_POLICY) {
    for (const rule of rules) {
      const key = `${rule.upstream} ${rule.method}`;
      const list = this.buckets.get(key) ?? [];
      list.push({ rule, segments: rule.path.split('/').slice(1) });
      this.buckets.set(key, list);
    }
  }

  /** The first rule matching a decoded, normalised upstream path (segments already split). */
  find(upstream: Upstream, method: string, segments: readonly string[], query: URLSearchParams): PolicyRule | undefined {
    const verb = method === 'HEAD' ? 'GET' : method;
    const bucket = this.buckets.get(`${upstream} ${verb}`);
    if (!bucket) return undefined;
    for (const candidate of bucket) {
      if (segmentsMatch(candidate.segments, segments) && queryMatches(candidate.rule.query, query)) return candidate.rule;
    }
    return undefined;
  }

  /** Decides whether a user with `capabilities` may make this request. */
  decide(
    upstream: Upstream,
    method: string,
    segments: readonly string[],
    query: URLSearchParams,
    capabilities: ReadonlySet<Capability>,
  ): PolicyDecision {
    const rule = this.find(upstream, method, segments, query);
    if (!rule) return { allowed: false, reason: 'no-rule' };
    if (satisfies(rule.requires, capabilities)) return { allowed: true, rule };
    return { allowed: false, reason: 'missing-capability', missing: rule.requires as readonly Capability[], rule };
  }
}

/** True when a verified user holding `capabilities` meets `requirement`. */
export function satisfies(requirement: Requirement, capabilities: ReadonlySet<Capability>): boolean {
  return requirement === 'identity' || requirement.some((cap) => capabilities.has(cap));
}

function segmentsMatch(pattern: readonly string[], actual: readonly string[]): boolean {
  if (pattern.length !== actual.length) return false;
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] as string;
    const a = actual[i] as string;
    if (p.startsWith(':') ? a.length === 0 : p !== a) return false;
  }
  return true;
}

function queryMatches(expected: PolicyRule['query'], query: URLSearchParams): boolean {
  if (!expected) return true;
  return Object.entries(expected).every(([key, value]) => {
    const values = query.getAll(key);
    // A repeated parameter could be read differently upstream: only one exact value counts.
    return values.length === 1 && values[0] === value;
  });
}

const defaultMatcher = new PolicyMatcher();

/**
 * Convenience for the SPA: may a user with these capabilities call `method path` on `upstream`?
 * `path` is the upstream path, e.g. `/api/resource/Dispatch Job/DJ-1`.
 */
export function isAllowed(
  upstream: Upstream,
  method: string,
  path: string,
  capabilities: readonly Capability[],
  query: URLSearchParams = new URLSearchParams(),
): boolean {
  return defaultMatcher.decide(upstream, method, path.split('/').slice(1), query, new Set(capabilities)).allowed;
}
