// One ticket: its history (replies, notes, assignments, field changes), its client's places and
// equipment, its visits; and the writes that work it: status and priority (with ERPNext's
// `modified` check), assignment through Frappe's assign_to API, a reply, an internal note.
import type { Communication, Comment, Issue, IssueStatus, Priority, Version } from '@gigafibre/contracts';
import { callMethod, erpList } from '@/shared/http';
import { insertDoc, saveDoc } from '@/shared/documents';
import { noteToHtml } from '@/shared/format/htmlText';

export type HistoryCommunication = Pick<Communication, 'name' | 'creation' | 'owner' | 'sender' | 'sender_full_name' | 'sent_or_received' | 'subject' | 'content' | 'communication_medium'>;
export type HistoryComment = Pick<Comment, 'name' | 'creation' | 'owner' | 'comment_type' | 'comment_email' | 'comment_by' | 'content'>;
export type HistoryVersion = Pick<Version, 'name' | 'creation' | 'owner' | 'data'>;

export interface TicketHistoryData {
  communications: HistoryCommunication[];
  comments: HistoryComment[];
  versions: HistoryVersion[];
}

/** How much history a ticket page reads (a ticket with more is rare; the newest are kept). */
export const HISTORY_LIMIT = 200;

/** A ticket's history, the three kinds read in parallel. */
export async function fetchTicketHistory(issue: string, signal?: AbortSignal): Promise<TicketHistoryData> {
  const [communications, comments, versions] = await Promise.all([
    erpList('Communication', {
      fields: ['name', 'creation', 'owner', 'sender', 'sender_full_name', 'sent_or_received', 'subject', 'content', 'communication_medium'],
      filters: [['reference_doctype', '=', 'Issue'], ['reference_name', '=', issue]],
      orderBy: 'creation desc',
      limit: HISTORY_LIMIT,
      signal,
    }),
    erpList('Comment', {
      fields: ['name', 'creation', 'owner', 'comment_type', 'comment_email', 'comment_by', 'content'],
      filters: [['reference_doctype', '=', 'Issue'], ['reference_name', '=', issue]],
      orderBy: 'creation desc',
      limit: HISTORY_LIMIT,
      signal,
    }),
    erpList('Version', { fields: ['name', 'creation', 'owner', 'data'], filters: [['ref_doctype', '=', 'Issue'], ['docname', '=', issue]], orderBy: 'creation desc', limit: HISTORY_LIMIT, signal }),
  ]);
  return { communications, comments, versions };
}

/** Changes status and/or priority; ERPNext refuses it (417 TimestampMismatchError) if someone saved since `modified`. */
export function saveTicket(issue: string, patch: { status?: IssueStatus; priority?: Priority }, modified: string): Promise<Issue> {
  return saveDoc('Issue', issue, patch, { modified });
}

/** frappe.desk.form.assign_to.add: the ticket goes to `user`'s ToDo list. */
export function assignTicket(issue: string, user: string): Promise<unknown> {
  return callMethod('frappe.desk.form.assign_to.add', { doctype: 'Issue', name: issue, assign_to: JSON.stringify([user]) }, { invalidates: ['Issue', 'ToDo'] });
}

/** frappe.desk.form.assign_to.remove: `user`'s ToDo for the ticket is cancelled. */
export function unassignTicket(issue: string, user: string): Promise<unknown> {
  return callMethod('frappe.desk.form.assign_to.remove', { doctype: 'Issue', name: issue, assign_to: user }, { invalidates: ['Issue', 'ToDo'] });
}

/** A reply to the customer: a Communication sent, on the ticket (the sender is the signed-in user). */
export function sendReply(issue: Pick<Issue, 'name' | 'subject'>, to: string | null, text: string, idempotencyKey: string): Promise<unknown> {
  return insertDoc(
    'Communication',
    {
      communication_type: 'Communication',
      communication_medium: 'Email',
      sent_or_received: 'Sent',
      subject: `Re: ${issue.subject ?? issue.name}`,
      content: noteToHtml(text),
      ...(to ? { recipients: to } : {}),
      reference_doctype: 'Issue',
      reference_name: issue.name,
    },
    { idempotencyKey },
  );
}

/** An internal note: a Comment on the ticket, never sent to the customer. */
export function addNote(issue: string, text: string, idempotencyKey: string): Promise<unknown> {
  return insertDoc('Comment', { comment_type: 'Comment', reference_doctype: 'Issue', reference_name: issue, content: noteToHtml(text) }, { idempotencyKey });
}
