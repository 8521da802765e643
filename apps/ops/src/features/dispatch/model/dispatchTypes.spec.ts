import { describe, expect, it } from 'vitest';
import { traccarDevice } from './dispatchTypes';

describe('traccarDevice', () => {
  it('reads Frappe’s Int, never null: 0 (unset) is no device', () => {
    expect(traccarDevice({ traccar_device_id: 102 })).toBe(102);
    expect(traccarDevice({ traccar_device_id: 0 })).toBeNull();
  });
});
