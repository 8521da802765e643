// The shape of the access table (accessTable.ts): for each ERPNext doctype, who may read which
// rows and fields, who may write which keys, and how a user's "own" rows are found. The BFF
// enforces it (apps/bff/src/access/); the route policy (policy.ts) is derived from it, so a
// doctype or a grant added here is a route, a row scope and a field list at once.
import type { Capability } from './capability';

/** Which rows a grant covers: every row, or only the user's own (see `OwnRows`). */
export type Rows = 'all' | 'own';

/** What identifies the signed-in user in ERPNext: their e-mail, or their Technician record. */
export type UserKey = 'email' | 'technician';

/** Fields a grant lets a user read: `'*'` for every column, or these (plus `name` and `modified`). */
export type FieldList = '*' | readonly string[];

/**
 * How a user's own rows of a doctype are found. Either `is`: the rows whose `field` holds the
 * user's key (optionally within a window of days around today, Montréal's day), or `in`: the rows
 * whose `field` takes a value that `in.field` takes on the user's own rows of `in.doctype`.
 */
export type OwnRows =
  | {
      readonly field: string;
      readonly is: UserKey;
      /** Only rows whose date `field` is within today − `daysBefore` … today + `daysAfter` (inclusive). */
      readonly window?: { readonly field: string; readonly daysBefore: number; readonly daysAfter: number };
    }
  | { readonly field: string; readonly in: { readonly doctype: string; readonly field: string } };

/** The two fields of a polymorphic doctype (Comment, Version, File, ToDo, Communication) naming the document it is about. */
export interface ReferenceFields {
  readonly doctype: string;
  readonly name: string;
  /** The document holds values of the referenced one (a Version's old and new values): reading it needs every field of the reference. */
  readonly carriesValues?: boolean;
}

/** Who may read a doctype, which rows and which fields. */
export interface ReadGrant {
  readonly by: Capability;
  readonly rows: Rows;
  readonly fields: FieldList;
  /** Polymorphic doctypes: the reference doctypes this grant covers (further limited to those the user may read). */
  readonly references?: readonly string[];
}

/** The write methods of Frappe's REST API the table can grant. */
export type WriteMethod = 'POST' | 'PUT';

/** Who may create or update documents of a doctype, on which rows, with which keys. */
export interface WriteGrant {
  readonly method: WriteMethod;
  readonly by: Capability;
  readonly rows: Rows;
  /** The only keys a body may carry, besides `modified` on PUT (Frappe's optimistic lock); anything else: 400 naming the key. */
  readonly fields: readonly string[];
  /** Keys whose values are limited to these. */
  readonly values?: Readonly<Record<string, readonly (string | number | null)[]>>;
  /** Link keys and their doctype: the target must be a document the user may read (own rows for `own`). */
  readonly links?: Readonly<Record<string, string>>;
  /** Polymorphic doctypes: the reference doctypes a new document may be about. */
  readonly references?: readonly string[];
  /** The record and every link in the body must belong to one customer (no move across customers). */
  readonly sameCustomer?: boolean;
}

/** Everything the table says about one doctype. */
export interface DoctypeAccess {
  readonly read: readonly ReadGrant[];
  readonly write?: readonly WriteGrant[];
  /** How the user's own rows are found (needed by any grant with `rows: 'own'`). */
  readonly own?: OwnRows;
  /** Polymorphic doctypes: the fields naming the referenced document. */
  readonly reference?: ReferenceFields;
  /** The field holding the row's customer (`name` on Customer): what `sameCustomer` compares. */
  readonly customer?: string;
  /** Holds personal information: lists of more than `LIST_LIMITS.auditAbove` rows are audited. */
  readonly personal?: boolean;
}

/** One capability's right to call a whitelisted method. */
export interface MethodGrant {
  readonly by: Capability;
  readonly rows: Rows;
  readonly values?: Readonly<Record<string, readonly (string | number | null)[]>>;
}

/** A whitelisted ERPNext method (`/api/method/<path>`) that acts on one document. */
export interface MethodAccess {
  readonly http: 'GET' | 'POST';
  /** The only arguments its body may carry. */
  readonly args: readonly string[];
  /** The document it acts on: a doctype and the argument naming the document. */
  readonly document: { readonly doctype: string; readonly arg: string };
  readonly grants: readonly MethodGrant[];
}

/**
 * Frappe's upload API (`/api/method/upload_file`) for one doctype: who may attach files to which
 * documents, of which types. Uploads are always private (`is_private=1`).
 */
export interface UploadAccess {
  readonly grants: readonly { readonly by: Capability; readonly rows: Rows }[];
  /** Accepted media types (checked on the content's first bytes, not the name): anything else is a 415. */
  readonly types: readonly ('image/jpeg' | 'image/png')[];
}
