// Frappe's exceptions as the standin raises them: class name + HTTP status + French message.
import { FRAPPE_ERROR_STATUS, frappeErrorBody, type FrappeExcType } from '@gigafibre/contracts';
import type { ServerResponse } from 'node:http';
import { sendJson } from '../http/respond';

/** A Frappe exception: answered with its status and Frappe's error body. */
export class FrappeError extends Error {
  readonly status: number;
  constructor(
    readonly excType: FrappeExcType,
    message: string,
  ) {
    super(message);
    this.status = FRAPPE_ERROR_STATUS[excType];
  }
}

/** Shorthand for the most common one (HTTP 417). */
export function validationError(message: string): FrappeError {
  return new FrappeError('ValidationError', message);
}

/** `<Doctype> <name> introuvable` (HTTP 404), Frappe's "{0} {1} not found" in French. */
export function notFound(doctype: string, name: string): FrappeError {
  return new FrappeError('DoesNotExistError', `${doctype} ${name} introuvable`);
}

/** Sends a Frappe exception. */
export function sendFrappeError(res: ServerResponse, err: FrappeError): void {
  sendJson(res, err.status, frappeErrorBody(err.excType, err.message));
}
