// Keys of the document cache: a document by (doctype, name), a list by its doctype and parameters,
// any other read by the parts its caller names. Equal parameters give equal keys whatever the
// order of their object keys, so two components asking the same question share one entry.

/** JSON with object keys sorted (arrays keep their order: filter order and field order matter). */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export const docKey = (doctype: string, name: string): string => `doc\u0000${doctype}\u0000${name}`;
export const listKey = (doctype: string, params: unknown): string => `list\u0000${doctype}\u0000${stableJson(params)}`;
export const queryKey = (parts: readonly unknown[]): string => `query\u0000${stableJson(parts)}`;
