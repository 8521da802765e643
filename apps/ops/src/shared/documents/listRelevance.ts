// Whether a live change may concern a cached list, without fetching anything: the event names a
// row the list shows, or it may have entered the list. A change enters a list filtered on a Link
// (`customer = CUST-1`) only if it points at that document now or pointed at it before, and the
// event's `refs` carry both (old and new Link targets) — so a client's ticket list ignores the
// tickets of every other client. A list with no such filter may gain any document of its doctype.
import { DOCTYPES, type DocChangeEvent, type Doctype, type Filters, type FilterTuple } from '@gigafibre/contracts';

/** `[field, '=', value]` filters on Link fields: (target doctype, name) pairs a member must point at. */
export function linkAnchors(doctype: string, filters: Filters | undefined): { doctype: string; name: string }[] {
  const spec = (DOCTYPES as Record<string, (typeof DOCTYPES)[Doctype] | undefined>)[doctype];
  if (!spec || !filters) return [];
  const tuples: FilterTuple[] = Array.isArray(filters)
    ? filters
    : Object.entries(filters).map(([f, v]) => (Array.isArray(v) ? [f, v[0], v[1]] : [f, '=', v]) as FilterTuple);
  const anchors: { doctype: string; name: string }[] = [];
  for (const tuple of tuples) {
    const [field, op, value] = tuple.length === 4 ? [tuple[1], tuple[2], tuple[3]] : tuple;
    const fieldSpec = spec.fields[field as keyof typeof spec.fields] as { type: string; options?: unknown } | undefined;
    if (op !== '=' || typeof value !== 'string' || fieldSpec?.type !== 'Link' || typeof fieldSpec.options !== 'string') continue;
    anchors.push({ doctype: fieldSpec.options, name: value });
  }
  return anchors;
}

/** True when `event` may change what a list of `doctype` with `filters` shows (its rows: `names`). */
export function listMayHold(doctype: string, filters: Filters | undefined, names: ReadonlySet<string>, event: DocChangeEvent): boolean {
  if (event.doctype !== doctype) return false;
  if (names.has(event.name)) return true;
  const anchors = linkAnchors(doctype, filters);
  if (anchors.length === 0) return true;
  const refs = event.refs;
  // An event without refs (an older hub) cannot be ruled out.
  if (!refs) return true;
  return anchors.every((a) => refs.some((r) => r.doctype === a.doctype && r.name === a.name));
}
