// The refusals of the access step, each a 4xx JSON naming what was refused, in French.
import { HttpError } from '../errors';

/** A query parameter the BFF does not accept, or a malformed one. */
export function badQuery(param: string, message: string): HttpError {
  return new HttpError(400, 'bad_query', `Requête refusée : ${message}`, { reason: 'bad_query', param });
}

/** A list asking for more rows than the cap (or for all of them). */
export function pageTooLarge(max: number): HttpError {
  return new HttpError(400, 'page_too_large', `Liste refusée : au plus ${max} lignes par page (0, « tout », est refusé).`, { reason: 'page_too_large', max });
}

/** A field the user may not read (in `fields`, a filter, `order_by` or `group_by`). */
export function fieldNotReadable(doctype: string, field: string): HttpError {
  return new HttpError(403, 'forbidden', `Champ non permis : « ${field} » de ${doctype} ne vous est pas accessible.`, {
    reason: 'field_not_allowed',
    doctype,
    field,
  });
}

/** A body key the user may not write (mass assignment). */
export function fieldNotWritable(doctype: string, field: string): HttpError {
  return new HttpError(400, 'field_not_allowed', `Champ refusé : « ${field} » ne peut pas être écrit sur ${doctype}.`, { reason: 'field_not_allowed', doctype, field });
}

/** A body value outside the values a grant allows. */
export function valueNotAllowed(doctype: string, field: string, value: unknown): HttpError {
  return new HttpError(400, 'value_not_allowed', `Valeur refusée pour « ${field} » de ${doctype} : ${JSON.stringify(value)?.slice(0, 80)}.`, {
    reason: 'value_not_allowed',
    doctype,
    field,
  });
}

/** A body that is not a JSON object. */
export function badBody(message: string): HttpError {
  return new HttpError(400, 'bad_body', `Corps de requête refusé : ${message}`, { reason: 'not_an_object' });
}

/** A document outside the user's rows (another technician's job, an unrelated client). */
export function outOfScope(doctype: string, name?: string): HttpError {
  const what = name === undefined ? `ce document de ${doctype}` : `${doctype} ${name}`;
  return new HttpError(403, 'forbidden', `Accès refusé : ${what} ne fait pas partie de vos dossiers.`, { reason: 'out_of_scope', doctype });
}

/** A polymorphic read or write naming a reference doctype the user may not use. */
export function referenceNotAllowed(doctype: string, reference: string): HttpError {
  return new HttpError(403, 'forbidden', `Accès refusé : ${doctype} sur « ${reference} » ne vous est pas permis.`, { reason: 'reference_not_allowed', doctype, reference });
}

/** A write that would move a record to another customer. */
export function crossCustomer(doctype: string, field: string): HttpError {
  return new HttpError(403, 'forbidden', `Modification refusée : « ${field} » ferait passer ce ${doctype} à un autre client.`, { reason: 'cross_customer', doctype, field });
}
