// The BFF's own reads from ERPNext, with the service token: a user's Technician record and jobs
// (their scope), and the one or two fields of a document a check needs. Never the user's request:
// what the user asked for still goes through the proxy.
import { Pool } from 'undici';
import type { UpstreamConfig } from '../config';
import { HttpError } from '../errors';
import { upstreamAuthFailure, upstreamFailure } from '../proxy/upstreamErrors';

/** A row of a list answer: the requested fields. */
export type ErpRow = Readonly<Record<string, unknown>>;

export interface ErpReader {
  /** `GET /api/resource/<doctype>?fields&filters&limit_page_length` → the rows. */
  list(doctype: string, fields: readonly string[], filters: readonly (readonly unknown[])[], limit: number, requestId: string): Promise<ErpRow[]>;
  close(): void;
}

/** Reads over a small pool of its own (the proxy's pool stays for the users' calls). */
export function createErpReader(erp: UpstreamConfig, timeoutMs: number): ErpReader {
  const target = new URL(erp.url);
  const basePath = target.pathname === '/' ? '' : target.pathname;
  const pool = new Pool(target.origin, { connections: 16, keepAliveTimeout: 4000, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });

  return {
    async list(doctype, fields, filters, limit, requestId) {
      const query = new URLSearchParams({ fields: JSON.stringify(fields), filters: JSON.stringify(filters), limit_page_length: String(limit) });
      const path = `${basePath}/api/resource/${encodeURIComponent(doctype)}?${query.toString()}`;
      let answer;
      try {
        answer = await pool.request({ path, method: 'GET', headers: { authorization: erp.authorization, accept: 'application/json', 'x-request-id': requestId } });
      } catch (err) {
        throw upstreamFailure(err, 'erp');
      }
      if (answer.statusCode === 401 || answer.statusCode === 407) {
        await answer.body.dump();
        throw upstreamAuthFailure('erp', answer.statusCode);
      }
      if (answer.statusCode !== 200) {
        await answer.body.dump();
        throw new HttpError(502, 'upstream_error', `ERPNext a refusé une vérification d’accès (${answer.statusCode}).`, { upstream: 'erp', upstreamStatus: answer.statusCode });
      }
      const body = (await answer.body.json()) as { data?: unknown };
      if (!Array.isArray(body.data)) throw new HttpError(502, 'upstream_error', 'Réponse illisible d’ERPNext.', { upstream: 'erp' });
      return body.data as ErpRow[];
    },
    close: () => void pool.destroy().catch(() => undefined),
  };
}
