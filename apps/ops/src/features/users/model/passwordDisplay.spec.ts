import { describe, expect, it } from 'vitest';
import { charKind, passwordChunks } from './passwordDisplay';

describe('passwordChunks', () => {
  it('groups by four, the last group shorter if need be', () => {
    expect(passwordChunks('ABCDEFGHJKMN')).toEqual(['ABCD', 'EFGH', 'JKMN']);
    expect(passwordChunks('ABCDEFGHJK')).toEqual(['ABCD', 'EFGH', 'JK']);
    expect(passwordChunks('')).toEqual([]);
    expect(passwordChunks('abcdef', 3)).toEqual(['abc', 'def']);
  });

  it('joins back to the password', () => {
    expect(passwordChunks('Xy7Pq2Rs9Tu4').join('')).toBe('Xy7Pq2Rs9Tu4');
  });
});

describe('charKind', () => {
  it('tells letters of each case from digits', () => {
    expect(['A', 'z', '7', '-', 'É'].map(charKind)).toEqual(['upper', 'lower', 'digit', 'other', 'upper']);
  });
});
