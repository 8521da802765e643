// A ticket's history, newest first: replies to and messages from the customer (Communication),
// internal notes and assignments (Comment), and field changes (Version: status, priority, type,
// subject). Every entry names a person by their name, never their e-mail.
import { commentText } from '@/shared/format/htmlText';
import type { TicketHistoryData } from '../api/ticketApi';

export type HistoryKind = 'reply' | 'received' | 'note' | 'assignment' | 'info' | 'change';

export interface HistoryChange {
  field: string;
  from: string | null;
  to: string | null;
}

export interface HistoryEntry {
  key: string;
  kind: HistoryKind;
  at: string;
  /** Who did it, by name (the e-mail only when no name is known). */
  who: string;
  text: string;
  changes: HistoryChange[];
}

/** The fields whose changes the history tells (the rest is bookkeeping: SLA, `_assign`, dates). */
export const TOLD_FIELDS = ['status', 'priority', 'issue_type', 'subject'] as const;

/** A person's name from their e-mail, given the names known. */
export function personName(email: string | null | undefined, names: ReadonlyMap<string, string>, fallback = ''): string {
  if (!email) return fallback;
  return names.get(email) ?? (email === 'Administrator' ? 'Administrateur' : email);
}

function versionChanges(data: string | null): HistoryChange[] {
  try {
    const parsed = JSON.parse(data ?? '{}') as { changed?: unknown };
    if (!Array.isArray(parsed.changed)) return [];
    return parsed.changed
      .filter((c): c is [string, unknown, unknown] => Array.isArray(c) && (TOLD_FIELDS as readonly string[]).includes(String(c[0])))
      .map(([field, from, to]) => ({ field, from: from == null ? null : String(from), to: to == null ? null : String(to) }));
  } catch {
    return [];
  }
}

const COMMENT_KINDS: Record<string, HistoryKind> = { Comment: 'note', Assigned: 'assignment', 'Assignment Completed': 'assignment', Info: 'info' };

/** The entries, newest first (ties: the order Frappe wrote them). */
export function buildTicketHistory(data: TicketHistoryData, names: ReadonlyMap<string, string>): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  for (const c of data.communications) {
    const sent = c.sent_or_received === 'Sent';
    const email = c.sender ?? c.owner;
    const who = (sent ? names.get(email) : undefined) ?? c.sender_full_name ?? personName(email, names);
    entries.push({ key: `c:${c.name}`, kind: sent ? 'reply' : 'received', at: c.creation, who, text: commentText(c.content), changes: [] });
  }
  for (const c of data.comments) {
    const kind = COMMENT_KINDS[c.comment_type ?? ''];
    if (!kind) continue;
    const who = names.get(c.comment_email ?? c.owner) ?? c.comment_by ?? personName(c.owner, names);
    entries.push({ key: `m:${c.name}`, kind, at: c.creation, who, text: commentText(c.content), changes: [] });
  }
  for (const v of data.versions) {
    const changes = versionChanges(v.data);
    if (changes.length > 0) entries.push({ key: `v:${v.name}`, kind: 'change', at: v.creation, who: personName(v.owner, names), text: '', changes });
  }
  return entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
