// The group map the BFF enforces (`OPS_GROUP_MAP_FILE` in production, else the default), read from
// `/ops/api/config`: the users screen must describe and offer the groups that really apply.
import { shallowRef, type ShallowRef } from 'vue';
import { DEFAULT_GROUP_MAP, parseGroupMap, type GroupMap } from '@gigafibre/capabilities';
import { getGroupMap } from '../api';

const current = shallowRef<GroupMap>(DEFAULT_GROUP_MAP);
let loading: Promise<void> | undefined;

/** Loads the BFF's map once; until then (and if it cannot be read) the default map is shown. */
export function loadGroupMap(): Promise<void> {
  loading ??= getGroupMap()
    .then((raw) => {
      current.value = parseGroupMap(raw);
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
