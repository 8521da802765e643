// The group map the BFF enforces (`OPS_GROUP_MAP_FILE` in production, else the default), read from
// `/ops/api/config`: the users screen must describe and offer the groups that really apply.
import { shallowRef, type ShallowRef } from 'vue';
import { DEFAULT_GROUP_MAP, isCapability, type Capability, type GroupMap } from '@gigafibre/capabilities';
import { getGroupMap } from '../api/usersApi';

const current = shallowRef<GroupMap>(DEFAULT_GROUP_MAP);
let loading: Promise<void> | undefined;

/**
 * The BFF validated the map at start; this only guards the shape. Not `parseGroupMap`: its zod
 * would land in the shell chunk with the rest of @gigafibre/capabilities (first-load budget).
 */
function readGroupMap(raw: unknown): GroupMap {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new TypeError('groups: not a map');
  const map: Record<string, Capability[]> = {};
  for (const [group, capabilities] of Object.entries(raw)) {
    if (!Array.isArray(capabilities)) throw new TypeError(`groups.${group}: not a list`);
    map[group] = capabilities.filter(isCapability);
  }
  return map;
}

/** Loads the BFF's map once; until then (and if it cannot be read) the default map is shown. */
export function loadGroupMap(): Promise<void> {
  loading ??= getGroupMap()
    .then((raw) => {
      current.value = readGroupMap(raw);
    })
    .catch(() => {
      loading = undefined; // try again next time the screen opens
    });
  return loading;
}

export function useGroupMap(): Readonly<ShallowRef<GroupMap>> {
  void loadGroupMap();
  return current;
}

/** Tests only: back to the default map, nothing loaded. */
export function resetGroupMap(): void {
  current.value = DEFAULT_GROUP_MAP;
  loading = undefined;
}
