import { describe, expect, it } from 'vitest';
import { bodyKindOf, jsonDepth } from './requestBody';

describe('jsonDepth', () => {
  it('measures the deepest nesting of arrays and objects', () => {
    expect(jsonDepth('1')).toBe(0);
    expect(jsonDepth('{"a":1}')).toBe(1);
    expect(jsonDepth('[[["x"]],{"a":{"b":[]}}]')).toBe(4);
    expect(jsonDepth('['.repeat(500) + ']'.repeat(500))).toBe(500);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonDepth('{"a":"[[[[{{{{"}')).toBe(1);
    expect(jsonDepth('{"a":"quote \\" then [[[["}')).toBe(1);
    expect(jsonDepth('["\\\\",[[1]]]')).toBe(3);
  });
});

describe('bodyKindOf', () => {
  it('takes images on the hub’s vision routes, JSON everywhere else', () => {
    expect(bodyKindOf('hub', ['vision', 'equipment'])).toBe('upload');
    expect(bodyKindOf('hub', ['devices'])).toBe('json');
    expect(bodyKindOf('erp', ['api', 'vision'])).toBe('json');
    expect(bodyKindOf('erp', ['api', 'method', 'upload_file'])).toBe('form');
    expect(bodyKindOf('erp', ['api', 'method', 'upload_file', 'x'])).toBe('json');
  });
});
