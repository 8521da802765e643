import { describe, expect, it } from 'vitest';
import { benchNames } from './lib/benchFiles';
import { SMOKED_BENCHES } from './smokeList';

describe('bench smoke list', () => {
  it('smokes every bench of bench/, and nothing else (a new bench cannot be forgotten)', () => {
    expect(Object.keys(SMOKED_BENCHES).sort()).toEqual(benchNames());
  });
});
