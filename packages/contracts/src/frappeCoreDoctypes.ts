// Frappe's own doctypes the ops app reads and writes (frappe/core and frappe/desk), as Frappe
// declares their fields: part of DOCTYPES (doctypes.ts).
import type { DoctypeSpec } from './doctype-spec';

export const FRAPPE_CORE_DOCTYPES = {
  User: {
    naming: 'field:email',
    fields: {
      email: { type: 'Data', reqd: true, unique: true },
      full_name: { type: 'Data' },
      first_name: { type: 'Data' },
      enabled: { type: 'Check', default: 1 },
      user_type: { type: 'Select', options: ['System User', 'Website User'] },
    },
  },
  Comment: {
    naming: 'hash',
    fields: {
      reference_doctype: { type: 'Data', reqd: true },
      reference_name: { type: 'Data', reqd: true },
      comment_type: {
        type: 'Select',
        options: ['Comment', 'Info', 'Edit', 'Assigned', 'Assignment Completed', 'Attachment', 'Like'],
        reqd: true,
      },
      content: { type: 'Text' },
      comment_email: { type: 'Data' },
      comment_by: { type: 'Data' },
    },
  },
  /** Frappe's ToDo: one per assignment (frappe/desk/doctype/todo/todo.json). */
  ToDo: {
    naming: 'hash',
    fields: {
      status: { type: 'Select', options: ['Open', 'Closed', 'Cancelled'], default: 'Open' },
      priority: { type: 'Select', options: ['High', 'Medium', 'Low'], default: 'Medium' },
      date: { type: 'Date' },
      /** Link to User: the assignee’s e-mail */
      allocated_to: { type: 'Data' },
      description: { type: 'Text', reqd: true },
      reference_type: { type: 'Data' },
      reference_name: { type: 'Data' },
      /** Link to User */
      assigned_by: { type: 'Data' },
    },
  },
  /** Frappe's Communication: a reply to (Sent) or a message from (Received) the customer. */
  Communication: {
    naming: 'hash',
    fields: {
      subject: { type: 'Data', reqd: true },
      content: { type: 'Text' },
      communication_type: { type: 'Select', options: ['Communication', 'Comment', 'Chat', 'Notification', 'Feedback', 'Automated Message'], default: 'Communication' },
      communication_medium: { type: 'Select', options: ['Email', 'Chat', 'Phone', 'SMS', 'Event', 'Meeting', 'Visit', 'Other'] },
      sent_or_received: { type: 'Select', options: ['Sent', 'Received'], reqd: true },
      sender: { type: 'Data' },
      sender_full_name: { type: 'Data' },
      recipients: { type: 'Text' },
      communication_date: { type: 'Datetime' },
      status: { type: 'Select', options: ['Open', 'Replied', 'Closed', 'Linked'] },
      reference_doctype: { type: 'Data' },
      reference_name: { type: 'Data' },
    },
  },
  /** Frappe's File (frappe/core/doctype/file/file.json): an upload, attached to a document. */
  File: {
    naming: 'hash',
    fields: {
      file_name: { type: 'Data' },
      /** `/private/files/<name>` when is_private, else `/files/<name>` */
      file_url: { type: 'Data' },
      is_private: { type: 'Check' },
      file_size: { type: 'Int' },
      /** The extension in capitals: JPG, PNG */
      file_type: { type: 'Data' },
      /** MD5 of the content */
      content_hash: { type: 'Data' },
      folder: { type: 'Data' },
      /** Link to DocType */
      attached_to_doctype: { type: 'Data' },
      attached_to_name: { type: 'Data' },
      attached_to_field: { type: 'Data' },
    },
  },
  Version: {
    naming: 'hash',
    fields: {
      ref_doctype: { type: 'Data', reqd: true },
      docname: { type: 'Data', reqd: true },
      /** JSON: {"changed": [[field, old, new], …]} */
      data: { type: 'Text' },
    },
  },
} as const satisfies Record<string, DoctypeSpec>;
