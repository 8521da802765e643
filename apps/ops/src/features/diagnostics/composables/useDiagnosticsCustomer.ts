// Whose device this is, for the header, the reboot confirmation and the ticket summary: the
// customer the link came with, else ERPNext's Service Equipment for the serial (asked at the same
// time as the hub, so it never delays the panel), else for the device the hub resolved it to (a
// mesh node's serial resolves to its router).
import { ref, shallowRef, watch, type Ref } from 'vue';
import type { DeviceLookup } from '@gigafibre/contracts';
import { customerForSerials, customerName, type EquipmentCustomer } from '../api/diagnosticsApi';

export type CustomerStatus = 'idle' | 'loading' | 'found' | 'unknown';

export function useDiagnosticsCustomer(serial: Ref<string>, customerId: Ref<string>, lookup: Ref<DeviceLookup | undefined>) {
  const customer = shallowRef<EquipmentCustomer | null>(null);
  const status = ref<CustomerStatus>('idle');
  let generation = 0;

  async function resolve(find: () => Promise<EquipmentCustomer | null>): Promise<void> {
    const mine = ++generation;
    status.value = 'loading';
    // ERPNext being unreachable must not hide the diagnosis: the customer is just unknown.
    const found = await find().catch(() => null);
    if (mine !== generation) return;
    customer.value = found;
    status.value = found ? 'found' : 'unknown';
  }

  watch(
    [serial, customerId],
    ([s, id]) => {
      customer.value = null;
      if (id) void resolve(async () => ({ id, name: (await customerName(id)) ?? id }));
      else if (s) void resolve(() => customerForSerials([s]));
      else status.value = 'idle';
    },
    { immediate: true },
  );

  watch(
    () => lookup.value?.device.serial,
    (resolved) => {
      if (!resolved || customerId.value || status.value !== 'unknown') return;
      if (resolved.toUpperCase() === serial.value.trim().toUpperCase()) return;
      void resolve(() => customerForSerials([resolved]));
    },
  );

  return { customer, status };
}
