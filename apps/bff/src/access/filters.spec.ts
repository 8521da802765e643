import { describe, expect, it } from 'vitest';
import { parseFilters, pinnedValues } from './filters';

const parse = (value: unknown, doctype = 'Customer') => parseFilters('filters', JSON.stringify(value), doctype);

describe('parseFilters', () => {
  it('reads every form Frappe accepts into one list of 3-tuples', () => {
    expect(parse([['name', '=', 'A']])).toEqual([['name', '=', 'A']]);
    expect(parse([['Customer', 'name', 'IN', ['A', 'B']]])).toEqual([['name', 'in', ['A', 'B']]]);
    expect(parse({ name: 'A', territory: ['like', 'Mont%'] })).toEqual([
      ['name', '=', 'A'],
      ['territory', 'like', 'Mont%'],
    ]);
    expect(parse([['disabled', '=', true], ['mobile_no', 'is', 'set'], ['name', '=', null]])).toHaveLength(3);
  });

  it.each([
    ['another doctype in a 4-tuple', [['User', 'name', '=', 'x']]],
    ['a 5-tuple', [['Customer', 'name', '=', 'x', 'y']]],
    ['a 2-tuple', [['name', 'x']]],
    ['a dict in the list', [{ name: 'x' }]],
    ['a dotted field', [['customer.email_id', '=', 'x']]],
    ['a back-quoted field', [['`name`', '=', 'x']]],
    ['an unknown operator', [['name', 'regexp', 'x']]],
    ['an object value', [['name', '=', { a: 1 }]]],
    ['nested lists', [['name', 'in', [['x']]]]],
    ['a dict with a 3-element value', { name: ['in', ['x'], 'y'] }],
    ['a number', 3],
    ['too many conditions', Array.from({ length: 51 }, () => ['name', '=', 'x'])],
    ['too many values', [['name', 'in', Array.from({ length: 1001 }, (_, i) => `C${i}`)]]],
  ])('refuses %s with 400', (_name, value) => {
    expect(() => parse(value)).toThrow(expect.objectContaining({ status: 400, code: 'bad_query' }));
  });

  it('refuses text that is not JSON', () => {
    expect(() => parseFilters('filters', 'name=x', 'Customer')).toThrow(expect.objectContaining({ status: 400 }));
  });
});

describe('pinnedValues', () => {
  it('intersects every = and in on the field, ignores the rest', () => {
    const conditions = parse([
      ['name', 'in', ['A', 'B', 'C']],
      ['name', '=', 'B'],
      ['name', 'like', '%'],
      ['territory', '=', 'Laval'],
    ]);
    expect(pinnedValues(conditions, 'name')).toEqual(new Set(['B']));
    expect(pinnedValues(conditions, 'customer_name')).toBeUndefined();
    expect(pinnedValues(parse([['name', 'in', 'A, B']]), 'name')).toEqual(new Set(['A', 'B']));
    expect(pinnedValues(parse([['name', '!=', 'A']]), 'name')).toBeUndefined();
  });
});
