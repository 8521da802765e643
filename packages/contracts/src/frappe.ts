/**
 * Filter operators Frappe's REST API accepts (frappe/utils/data.py get_filter, less the nested-set
 * ones, which need a tree doctype). `previous`/`next` take `1 week`, `1 month`, `3 months`,
 * `6 months` or `1 year` (frappe/model/db_query.py get_date_range).
 */
export const FRAPPE_OPERATORS = [
  '=',
  '!=',
  '>',
  '<',
  '>=',
  '<=',
  'like',
  'not like',
  'in',
  'not in',
  'between',
  'is',
  'timespan',
  'previous',
  'next',
] as const;

/** A Frappe filter operator. */
export type FrappeOperator = (typeof FRAPPE_OPERATORS)[number];

/** A scalar a filter compares with. */
export type FilterScalar = string | number | null;

/** `[field, operator, value]` (or `[doctype, field, operator, value]`, as Frappe also accepts). */
export type FilterTuple =
  | [field: string, operator: FrappeOperator, value: FilterScalar | FilterScalar[]]
  | [doctype: string, field: string, operator: FrappeOperator, value: FilterScalar | FilterScalar[]];

/** Filters in list form or dict form (`{"field": value}` or `{"field": [op, value]}`). */
export type Filters = FilterTuple[] | Record<string, FilterScalar | [FrappeOperator, FilterScalar | FilterScalar[]]>;

/** `GET /api/resource/<Doctype>` answer. */
export interface FrappeList<T> {
  data: T[];
}

/** `GET|POST|PUT /api/resource/<Doctype>/<name>` answer. */
export interface FrappeDocResponse<T> {
  data: T;
}

/** `/api/method/<dotted.path>` answer. */
export interface FrappeMessage<T> {
  message: T;
}

/**
 * Frappe's error body (HTTP 4xx/5xx, frappe/utils/response.py report_error). Only `exc_type` is
 * always there. `_server_messages` (a JSON string of JSON strings) comes with errors raised through
 * `frappe.throw`; a bare `raise` (an invalid token's 401, a PermissionError) has none, but a
 * permission refusal may carry `_error_message`. `exception` and `exc` (the traceback) only when
 * the site allows error tracebacks (System Settings, off by default).
 */
export interface FrappeError {
  exc_type: string;
  exception?: string;
  exc?: string;
  _server_messages?: string;
  _error_message?: string;
}

/** Frappe's exception class → HTTP status, as the real server answers. */
export const FRAPPE_ERROR_STATUS = {
  AuthenticationError: 401,
  PermissionError: 403,
  DoesNotExistError: 404,
  DuplicateEntryError: 409,
  ValidationError: 417,
  /** A field not permitted in a query (frappe/desk/reportview.py raise_invalid_field), SQL in `fields`. */
  DataError: 417,
  /** An argument of a whitelisted method of the wrong type (frappe/utils/typing_validations.py). */
  FrappeTypeError: 417,
  LinkValidationError: 417,
  MandatoryError: 417,
  /** PUT with a `modified` older than the stored one (someone saved in between). */
  TimestampMismatchError: 417,
  /** DELETE of a document other documents link to. */
  LinkExistsError: 417,
  /** upload_file past max_file_size (frappe/core/doctype/file/exceptions.py: a ValidationError). */
  MaxFileSizeReachedError: 417,
  TooManyRequestsError: 429,
} as const;

/** A Frappe exception class the standin raises. */
export type FrappeExcType = keyof typeof FRAPPE_ERROR_STATUS;

/** Reads the human messages out of a Frappe error body (`_server_messages`, else `_error_message`). */
export function frappeMessages(body: Partial<FrappeError>): string[] {
  if (typeof body._server_messages !== 'string') return typeof body._error_message === 'string' && body._error_message ? [body._error_message] : [];
  try {
    const outer: unknown = JSON.parse(body._server_messages);
    if (!Array.isArray(outer)) return [];
    return outer.flatMap((entry: unknown) => {
      if (typeof entry !== 'string') return [];
      try {
        const inner: unknown = JSON.parse(entry);
        if (inner && typeof inner === 'object' && 'message' in inner && typeof inner.message === 'string') {
          return [inner.message];
        }
        return [entry];
      } catch {
        return [entry];
      }
    });
  } catch {
    return [];
  }
}

/** Frappe's body for an error of `type` raised with `frappe.throw(message)` (tracebacks off, as by default). */
export function frappeErrorBody(type: FrappeExcType, message: string): FrappeError {
  return {
    exc_type: type,
    _server_messages: JSON.stringify([JSON.stringify({ message, title: 'Message', indicator: 'red', raise_exception: 1 })]),
  };
}
