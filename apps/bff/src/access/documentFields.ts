// A whole document (a single GET, a write's answer) shown under a grant that lists its fields:
// the answer is read in full and cut to those fields before the browser sees a byte of it.

/** Keys Frappe puts on every document that say nothing about its content. */
const FRAME = ['doctype', 'name', 'modified'];

/**
 * Cuts a successful `{data: doc}` / `{message: doc}` answer to `fields`. Fails closed: anything
 * else but an empty body (a HEAD) gives null, and the browser gets a 502 instead of the document.
 */
export function keepFields(fields: ReadonlySet<string>): (body: Buffer) => Buffer | null {
  return (body) => {
    if (body.length === 0) return body;
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return null;
    }
    if (parsed === null || typeof parsed !== 'object') return null;
    const envelope = parsed as Record<string, unknown>;
    const key = 'data' in envelope ? 'data' : 'message' in envelope ? 'message' : undefined;
    const doc = key === undefined ? undefined : envelope[key];
    if (key === undefined || doc === null || typeof doc !== 'object' || Array.isArray(doc)) return null;
    const kept: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(doc)) if (fields.has(name) || FRAME.includes(name)) kept[name] = value;
    return Buffer.from(JSON.stringify({ ...envelope, [key]: kept }), 'utf8');
  };
}
