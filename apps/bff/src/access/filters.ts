// Frappe filters as the BFF reads them: every form Frappe accepts that the ops app may use (list of
// `[field, op, value]` or `[doctype, field, op, value]`, dict `{field: value}` or `{field: [op,
// value]}`), normalised to one list so the scope conditions can be added to it and the whole sent
// upstream in one unambiguous form. Anything else — another doctype in a 4-tuple, a 5-tuple Frappe
// would truncate, an object as a value, a dict inside a list — is refused rather than guessed at.
import { FRAPPE_OPERATORS } from '@gigafibre/contracts';
import { badQuery } from './accessErrors';
import { isIdentifier } from './queryGrammar';

/** A filter value: a scalar, or a list of scalars (`in`, `not in`, `between`). */
export type FilterValue = string | number | boolean | null | readonly (string | number | boolean | null)[];

/** One condition, in Frappe's 3-tuple form. */
export type Condition = readonly [field: string, op: string, value: FilterValue];

const OPERATORS = new Set<string>(FRAPPE_OPERATORS);
/** Most values in one `in` list (the standin and MariaDB both choke long before a sane URL would). */
const MAX_VALUES = 1000;

function isScalar(value: unknown): value is string | number | boolean | null {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function condition(param: string, doctype: string, field: unknown, op: unknown, value: unknown): Condition {
  if (!isIdentifier(field)) throw badQuery(param, `champ de filtre illisible ${JSON.stringify(field)?.slice(0, 60)}.`);
  const operator = typeof op === 'string' ? op.trim().toLowerCase() : '';
  if (!OPERATORS.has(operator)) throw badQuery(param, `opérateur inconnu ${JSON.stringify(op)?.slice(0, 30)} pour ${field}.`);
  if (Array.isArray(value)) {
    if (value.length > MAX_VALUES || !value.every(isScalar)) throw badQuery(param, `liste de valeurs invalide pour ${field} (au plus ${MAX_VALUES} valeurs simples).`);
    return [field, operator, value];
  }
  if (!isScalar(value)) throw badQuery(param, `valeur invalide pour ${field} ${doctype === '' ? '' : `(${doctype})`}.`);
  return [field, operator, value];
}

/** Parses `filters` or `or_filters` (JSON text) of a list on `doctype`. */
export function parseFilters(param: string, text: string, doctype: string): Condition[] {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    throw badQuery(param, `${param} doit être du JSON (liste ou objet).`);
  }
  if (Array.isArray(input)) {
    if (input.length > 50) throw badQuery(param, `au plus 50 conditions dans ${param}.`);
    return input.map((item: unknown) => {
      if (!Array.isArray(item) || (item.length !== 3 && item.length !== 4)) {
        throw badQuery(param, `condition illisible ${JSON.stringify(item)?.slice(0, 80)} (attendu [champ, opérateur, valeur]).`);
      }
      if (item.length === 4 && item[0] !== doctype) throw badQuery(param, `condition sur un autre doctype (${JSON.stringify(item[0])?.slice(0, 40)}).`);
      const [field, op, value] = item.length === 4 ? item.slice(1) : item;
      return condition(param, doctype, field, op, value);
    });
  }
  if (input !== null && typeof input === 'object') {
    const entries = Object.entries(input);
    if (entries.length > 50) throw badQuery(param, `au plus 50 conditions dans ${param}.`);
    return entries.map(([field, value]) => {
      if (!Array.isArray(value)) return condition(param, doctype, field, '=', value);
      if (value.length !== 2) throw badQuery(param, `condition illisible pour ${field} (attendu [opérateur, valeur]).`);
      return condition(param, doctype, field, value[0], value[1]);
    });
  }
  throw badQuery(param, `${param} doit être une liste ou un objet JSON.`);
}

/**
 * The values a field is pinned to by an AND-ed `=` or `in` condition (intersected when there are
 * several), or undefined when no such condition names it.
 */
export function pinnedValues(conditions: readonly Condition[], field: string): Set<string> | undefined {
  let pinned: Set<string> | undefined;
  for (const [f, op, value] of conditions) {
    if (f !== field) continue;
    let values: string[] | undefined;
    if (op === '=' && typeof value === 'string') values = [value];
    else if (op === 'in' && Array.isArray(value)) values = value.filter((v): v is string => typeof v === 'string');
    else if (op === 'in' && typeof value === 'string') values = value.split(',').map((v) => v.trim()); // Frappe's "a,b" form
    if (values === undefined) continue;
    pinned = pinned === undefined ? new Set(values) : new Set(values.filter((v) => (pinned as Set<string>).has(v)));
  }
  return pinned;
}
