import type { Capability, PolicyMatcher, Upstream } from '@gigafibre/capabilities';
import { HttpError } from '../errors';
import type { Identity } from '../identity/identity';
import type { OpsPath } from './normalizePath';

/** Segments of `/ops/api/<upstream>` before the upstream's own path. */
const MOUNT_SEGMENTS = 3;

/**
 * The upstream path a proxied request goes to: ERP gets `/api/…` (its private files, which Frappe
 * serves outside `/api`, `/private/files/…`), the hub the path as is.
 */
export function upstreamTarget(upstream: Upstream, path: OpsPath): { segments: string[]; url: string } {
  const rest = path.segments.slice(MOUNT_SEGMENTS);
  // The raw rest is safe to forward as is: normalizePath refused everything two parsers could read
  // differently, so the upstream decodes exactly the segments the policy saw.
  const rawRest = path.raw.slice(`/ops/api/${upstream}`.length);
  if (upstream === 'erp' && rest[0] === 'private' && rest[1] === 'files') return { segments: rest, url: `${rawRest}${path.search}` };
  return upstream === 'erp'
    ? { segments: ['api', ...rest], url: `/api${rawRest}${path.search}` }
    : { segments: rest, url: `${rawRest || '/'}${path.search}` };
}

function forbidden(missing: readonly Capability[], message: string, reason: string): HttpError {
  return new HttpError(403, 'forbidden', message, { reason, missing });
}

/**
 * Checks the route policy on the upstream path (deny by default): returns the upstream path
 * (segments) and URL (path and query) to proxy to, or throws 403 naming what is missing.
 * `query`: the request's parameters, parsed once for this step and the next.
 */
export function authorize(
  upstream: Upstream,
  matcher: PolicyMatcher,
  method: string,
  path: OpsPath,
  identity: Identity,
  query: URLSearchParams,
): { segments: string[]; url: string } {
  const target = upstreamTarget(upstream, path);
  const decision = matcher.decide(upstream, method, target.segments, query, identity.capabilitySet);
  if (decision.allowed) return target;
  if (decision.reason === 'no-rule') {
    throw forbidden([], `Route non autorisée : ${method} ${upstream} /${target.segments.join('/')}.`, 'no_rule');
  }
  const names = decision.missing.map((c) => `« ${c} »`).join(', ');
  const message =
    decision.missing.length === 1
      ? `Action non permise : il vous faut la capacité ${names}.`
      : `Action non permise : il vous faut l’une des capacités ${names}.`;
  throw forbidden(decision.missing, message, 'missing_capability');
}
