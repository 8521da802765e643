// Frappe's exceptions as the standin raises them: class name + HTTP status + French message, in the
// three body shapes Frappe answers (frappe/utils/response.py report_error, _make_logs_v1).
import { FRAPPE_ERROR_STATUS, frappeErrorBody, type FrappeError as FrappeErrorBody, type FrappeExcType } from '@gigafibre/contracts';
import type { ServerResponse } from 'node:http';
import { sendJson } from '../http/respond';

/**
 * How the exception left Frappe's code, which decides what its body carries:
 * - `thrown`: `frappe.throw(message, exc)` → `_server_messages` holds the message;
 * - `flagged`: `frappe.flags.error_message = …; raise exc` (frappe.has_permission) → `_error_message`;
 * - `bare`: `raise exc` (frappe/auth.py validate_auth's AuthenticationError) → `exc_type` alone.
 */
export type FrappeErrorForm = 'thrown' | 'flagged' | 'bare';

/** A Frappe exception: answered with its status and Frappe's error body. */
export class FrappeError extends Error {
  readonly status: number;
  constructor(
    readonly excType: FrappeExcType,
    message: string,
    readonly form: FrappeErrorForm = 'thrown',
  ) {
    super(message);
    this.status = FRAPPE_ERROR_STATUS[excType];
  }
}

/** Shorthand for the most common one (HTTP 417). */
export function validationError(message: string): FrappeError {
  return new FrappeError('ValidationError', message);
}

/** A field a query may not use (frappe/desk/reportview.py raise_invalid_field): DataError, 417. */
export function dataError(message: string): FrappeError {
  return new FrappeError('DataError', message);
}

/** `<Doctype> <name> introuvable` (HTTP 404), Frappe's "{0} {1} not found" in French. */
export function notFound(doctype: string, name: string): FrappeError {
  return new FrappeError('DoesNotExistError', `${doctype} ${name} introuvable`);
}

/** The body Frappe answers for `err`. */
export function frappeErrorBodyOf(err: FrappeError): FrappeErrorBody {
  if (err.form === 'bare') return { exc_type: err.excType };
  if (err.form === 'flagged') return { exc_type: err.excType, _error_message: err.message };
  return frappeErrorBody(err.excType, err.message);
}

/** Sends a Frappe exception. */
export function sendFrappeError(res: ServerResponse, err: FrappeError): void {
  sendJson(res, err.status, frappeErrorBodyOf(err));
}
