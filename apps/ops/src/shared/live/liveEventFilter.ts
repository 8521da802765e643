// Which live events a subscriber wants: by doctype, by document, or both.
import type { DocChangeEvent } from '@gigafibre/contracts';

export interface LiveEventFilter {
  /** One doctype or several; all when omitted. */
  doctype?: string | readonly string[];
  /** One document name or several (within the doctype(s)); all when omitted. */
  name?: string | readonly string[];
}

const matchesOne = (wanted: string | readonly string[] | undefined, actual: string) =>
  wanted === undefined || (typeof wanted === 'string' ? wanted === actual : wanted.includes(actual));

export function matchesFilter(filter: LiveEventFilter, event: DocChangeEvent): boolean {
  return matchesOne(filter.doctype, event.doctype) && matchesOne(filter.name, event.name);
}

/** Reads a `doc_change` event's data; null when it is not one (bad JSON, missing fields). */
export function parseDocChange(data: string): DocChangeEvent | null {
  try {
    const value = JSON.parse(data) as Partial<DocChangeEvent> | null;
    if (!value || typeof value.doctype !== 'string' || typeof value.name !== 'string') return null;
    return {
      doctype: value.doctype,
      name: value.name,
      action: value.action === 'insert' || value.action === 'delete' ? value.action : 'update',
      changed: Array.isArray(value.changed) ? value.changed.filter((f): f is string => typeof f === 'string') : [],
      by: typeof value.by === 'string' ? value.by : null,
      at: typeof value.at === 'string' ? value.at : new Date().toISOString(),
    };
  } catch {
    return null;
  }
}
