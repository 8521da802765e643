// What a CSR with clients.edit writes on a client: notes (Comment) and tickets (Issue). The
// idempotency key is the caller's, kept across retries of the same input so nothing is created twice.
import type { Priority } from '@gigafibre/contracts';
import { erpInsert } from '@/shared/http';
import { noteToHtml } from '../model/commentText';

/** Comment.content is HTML in ERPNext (its desk renders it): the text is sent escaped, one paragraph per line. */
export function addClientNote(customer: string, text: string, idempotencyKey: string) {
  return erpInsert(
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
  return erpInsert(
    'Issue',
    { customer, subject: ticket.subject, priority: ticket.priority, description: ticket.description || null, status: 'Open' },
    { idempotencyKey },
  );
}
