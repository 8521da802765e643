import { LIST_LIMITS } from '@gigafibre/capabilities';
import { describe, expect, it } from 'vitest';
import { parseListRequest, withFilters } from './listRequest';

const params = (p: Record<string, string>) => new URLSearchParams(p);

describe('parseListRequest', () => {
  it('names every column a list touches', () => {
    const request = parseListRequest(
      'list',
      'Customer',
      params({
        fields: '["name","customer_name as n","count(email_id) as e","count(*) as c"]',
        filters: '{"territory":"Laval"}',
        or_filters: '[["mobile_no","like","514%"]]',
        order_by: 'customer_name asc, creation desc',
        group_by: 'language',
        limit_page_length: '50',
      }),
    );
    expect([...request.columns].sort()).toEqual(['creation', 'customer_name', 'email_id', 'language', 'mobile_no', 'name', 'territory']);
    expect(request).toMatchObject({ star: false, pageLength: 50 });
    expect(parseListRequest('list', 'Customer', params({ fields: '["*"]' })).star).toBe(true);
  });

  it('defaults to Frappe’s 20 rows and accepts `limit` on /api/resource only', () => {
    expect(parseListRequest('list', 'Customer', params({})).pageLength).toBe(20);
    expect(parseListRequest('list', 'Customer', params({ limit: '7' })).pageLength).toBe(7);
    expect(() => parseListRequest('get_list', 'Customer', params({ doctype: 'Customer', limit: '7' }))).toThrow(expect.objectContaining({ status: 400 }));
    expect(parseListRequest('get_count', 'Customer', params({ doctype: 'Customer', filters: '[]' })).pageLength).toBe(0);
  });

  it.each(['0', '', String(LIST_LIMITS.maxPage + 1), '-1', '1e2', '20 ', 'all'])('refuses a page of %j', (value) => {
    expect(() => parseListRequest('list', 'Customer', params({ limit_page_length: value }))).toThrow(expect.objectContaining({ status: 400 }));
  });

  it.each(['expand', 'debug', 'as_dict', 'run_method', 'page_length', 'start', 'parent'])('refuses the parameter %s', (name) => {
    expect(() => parseListRequest('list', 'Customer', params({ [name]: '1' }))).toThrow(expect.objectContaining({ status: 400, details: expect.objectContaining({ param: name }) }));
  });

  it('refuses a repeated parameter and get_count’s or_filters', () => {
    expect(() => parseListRequest('list', 'Customer', new URLSearchParams('fields=["name"]&fields=["email_id"]'))).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => parseListRequest('get_count', 'Customer', params({ doctype: 'Customer', or_filters: '[]' }))).toThrow(expect.objectContaining({ status: 400 }));
  });

  it.each([
    ['fields', '["(select 1)"]'],
    ['fields', '["`tabUser`.`name`"]'],
    ['fields', '["sum(*)"]'],
    ['fields', '[]'],
    ['fields', '"name"'],
    ['order_by', 'name; drop table x'],
    ['order_by', 'rand()'],
    ['group_by', 'name, territory'],
    ['limit_start', '-5'],
  ])('refuses %s=%s', (name, value) => {
    expect(() => parseListRequest('list', 'Customer', params({ [name]: value }))).toThrow(expect.objectContaining({ status: 400 }));
  });
});

describe('withFilters', () => {
  it('replaces filters with the list given, keeps the rest', () => {
    const request = parseListRequest('list', 'Customer', params({ fields: '["name"]', filters: '{"territory":"Laval"}', limit_page_length: '5' }));
    const sent = new URLSearchParams(withFilters(request, [...request.filters, ['name', 'in', ['A']]]));
    expect(JSON.parse(sent.get('filters') ?? '')).toEqual([
      ['territory', '=', 'Laval'],
      ['name', 'in', ['A']],
    ]);
    expect(sent.get('fields')).toBe('["name"]');
    expect(sent.get('limit_page_length')).toBe('5');
  });
});
