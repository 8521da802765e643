import { describe, expect, it } from 'vitest';
import { HttpError } from '../errors';
import { normalizePath } from './normalizePath';

function reason(url: string): unknown {
  try {
    normalizePath(url);
  } catch (err) {
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).status).toBe(400);
    return (err as HttpError).details.reason;
  }
  return 'accepted';
}

describe('normalizePath', () => {
  it('decodes segments once and keeps the raw path and query', () => {
    expect(normalizePath('/ops/api/erp/resource/Dispatch%20Job/DJ-%C3%89?fields=%5B%22name%22%5D')).toEqual({
      raw: '/ops/api/erp/resource/Dispatch%20Job/DJ-%C3%89',
      segments: ['ops', 'api', 'erp', 'resource', 'Dispatch Job', 'DJ-É'],
      trailingSlash: false,
      search: '?fields=%5B%22name%22%5D',
    });
  });

  it('allows a trailing slash but says so, and the root', () => {
    expect(normalizePath('/ops/')).toMatchObject({ segments: ['ops'], trailingSlash: true });
    expect(normalizePath('/')).toMatchObject({ segments: [], trailingSlash: false });
  });

  it('accepts a GenieACS device id, itself percent-encoded, encoded once more', () => {
    const id = 'A4E31B-G%2D010G%2DQ-ALCL12345678';
    const path = normalizePath(`/ops/api/hub/devices/${encodeURIComponent(id)}/tasks`);
    expect(path.segments).toEqual(['ops', 'api', 'hub', 'devices', id, 'tasks']);
  });

  it('keeps percent signs in the query (Frappe "like" filters)', () => {
    expect(normalizePath('/ops/api/erp/resource/Customer?filters=%5B%5B%22customer_name%22%2C%22like%22%2C%22%25a%25%22%5D%5D').search).toContain('%25a%25');
  });

  it.each([
    ['/a/../b', 'dot_segment'],
    ['/a/./b', 'dot_segment'],
    ['/a/%2e%2e/b', 'dot_segment'],
    ['/a/.%2E/b', 'dot_segment'],
    ['/a/%2F/b', 'encoded_separator'],
    ['/a/%2f', 'encoded_separator'],
    ['/a/%5C', 'encoded_separator'],
    ['/a/%255C', 'encoded_separator'],
    ['/a/%252e%252e', 'encoded_separator'],
    ['/a/%252F', 'encoded_separator'],
    ['/a/%25252F', 'encoded_separator'],
    ['/a/%2500', 'encoded_separator'],
    ['/a/%25zz', 'encoded_separator'],
    ['/a/%25', 'encoded_separator'],
    ['/a/%00', 'encoded_separator'],
    ['/a/%0A', 'encoded_separator'],
    ['/a/%7F', 'encoded_separator'],
    ['/a\\b', 'backslash'],
    ['/a//b', 'empty_segment'],
    ['//a', 'empty_segment'],
    ['/a/%zz', 'bad_encoding'],
    ['/a/%C3', 'bad_encoding'],
    ['/a/\u0000', 'raw_character'],
    ['/a/é', 'raw_character'],
    ['/a/b c', 'raw_character'],
    ['/a#b', 'raw_character'],
    ['a/b', 'not_absolute'],
    ['/a?x=%00', 'query_character'],
    [`/${'a'.repeat(2048)}`, 'too_long'],
    [`${'/a'.repeat(33)}`, 'too_many_segments'],
  ])('%s → %s', (url, expected) => {
    expect(reason(url)).toBe(expected);
  });
});
