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
  | 'Text'
  /** Child table: `options` names the child doctype (one with `istable`). */
  | 'Table';

/**
 * Field types Frappe stores `not null default 0` and reads through cint/flt
 * (frappe/model/base_document.py get_valid_dict): never null, 0 when unset.
 */
export const NUMERIC_FIELD_TYPES = ['Int', 'Float', 'Currency', 'Check'] as const satisfies readonly FieldType[];

/** One field of a doctype, as Frappe's DocField describes it (the subset we need). */
export interface FieldSpec {
  readonly type: FieldType;
  /** Link: target doctype; Select: allowed values. */
  readonly options?: string | readonly string[];
  readonly reqd?: boolean;
  readonly unique?: boolean;
  /** The DocField's default, set on insert when the request leaves the field out. */
  readonly default?: string | number;
  // What a field means is a doc comment on it, not a value: the SPA's first load carries DOCTYPES.
}

/** How a doctype names its documents and which of its fields it declares. */
export interface DoctypeSpec {
  /** Naming series prefix (`CUST-`), or 'field:<fieldname>' to name by a field (User: email). */
  readonly naming: string;
  /** Digits of the running number in the series. */
  readonly digits?: number;
  /** Frappe "Track Changes": every update writes a Version document. */
  readonly trackChanges?: boolean;
  /** A child doctype: its rows live in a parent's Table field and carry `parent`, `parentfield`, `parenttype`. */
  readonly istable?: boolean;
  readonly fields: Readonly<Record<string, FieldSpec>>;
}

/** Fields every Frappe document carries (frappe/model/__init__.py default_fields, plus `_user_tags`). */
export const STANDARD_FIELDS = ['name', 'owner', 'creation', 'modified', 'modified_by', 'docstatus', 'idx', '_user_tags'] as const;

/** Fields a child row carries on top of the standard ones (frappe/model/__init__.py child_table_fields). */
export const CHILD_TABLE_FIELDS = ['parent', 'parentfield', 'parenttype'] as const;

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
  /** Position among siblings (child rows, from 1); 0 on a parent document. */
  idx: number;
  /**
   * Frappe's comma-joined tags, e.g. `,VIP,Fibre 3G`; null when untagged. Only when asked for by
   * name: `fields=["*"]` leaves it out, and a single document's read has it only when non-empty.
   */
  _user_tags: string | null;
}

type SelectValue<F> = F extends { options: readonly (infer V)[] } ? V : string;

/** TypeScript type of a (non-table) field's value as the REST API returns it. */
export type FieldValue<F extends FieldSpec> = F['type'] extends 'Int' | 'Float' | 'Currency'
  ? number
  : F['type'] extends 'Check'
    ? 0 | 1
    : F['type'] extends 'Select'
      ? SelectValue<F>
      : string;

type Fields<S extends DoctypeSpec> = S['fields'];
/** Fields holding one value each (every type but Table). */
export type ValueFieldOf<S extends DoctypeSpec> = { [K in keyof Fields<S>]: Fields<S>[K] extends { type: 'Table' } ? never : K }[keyof Fields<S>];
/** Table fields (child rows). */
export type TableFieldOf<S extends DoctypeSpec> = { [K in keyof Fields<S>]: Fields<S>[K] extends { type: 'Table' } ? K : never }[keyof Fields<S>];
/** Value fields that are never null: required ones and numbers (Frappe stores those `not null default 0`). */
type FilledFieldOf<S extends DoctypeSpec> = {
  [K in ValueFieldOf<S>]: Fields<S>[K] extends { reqd: true } | { type: (typeof NUMERIC_FIELD_TYPES)[number] } ? K : never;
}[ValueFieldOf<S>];
/** Value fields that may be empty: null in lists, left out of a single document's read. */
type EmptiableFieldOf<S extends DoctypeSpec> = Exclude<ValueFieldOf<S>, FilledFieldOf<S>>;

/** Child-table fields, present on child rows only. */
type ChildTableDoc<S extends DoctypeSpec> = S extends { istable: true } ? { parent: string; parentfield: string; parenttype: string } : unknown;

/**
 * A document of a spec'd doctype as a list row with every field asked for (`fields=["*"]`, or
 * `completeDoc` of a single read): its value fields, null when empty, plus the standard ones.
 */
export type DocOf<S extends DoctypeSpec> = StandardDoc &
  ChildTableDoc<S> & { [K in FilledFieldOf<S>]: FieldValue<Fields<S>[K]> } & { [K in EmptiableFieldOf<S>]: FieldValue<Fields<S>[K]> | null };

/**
 * The same document as a single read answers it (`GET /api/resource/<Doctype>/<name>`, and the
 * answers of POST and PUT): `as_dict(no_nulls=True)` (frappe/utils/response.py json_handler) leaves
 * every empty field **out** rather than null, adds `doctype`, and `_user_tags` only when non-empty.
 * Table fields are added by `DocReadOf`'s users (they need the doctypes' map).
 */
export type DocReadValuesOf<S extends DoctypeSpec> = Omit<StandardDoc, '_user_tags'> & { _user_tags?: string } & ChildTableDoc<S> & {
    [K in FilledFieldOf<S>]: FieldValue<Fields<S>[K]>;
  } & { [K in EmptiableFieldOf<S>]?: FieldValue<Fields<S>[K]> };
