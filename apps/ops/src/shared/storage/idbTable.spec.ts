import { describe, expect, it } from 'vitest';
import { reactive } from 'vue';
import { idbTable } from './idbTable';

interface Row {
  schema: 1;
  key: string;
  tags: string[];
}
const read = (raw: unknown): Row | null => ((raw as Row | null)?.schema === 1 ? (raw as Row) : null);

describe('idbTable', () => {
  it('stores reactive values as plain data, reads back its rows and counts the rows it cannot read', async () => {
    const names = { database: 'idb-table-spec', store: 'rows' };
    const table = idbTable<Row>(names, read);
    const row = reactive<Row>({ schema: 1, key: 'a', tags: ['x'] });
    await table.put('a', row); // a Vue proxy cannot be structured-cloned: this would throw without toRaw
    await idbTable<unknown>(names, (r) => r).put('b', { schema: 2, key: 'b' });
    const again = idbTable<Row>(names, read);
    expect(await again.all()).toEqual({ rows: [{ schema: 1, key: 'a', tags: ['x'] }], unreadable: 1 });
    await again.remove('a');
    expect((await table.all()).rows).toEqual([]);
  });
});
