// Which live events a subscriber wants: by doctype, by document, by a document they concern.
import type { DocChangeEvent, IncidentEvent } from '@gigafibre/contracts';

export interface LiveEventFilter {
  /** One doctype or several; all when omitted. */
  doctype?: string | readonly string[];
  /** One document name or several (within the doctype(s)); all when omitted. */
  name?: string | readonly string[];
  /** Only changes that concern this document: it is the document, or among the event's `refs`. */
  ref?: { doctype: string; name: string };
}

const matchesOne = (wanted: string | readonly string[] | undefined, actual: string) =>
  wanted === undefined || (typeof wanted === 'string' ? wanted === actual : wanted.includes(actual));

const concerns = (ref: { doctype: string; name: string }, event: DocChangeEvent) =>
  (event.doctype === ref.doctype && event.name === ref.name) || (event.refs ?? []).some((r) => r.doctype === ref.doctype && r.name === ref.name);

export function matchesFilter(filter: LiveEventFilter, event: DocChangeEvent): boolean {
  return matchesOne(filter.doctype, event.doctype) && matchesOne(filter.name, event.name) && (!filter.ref || concerns(filter.ref, event));
}

type DocRef = { doctype: string; name: string };

function readRefs(value: unknown): DocRef[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const isRef = (r: unknown): r is DocRef =>
    typeof r === 'object' && r !== null && typeof (r as Partial<DocRef>).doctype === 'string' && typeof (r as Partial<DocRef>).name === 'string';
  return value.filter(isRef).map((r) => ({ doctype: r.doctype, name: r.name }));
}

/** Reads a `doc_change` event's data; null when it is not one (bad JSON, missing fields). */
export function parseDocChange(data: string): DocChangeEvent | null {
  try {
    const value = JSON.parse(data) as Partial<DocChangeEvent> | null;
    if (!value || typeof value.doctype !== 'string' || typeof value.name !== 'string') return null;
    const refs = readRefs(value.refs);
    return {
      doctype: value.doctype,
      name: value.name,
      action: value.action === 'insert' || value.action === 'delete' ? value.action : 'update',
      changed: Array.isArray(value.changed) ? value.changed.filter((f): f is string => typeof f === 'string') : [],
      by: typeof value.by === 'string' ? value.by : null,
      at: typeof value.at === 'string' ? value.at : new Date().toISOString(),
      ...(refs ? { refs } : {}),
      ...(typeof value.modified === 'string' ? { modified: value.modified } : {}),
    };
  } catch {
    return null;
  }
}

/** Reads an `incident` event's data (its JSON text, or that text parsed); null when it is not one. */
export function parseIncidentEvent(data: unknown): IncidentEvent | null {
  try {
    const value = (typeof data === 'string' ? JSON.parse(data) : data) as Partial<IncidentEvent> | null;
    const incident = value?.incident;
    const change = value?.change;
    if (!incident || typeof incident.id !== 'string' || (incident.status !== 'open' && incident.status !== 'resolved') || typeof incident.element?.name !== 'string') return null;
    if (!change || typeof change.kind !== 'string' || typeof change.at !== 'string') return null;
    return { incident, change };
  } catch {
    return null;
  }
}
