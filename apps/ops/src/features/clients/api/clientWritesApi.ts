// What a CSR with clients.edit writes on a client: notes (Comment) and tickets (Issue). The
// idempotency key is the caller's, kept across retries of the same input so nothing is created twice.
// Through the document cache: the client's file shows the new note or ticket without reloading.
import type { Priority } from '@gigafibre/contracts';
import { insertDoc } from '@/shared/documents';
import { noteToHtml } from '@/shared/format/htmlText';

/** Comment.content is HTML in ERPNext (its desk renders it): the text is sent escaped, one paragraph per line. */
export function addClientNote(customer: string, text: string, idempotencyKey: string) {
  return insertDoc(
    'Comment',
    { comment_type: 'Comment', reference_doctype: 'Customer', reference_name: customer, content: noteToHtml(text) },
    { idempotencyKey },
  );
}

export interface NewTicket {
  subject: string;
  priority: Priority;
  description: string;
}

export function createTicket(customer: string, ticket: NewTicket, idempotencyKey: string) {
  return insertDoc(
    'Issue',
    { customer, subject: ticket.subject, priority: ticket.priority, description: ticket.description || null, status: 'Open' },
    { idempotencyKey },
  );
}
