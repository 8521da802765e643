/** Frappe field types the ops doctypes use. */
export type FieldType =
  | 'Data'
  | 'Link'
  | 'Select'
  | 'Int'
  | 'Float'
  | 'Currency'
  | 'Check'
  | 'Date'
  | 'Time'
  | 'Datetime'
  | 'Text';

/** One field of a doctype, as Frappe's DocField describes it (the subset we need). */
export interface FieldSpec {
  readonly type: FieldType;
  /** Link: target doctype; Select: allowed values. */
  readonly options?: string | readonly string[];
  readonly reqd?: boolean;
  readonly unique?: boolean;
  readonly description?: string;
}

/** How a doctype names its documents and which of its fields it declares. */
export interface DoctypeSpec {
  /** Naming series prefix (`CUST-`), or 'field:<fieldname>' to name by a field (User: email). */
  readonly naming: string;
  /** Digits of the running number in the series. */
  readonly digits?: number;
  /** Frappe "Track Changes": every update writes a Version document. */
  readonly trackChanges?: boolean;
  readonly fields: Readonly<Record<string, FieldSpec>>;
}

/** Fields every Frappe document carries. */
export const STANDARD_FIELDS = ['name', 'owner', 'creation', 'modified', 'modified_by', 'docstatus', '_user_tags'] as const;

/** A standard field name. */
export type StandardField = (typeof STANDARD_FIELDS)[number];

/** The standard fields' values on every document returned by the REST API. */
export interface StandardDoc {
  name: string;
  owner: string;
  /** `YYYY-MM-DD HH:mm:ss.SSSSSS`, server local time (America/Toronto). */
  creation: string;
  modified: string;
  modified_by: string;
  docstatus: 0 | 1 | 2;
  /** Frappe's comma-joined tags, e.g. `,VIP,Fibre 3G`; null when untagged. */
  _user_tags: string | null;
}

type SelectValue<F> = F extends { options: readonly (infer V)[] } ? V : string;

/** TypeScript type of a field's value as the REST API returns it. */
export type FieldValue<F extends FieldSpec> = F['type'] extends 'Int' | 'Float' | 'Currency'
  ? number
  : F['type'] extends 'Check'
    ? 0 | 1
    : F['type'] extends 'Select'
      ? SelectValue<F>
      : string;

/** A document of a spec'd doctype: its fields (nullable unless required) plus the standard ones. */
export type DocOf<S extends DoctypeSpec> = StandardDoc & {
  [K in keyof S['fields']]: S['fields'][K] extends { reqd: true }
    ? FieldValue<S['fields'][K]>
    : FieldValue<S['fields'][K]> | null;
};
