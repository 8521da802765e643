// `column LIKE ?` with the trigram index: on a searched column with three literal characters in a
// row, the FTS5 index narrows the rows first; the plain LIKE stays, so the answer is exactly LIKE's.
import type { Doctype } from '@gigafibre/contracts';
import { q, searchTableOf, SEARCH_COLUMNS } from '../../db/schema';
import type { SqlPart } from './filters';

export function likeSql(doctype: Doctype, field: string, pattern: string): SqlPart {
  const col = q(field);
  const indexed = SEARCH_COLUMNS[doctype]?.includes(field) && /[^%_]{3}/.test(pattern);
  if (!indexed) return { sql: `${col} LIKE ?`, params: [pattern] };
  const fts = searchTableOf(doctype);
  const clause = `(rowid IN (SELECT rowid FROM ${fts} WHERE ${col} LIKE ?) AND ${col} LIKE ?)`;
  return {
    sql: clause,
    params: [pattern, pattern],
    accelerators: [
      {
        clause,
        plain: `(? IS NOT NULL AND ${col} LIKE ?)`,
        probe: { sql: `SELECT 1 FROM ${fts} WHERE ${col} LIKE ?`, params: [pattern] },
      },
    ],
  };
}
