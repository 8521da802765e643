// The client's story, newest first: notes, device actions (targo-hub's Info comments), tickets
// opened and changed, jobs created and changed (from Frappe's Version documents), equipment scanned
// onto a job (created with the job, or linked to it later: a Version), payments received.
import { commentText } from '@/shared/format/htmlText';

export interface TimelineSources {
  /** Notes (Comment) and device actions recorded by the hub (Info). */
  comments: { name: string; comment_type?: string | null; content: string | null; comment_email: string | null; comment_by: string | null; creation: string }[];
  issues: { name: string; subject: string; creation: string; owner: string }[];
  jobs: { name: string; job_type: string; creation: string; owner: string }[];
  payments: { name: string; paid_amount: number | null; mode_of_payment: string | null; reference_name: string | null; creation: string }[];
  versions: { name: string; ref_doctype: string; docname: string; data: string | null; creation: string; owner: string }[];
  /** Replies to and messages from the customer on their tickets (Communication). */
  replies?: { name: string; reference_name: string | null; sender: string | null; sent_or_received: string | null; creation: string }[];
  /** Notes and assignments on their tickets (Comment: Comment, Assigned, Assignment Completed, Info). */
  assignments?: { name: string; reference_name: string | null; comment_type: string | null; content: string | null; comment_email: string | null; creation: string }[];
  /** The client's equipment (a scan creates it with its job, or links it to one). */
  equipment?: { name: string; equipment_type: string | null; serial_no: string | null; dispatch_job: string | null; creation: string; owner: string }[];
  /** Staff names by e-mail, and technicians' by record (TECH-029): a person is shown by name. */
  people?: ReadonlyMap<string, string>;
}

export interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

interface Base {
  /** Unique within the timeline (the source document's name). */
  id: string;
  /** Frappe timestamp (Toronto wall time). */
  at: string;
  /** Who did it (e-mail or name), when known. */
  by: string | null;
}

export type TimelineEntry =
  | (Base & { kind: 'note'; text: string })
  | (Base & { kind: 'ticket-created'; ref: string; title: string })
  | (Base & { kind: 'ticket-changed'; ref: string; title: string; changes: FieldChange[] })
  | (Base & { kind: 'job-created'; ref: string; title: string })
  | (Base & { kind: 'job-changed'; ref: string; title: string; changes: FieldChange[] })
  | (Base & { kind: 'payment'; amount: number; mode: string | null; ref: string | null })
  | (Base & { kind: 'ticket-reply'; ref: string; title: string })
  | (Base & { kind: 'ticket-activity'; ref: string; title: string; text: string })
  | (Base & { kind: 'device-action'; text: string })
  | (Base & { kind: 'equipment-scanned'; ref: string; title: string })
  | (Base & { kind: 'sms'; direction: 'in' | 'out'; text: string; status: string; errorCode: number | null });

export type TimelineKind = TimelineEntry['kind'];

const asText = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));

/** Reads a Version's `{"changed": [[field, old, new], …]}`; empty when unreadable. */
export function versionChanges(data: string | null): FieldChange[] {
  if (!data) return [];
  try {
    const parsed = JSON.parse(data) as { changed?: unknown };
    if (!Array.isArray(parsed.changed)) return [];
    return parsed.changed
      .filter((c): c is unknown[] => Array.isArray(c) && typeof c[0] === 'string')
      .map((c) => ({ field: c[0] as string, from: asText(c[1]), to: asText(c[2]) }));
  } catch {
    return [];
  }
}

export function buildTimeline(s: TimelineSources): TimelineEntry[] {
  const subjects = new Map(s.issues.map((i) => [i.name, i.subject]));
  const jobTypes = new Map(s.jobs.map((j) => [j.name, j.job_type]));
  const entries: TimelineEntry[] = [
    ...s.comments.map((c): TimelineEntry => {
      const base = { id: c.name, at: c.creation, by: c.comment_by ?? c.comment_email, text: commentText(c.content) };
      return c.comment_type === 'Info' ? { ...base, kind: 'device-action' } : { ...base, kind: 'note' };
    }),
    ...s.issues.map((i): TimelineEntry => ({ kind: 'ticket-created', id: `${i.name}:created`, at: i.creation, by: i.owner, ref: i.name, title: i.subject })),
    ...s.jobs.map((j): TimelineEntry => ({ kind: 'job-created', id: `${j.name}:created`, at: j.creation, by: j.owner, ref: j.name, title: j.job_type })),
    ...s.payments.map((p): TimelineEntry => ({ kind: 'payment', id: p.name, at: p.creation, by: null, amount: p.paid_amount ?? 0, mode: p.mode_of_payment, ref: p.reference_name })),
  ];
  const named = (v: string | null) => (v && s.people?.get(v)) ?? v;
  const devices = new Map((s.equipment ?? []).map((e) => [e.name, [e.equipment_type, e.serial_no].filter(Boolean).join(' ') || e.name]));
  for (const e of s.equipment ?? []) {
    if (e.dispatch_job) entries.push({ kind: 'equipment-scanned', id: `${e.name}:created`, at: e.creation, by: e.owner, ref: e.dispatch_job, title: devices.get(e.name) ?? e.name });
  }
  for (const v of s.versions) {
    if (v.ref_doctype === 'Service Equipment') {
      const linked = versionChanges(v.data).find((c) => c.field === 'dispatch_job' && c.to);
      if (linked?.to) entries.push({ kind: 'equipment-scanned', id: v.name, at: v.creation, by: v.owner, ref: linked.to, title: devices.get(v.docname) ?? v.docname });
      continue;
    }
    const changes = versionChanges(v.data).map((c) => (c.field === 'technician' ? { ...c, from: named(c.from), to: named(c.to) } : c));
    if (changes.length === 0) continue;
    const base = { id: v.name, at: v.creation, by: v.owner, ref: v.docname, changes };
    if (v.ref_doctype === 'Issue') entries.push({ ...base, kind: 'ticket-changed', title: subjects.get(v.docname) ?? v.docname });
    else if (v.ref_doctype === 'Dispatch Job') entries.push({ ...base, kind: 'job-changed', title: jobTypes.get(v.docname) ?? v.docname });
  }
  for (const r of s.replies ?? []) {
    if (!r.reference_name || r.sent_or_received !== 'Sent') continue;
    entries.push({ kind: 'ticket-reply', id: r.name, at: r.creation, by: r.sender, ref: r.reference_name, title: subjects.get(r.reference_name) ?? r.reference_name });
  }
  for (const c of s.assignments ?? []) {
    if (!c.reference_name) continue;
    entries.push({ kind: 'ticket-activity', id: c.name, at: c.creation, by: c.comment_email, ref: c.reference_name, title: subjects.get(c.reference_name) ?? c.reference_name, text: commentText(c.content) });
  }
  const people = s.people;
  if (people) for (const e of entries) if (e.by) e.by = people.get(e.by) ?? (e.by === 'Administrator' ? null : e.by);
  // Frappe timestamps sort as text; a change sorts after the creation it follows at the same instant.
  return entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : -1));
}
