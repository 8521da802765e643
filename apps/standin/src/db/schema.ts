// Tables: one per doctype (Frappe's `tab<Doctype>`, columns typed from the contracts' specs),
// plus the hub's own tables and the shared event log.
import { DOCTYPES, NUMERIC_FIELD_TYPES, type CHILD_TABLE_FIELDS, type Doctype, type DoctypeSpec, type FieldSpec, type FieldType, type STANDARD_FIELDS } from '@gigafibre/contracts';
import type { Db } from './open';

/** Bumped whenever the layout changes: an older database is reseeded. */
export const SCHEMA_VERSION = 10;

/** Quotes an SQL identifier. Only ever called with names from the doctype specs. */
export function q(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

/** Frappe's table name for a doctype. */
export function tableOf(doctype: Doctype): string {
  return q(`tab${doctype}`);
}

const SQL_TYPE: Record<Exclude<FieldType, 'Table'>, string> = {
  Data: 'TEXT',
  Link: 'TEXT',
  Select: 'TEXT',
  Text: 'TEXT',
  Date: 'TEXT',
  Time: 'TEXT',
  Datetime: 'TEXT',
  Int: 'INTEGER',
  Check: 'INTEGER',
  Float: 'REAL',
  Currency: 'REAL',
};

const STANDARD_SPECS: Record<(typeof STANDARD_FIELDS)[number], FieldSpec> = {
  name: { type: 'Data' },
  owner: { type: 'Data' },
  creation: { type: 'Datetime' },
  modified: { type: 'Datetime' },
  modified_by: { type: 'Data' },
  docstatus: { type: 'Int' },
  idx: { type: 'Int' },
  _user_tags: { type: 'Text' },
};

const CHILD_SPECS: Record<(typeof CHILD_TABLE_FIELDS)[number], FieldSpec> = {
  parent: { type: 'Data' },
  parentfield: { type: 'Data' },
  parenttype: { type: 'Data' },
};

/** Every column of a doctype (standard fields first, then a child row's parent fields), with its spec. Table fields have none. */
export function columnsOf(doctype: Doctype): ReadonlyMap<string, FieldSpec> {
  let cols = columnCache.get(doctype);
  if (!cols) {
    const spec = DOCTYPES[doctype] as DoctypeSpec;
    cols = new Map<string, FieldSpec>(Object.entries(STANDARD_SPECS));
    if (spec.istable) for (const [field, s] of Object.entries(CHILD_SPECS)) cols.set(field, s);
    for (const [field, s] of Object.entries(spec.fields)) if (s.type !== 'Table') cols.set(field, s);
    columnCache.set(doctype, cols);
  }
  return cols;
}
const columnCache = new Map<Doctype, Map<string, FieldSpec>>();

/** The Table fields of a doctype: field → child doctype. */
export function tablesOf(doctype: Doctype): ReadonlyMap<string, Doctype> {
  const out = new Map<string, Doctype>();
  for (const [field, s] of Object.entries((DOCTYPES[doctype] as DoctypeSpec).fields)) if (s.type === 'Table') out.set(field, s.options as Doctype);
  return out;
}

/** True for the field types Frappe stores `not null default 0` (never null, 0 when unset). */
export function isNumeric(spec: FieldSpec): boolean {
  return (NUMERIC_FIELD_TYPES as readonly FieldType[]).includes(spec.type);
}

/** A column's definition. Numbers are Frappe's `not null default 0`: SQLite's ON CONFLICT REPLACE turns a NULL written there into the default. */
function columnSql(field: string, spec: FieldSpec): string {
  if (field === 'name') return `${q(field)} TEXT PRIMARY KEY`;
  const type = SQL_TYPE[spec.type as Exclude<FieldType, 'Table'>];
  if (!isNumeric(spec)) return `${q(field)} ${type}`;
  const fallback = typeof spec.default === 'number' ? spec.default : Number(spec.default ?? 0) || 0;
  return `${q(field)} ${type} NOT NULL ON CONFLICT REPLACE DEFAULT ${fallback}`;
}

/** Indexes the ops app's queries need, beyond Link fields and `modified`. */
const EXTRA_INDEXES: Partial<Record<Doctype, string[][]>> = {
  Customer: [['customer_name'], ['custom_phone_digits'], ['email_id'], ['territory']],
  'Service Location': [['postal_code']],
  'Service Equipment': [['mac_address']],
  'Sales Invoice': [['customer', 'posting_date'], ['status']],
  Issue: [['status', 'resolution_by'], ['resolution_by'], ['customer', 'creation']],
  ToDo: [['reference_type', 'reference_name'], ['allocated_to', 'status']],
  Communication: [['reference_doctype', 'reference_name']],
  'Dispatch Job': [['scheduled_date', 'start_time'], ['requested_date'], ['status'], ['technician', 'scheduled_date']],
  Technician: [['traccar_device_id']],
  'Technician Absence': [['technician', 'from_datetime'], ['to_datetime']],
  Comment: [['reference_doctype', 'reference_name']],
  Version: [['ref_doctype', 'docname']],
};

function indexSets(doctype: Doctype): string[][] {
  const sets: string[][] = (DOCTYPES[doctype] as DoctypeSpec).istable ? [['parent']] : [['modified']];
  const extra = EXTRA_INDEXES[doctype] ?? [];
  for (const [field, spec] of Object.entries(DOCTYPES[doctype].fields) as [string, FieldSpec][]) {
    // A Link already leading a composite index needs no index of its own.
    if (spec.type === 'Link' && !extra.some((set) => set[0] === field)) sets.push([field]);
  }
  return [...sets, ...extra];
}

/** Creates every table (no secondary indexes: see createIndexes). */
export function createTables(db: Db): void {
  for (const doctype of Object.keys(DOCTYPES) as Doctype[]) {
    const cols = [...columnsOf(doctype)].map(([field, spec]) => columnSql(field, spec));
    db.exec(`CREATE TABLE IF NOT EXISTS ${tableOf(doctype)} (${cols.join(', ')})`);
  }
  db.exec(`
    CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS series (prefix TEXT PRIMARY KEY, current INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS events (
      id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, type TEXT NOT NULL DEFAULT 'doc_change', data TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS idempotency (
      scope TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL, status INTEGER NOT NULL,
      body TEXT NOT NULL, created_at INTEGER NOT NULL, PRIMARY KEY (scope, key));
    CREATE TABLE IF NOT EXISTS acs_devices (id TEXT NOT NULL, serial TEXT NOT NULL, profile TEXT NOT NULL, doc TEXT);
    CREATE TABLE IF NOT EXISTS acs_mesh_serials (serial TEXT NOT NULL, device_id TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS acs_tasks (
      id TEXT PRIMARY KEY, device TEXT NOT NULL, name TEXT NOT NULL, object_name TEXT, timestamp TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS auth_users (
      pk INTEGER PRIMARY KEY AUTOINCREMENT, uid TEXT NOT NULL UNIQUE, username TEXT NOT NULL UNIQUE,
      email TEXT NOT NULL UNIQUE COLLATE NOCASE, name TEXT NOT NULL, groups TEXT NOT NULL,
      is_active INTEGER NOT NULL, created TEXT NOT NULL, last_login TEXT, password_hash TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS traccar_devices (
      id INTEGER PRIMARY KEY, name TEXT NOT NULL, unique_id TEXT NOT NULL, technician TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS net_elements (
      id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, parent TEXT, zone TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS net_onts (serial TEXT PRIMARY KEY, pon TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS net_monitors (monitor_id INTEGER PRIMARY KEY, element TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS incidents (
      id TEXT PRIMARY KEY, element TEXT NOT NULL, monitor_id INTEGER NOT NULL, monitor_name TEXT NOT NULL,
      status TEXT NOT NULL, opened_at TEXT NOT NULL, resolved_at TEXT, last_message TEXT NOT NULL,
      affected_count INTEGER NOT NULL, updated_at TEXT NOT NULL);
    -- Who an incident touches, taken when it opens (or reopens): pages read it by range.
    CREATE TABLE IF NOT EXISTS incident_affected (
      incident TEXT NOT NULL, service_location TEXT NOT NULL, customer TEXT NOT NULL, pon TEXT NOT NULL,
      PRIMARY KEY (incident, service_location));
    CREATE TABLE IF NOT EXISTS incident_changes (
      id INTEGER PRIMARY KEY AUTOINCREMENT, incident TEXT NOT NULL, at TEXT NOT NULL, kind TEXT NOT NULL,
      monitor_status INTEGER NOT NULL, message TEXT NOT NULL);
    -- The hub's SMS (Twilio Message resources): the idempotency key is unique, so the same key can
    -- never send twice, even from two hub processes sharing this file (the insert is the lock).
    CREATE TABLE IF NOT EXISTS sms_messages (
      seq INTEGER PRIMARY KEY AUTOINCREMENT, sid TEXT NOT NULL UNIQUE, idempotency_key TEXT UNIQUE, fingerprint TEXT,
      customer TEXT, direction TEXT NOT NULL, from_number TEXT NOT NULL, to_number TEXT NOT NULL, body TEXT NOT NULL,
      status TEXT NOT NULL, error_code INTEGER, segments INTEGER NOT NULL, encoding TEXT NOT NULL,
      sent_by_email TEXT, sent_by_name TEXT, template TEXT, job TEXT, date_created TEXT NOT NULL, date_updated TEXT NOT NULL);
    -- A thread page: one customer's messages, newest first (GET /messages?customer=).
    CREATE INDEX IF NOT EXISTS sms_messages_thread ON sms_messages (customer, date_created, seq);
    -- Which customer an inbound reply belongs to: the last one texted at that number.
    CREATE INDEX IF NOT EXISTS sms_messages_to ON sms_messages (to_number, seq);
    CREATE TABLE IF NOT EXISTS sms_opt_state (number TEXT PRIMARY KEY, opted_out INTEGER NOT NULL, since TEXT NOT NULL, keyword TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS mail_outbox (
      id INTEGER PRIMARY KEY AUTOINCREMENT, to_addr TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL,
      status TEXT NOT NULL, created_at TEXT NOT NULL);
  `);
}

/**
 * Text columns searched with `like '%…%'`: each doctype here gets a trigram FTS5 index over
 * them, so a contains-search reads the index instead of scanning the table.
 */
export const SEARCH_COLUMNS: Partial<Record<Doctype, readonly string[]>> = {
  Customer: ['customer_name', 'mobile_no', 'custom_phone_digits', 'email_id'],
  'Service Location': ['address_line', 'city', 'postal_code'],
  'Service Equipment': ['serial_no', 'mac_address', 'model'],
};

/** The FTS table of a doctype's search columns. */
export function searchTableOf(doctype: Doctype): string {
  return q(`fts_${doctype}`);
}

function createSearchIndexes(db: Db): void {
  for (const [doctype, cols] of Object.entries(SEARCH_COLUMNS) as [Doctype, readonly string[]][]) {
    const fts = searchTableOf(doctype);
    const table = tableOf(doctype);
    const list = cols.map(q).join(', ');
    const values = (row: 'new' | 'old') => cols.map((c) => `${row}.${q(c)}`).join(', ');
    const trigger = (suffix: string) => q(`tab${doctype}_fts_${suffix}`);
    db.exec(`
      CREATE VIRTUAL TABLE IF NOT EXISTS ${fts} USING fts5(${list}, content=${q(`tab${doctype}`)}, content_rowid='rowid', tokenize='trigram');
      INSERT INTO ${fts}(${fts}) VALUES ('rebuild');
      CREATE TRIGGER IF NOT EXISTS ${trigger('ai')} AFTER INSERT ON ${table} BEGIN
        INSERT INTO ${fts}(rowid, ${list}) VALUES (new.rowid, ${values('new')});
      END;
      CREATE TRIGGER IF NOT EXISTS ${trigger('ad')} AFTER DELETE ON ${table} BEGIN
        INSERT INTO ${fts}(${fts}, rowid, ${list}) VALUES ('delete', old.rowid, ${values('old')});
      END;
      CREATE TRIGGER IF NOT EXISTS ${trigger('au')} AFTER UPDATE ON ${table} BEGIN
        INSERT INTO ${fts}(${fts}, rowid, ${list}) VALUES ('delete', old.rowid, ${values('old')});
        INSERT INTO ${fts}(rowid, ${list}) VALUES (new.rowid, ${values('new')});
      END;
    `);
  }
}

/** Creates the secondary indexes (after a bulk seed: much faster than indexing row by row). */
export function createIndexes(db: Db): void {
  db.exec(`
    CREATE UNIQUE INDEX IF NOT EXISTS acs_devices_id ON acs_devices (id);
    CREATE UNIQUE INDEX IF NOT EXISTS acs_devices_serial ON acs_devices (serial);
    CREATE UNIQUE INDEX IF NOT EXISTS acs_mesh_serials_serial ON acs_mesh_serials (serial);
    CREATE INDEX IF NOT EXISTS net_onts_pon ON net_onts (pon);
    CREATE INDEX IF NOT EXISTS net_elements_parent ON net_elements (parent);
    CREATE INDEX IF NOT EXISTS incidents_element ON incidents (element, status);
    CREATE INDEX IF NOT EXISTS incident_changes_incident ON incident_changes (incident);
  `);
  for (const doctype of Object.keys(DOCTYPES) as Doctype[]) {
    const table = `tab${doctype}`;
    for (const [field, spec] of Object.entries(DOCTYPES[doctype].fields) as [string, FieldSpec][]) {
      if (spec.unique) db.exec(`CREATE UNIQUE INDEX IF NOT EXISTS ${q(`${table}_${field}_uniq`)} ON ${q(table)} (${q(field)})`);
    }
    for (const set of indexSets(doctype)) {
      db.exec(`CREATE INDEX IF NOT EXISTS ${q(`${table}_${set.join('_')}`)} ON ${q(table)} (${set.map(q).join(', ')})`);
    }
  }
  createSearchIndexes(db);
}

/** Drops everything (a reseed starts from nothing). */
export function dropAll(db: Db): void {
  const list = (virtual: boolean) =>
    (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND (sql LIKE 'CREATE VIRTUAL%') = ?`).all(virtual ? 1 : 0) as { name: string }[]).map((r) => r.name);
  // Virtual tables first: dropping one drops its shadow tables.
  for (const name of list(true)) db.exec(`DROP TABLE IF EXISTS ${q(name)}`);
  for (const name of list(false)) db.exec(`DROP TABLE IF EXISTS ${q(name)}`);
}
