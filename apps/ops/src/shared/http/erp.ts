// Typed ERPNext (Frappe v1 REST) calls through the BFF: /ops/api/erp/* → ERPNext /api/*.
// A feature's api/ files build on these; they never assemble Frappe URLs themselves. What Frappe
// sends is made uniform here, once: a single read leaves empty fields out (list rows carry null)
// and a Time comes as `8:00:00`; every document leaves this module with its empty fields null and
// its times `HH:MM:SS` (completeDoc, normalizeRow), so no feature treats "absent" and null apart.
import { completeDoc, normalizeRow, type Doc, type DocRead, type Doctype, type Filters, type FrappeDocResponse, type FrappeList, type FrappeMessage, type FullDoc } from '@gigafibre/contracts';
import { LIST_LIMITS } from '@gigafibre/capabilities';
import { invalidateReads, request, type QueryParams, type RequestOptions } from './client';

/** A field of doctype `D` (its own fields and the standard ones). */
export type FieldOf<D extends Doctype> = keyof Doc<D> & string;

/** Per-call options shared by every helper (deadline, cancellation, caching, toast). */
export type CallOptions = Pick<RequestOptions, 'timeoutMs' | 'signal' | 'toast' | 'cacheMs' | 'idempotencyKey'>;

export interface ErpListOptions<D extends Doctype, F extends FieldOf<D>> extends CallOptions {
  /** Fields to return; Frappe returns only `name` without them. */
  fields: readonly F[];
  filters?: Filters;
  orFilters?: Filters;
  /** `"modified desc"`, `"scheduled_date asc, start_time asc"`. */
  orderBy?: string;
  /** Page size, 1 to LIST_LIMITS.maxPage (the BFF refuses more, and 0, "every row"); Frappe's default is 20. */
  limit?: number;
  start?: number;
}

const resourcePath = (doctype: Doctype, name?: string) =>
  `/erp/resource/${encodeURIComponent(doctype)}${name === undefined ? '' : `/${encodeURIComponent(name)}`}`;

function afterWrite(doctype: Doctype): void {
  invalidateReads(resourcePath(doctype));
  invalidateReads('/erp/method/frappe.client.get_');
}

/** `GET /api/resource/<Doctype>?fields=…&filters=…` → the rows, typed to the requested fields. */
export async function erpList<D extends Doctype, F extends FieldOf<D>>(
  doctype: D,
  options: ErpListOptions<D, F>,
): Promise<Pick<Doc<D>, F>[]> {
  const { fields, filters, orFilters, orderBy, limit, start, ...call } = options;
  // The BFF refuses "every row" (0) and pages past its cap: a mistake to find here, not as a 400.
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > LIST_LIMITS.maxPage)) {
    throw new RangeError(`erpList(${doctype}): a page of ${limit} rows (the BFF serves 1 to ${LIST_LIMITS.maxPage})`);
  }
  const query: QueryParams = {
    fields: JSON.stringify(fields),
    filters: filters === undefined ? undefined : JSON.stringify(filters),
    or_filters: orFilters === undefined ? undefined : JSON.stringify(orFilters),
    order_by: orderBy,
    limit_page_length: limit,
    limit_start: start,
  };
  const res = await request<FrappeList<Pick<Doc<D>, F>>>(resourcePath(doctype), { ...call, query });
  return res.data.map((row) => normalizeRow(doctype, row));
}

/**
 * Every row matching, page after page of LIST_LIMITS.maxPage (the BFF serves no more at once),
 * ordered by `orderBy` (default `name asc`: a stable order, so no row moves between pages). Stops
 * at `maxRows` (a screen that would need more asks for a narrower list instead).
 */
export async function erpListAll<D extends Doctype, F extends FieldOf<D>>(
  doctype: D,
  options: Omit<ErpListOptions<D, F>, 'limit' | 'start'>,
  maxRows: number,
): Promise<Pick<Doc<D>, F>[]> {
  const page = LIST_LIMITS.maxPage;
  const rows: Pick<Doc<D>, F>[] = [];
  for (let start = 0; start < maxRows; start += page) {
    const limit = Math.min(page, maxRows - start);
    const got = await erpList(doctype, { orderBy: 'name asc', ...options, limit, start });
    rows.push(...got);
    if (got.length < limit) break;
  }
  return rows;
}

/** `GET /api/resource/<Doctype>/<name>` → the whole document, empty fields null. */
export async function erpGet<D extends Doctype>(doctype: D, name: string, options: CallOptions = {}): Promise<FullDoc<D>> {
  const res = await request<FrappeDocResponse<DocRead<D>>>(resourcePath(doctype, name), options);
  return completeDoc(doctype, res.data);
}

/** `POST /api/resource/<Doctype>` → the created document, empty fields null. */
export async function erpInsert<D extends Doctype>(doctype: D, doc: Partial<Doc<D>>, options: CallOptions = {}): Promise<FullDoc<D>> {
  const res = await request<FrappeDocResponse<DocRead<D>>>(resourcePath(doctype), { ...options, method: 'POST', json: doc });
  afterWrite(doctype);
  return completeDoc(doctype, res.data);
}

/** `PUT /api/resource/<Doctype>/<name>` (a partial update) → the updated document, empty fields null. */
export async function erpUpdate<D extends Doctype>(
  doctype: D,
  name: string,
  patch: Partial<Doc<D>>,
  options: CallOptions = {},
): Promise<FullDoc<D>> {
  const res = await request<FrappeDocResponse<DocRead<D>>>(resourcePath(doctype, name), { ...options, method: 'PUT', json: patch });
  afterWrite(doctype);
  return completeDoc(doctype, res.data);
}

/** `DELETE /api/resource/<Doctype>/<name>` (Frappe answers 202 `{"data": "ok"}`). */
export async function erpDelete(doctype: Doctype, name: string, options: CallOptions = {}): Promise<void> {
  await request<unknown>(resourcePath(doctype, name), { ...options, method: 'DELETE', as: 'none' });
  afterWrite(doctype);
}

/** `frappe.client.get_count` → how many documents match. */
export async function erpCount(doctype: Doctype, filters?: Filters, options: CallOptions = {}): Promise<number> {
  const res = await request<FrappeMessage<number>>('/erp/method/frappe.client.get_count', {
    ...options,
    query: { doctype, filters: filters === undefined ? undefined : JSON.stringify(filters) },
  });
  return res.message;
}

/**
 * Frappe's upload API (`/api/method/upload_file`, multipart): `file` attached to the document,
 * private (served back through the BFF only to users who may read the document) → the File.
 */
export async function erpUploadFile(attachTo: { doctype: Doctype; name: string }, file: Blob, fileName: string, options: CallOptions = {}): Promise<FullDoc<'File'>> {
  const form = new FormData();
  form.append('doctype', attachTo.doctype);
  form.append('docname', attachTo.name);
  form.append('is_private', '1');
  form.append('file', file, fileName);
  const res = await request<FrappeMessage<FullDoc<'File'>>>('/erp/method/upload_file', { ...options, method: 'POST', body: form });
  afterWrite('File');
  return res.message;
}

/**
 * `/api/method/<dotted.path>` → its `message`. GET sends args as query parameters (objects as
 * JSON, as Frappe reads them); POST sends them as a JSON body.
 */
export async function callMethod<T>(
  method: string,
  args: Record<string, unknown> = {},
  options: CallOptions & { http?: 'GET' | 'POST'; /** Doctypes the method changes (cached reads dropped). */ invalidates?: Doctype[] } = {},
): Promise<T> {
  const { http = 'POST', invalidates = [], ...call } = options;
  const path = `/erp/method/${method}`;
  if (http === 'GET') {
    const query: QueryParams = {};
    for (const [key, value] of Object.entries(args)) {
      query[key] = value === undefined || value === null ? undefined : typeof value === 'object' ? JSON.stringify(value) : String(value);
    }
    return (await request<FrappeMessage<T>>(path, { ...call, query })).message;
  }
  const res = await request<FrappeMessage<T>>(path, { ...call, method: 'POST', json: args });
  invalidates.forEach(afterWrite);
  return res.message;
}
