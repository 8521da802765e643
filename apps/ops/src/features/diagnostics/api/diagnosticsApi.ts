// The diagnostics feature's calls: the hub's device lookup and tasks, and the ERPNext reads that
// name the customer an equipment belongs to.
import type { DeviceLookup, DeviceTaskName, DeviceTaskResult } from '@gigafibre/contracts';
import { erpList, hubGet, hubPost } from '@/shared/http';

/** The hub consolidates GenieACS and the OLT; past this a CSR is better told it is slow. */
export const LOOKUP_TIMEOUT_MS = 8_000;

/** Serials the hub accepts (it answers 400 otherwise): checked before asking it. */
export const SERIAL_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{3,63}$/;

/** `GET /devices/lookup?serial=X`; failures are shown by the page, so no global toast. */
export function lookupDevice(serial: string, signal?: AbortSignal): Promise<DeviceLookup> {
  return hubGet('/devices/lookup', { serial }, { timeoutMs: LOOKUP_TIMEOUT_MS, signal });
}

/**
 * `POST /devices/<id>/tasks?connection_request`: 200 done, 202 queued (the device did not answer
 * the connection request). GenieACS ids are themselves percent-encoded (`G%2D010G%2DQ`): the id is
 * encoded once more for the path, and the BFF and hub decode it exactly once.
 */
export function runDeviceTask(deviceId: string, name: DeviceTaskName): Promise<DeviceTaskResult> {
  return hubPost(`/devices/${encodeURIComponent(deviceId)}/tasks`, { name }, { query: { connection_request: '' } });
}

export interface EquipmentCustomer {
  /** Customer id (`CUST-00001`). */
  id: string;
  name: string;
}

/** The customer's display name, or null when ERPNext has no such customer. */
export async function customerName(id: string, signal?: AbortSignal): Promise<string | null> {
  const rows = await erpList('Customer', { fields: ['name', 'customer_name'], filters: [['name', '=', id]], limit: 1, signal, cacheMs: 60_000 });
  return rows[0]?.customer_name ?? null;
}

/**
 * Whose equipment this is: the first of `serials` (as typed, then the device the hub resolved it
 * to) that ERPNext's Service Equipment links to a customer; null when none does.
 */
export async function customerForSerials(serials: readonly string[], signal?: AbortSignal): Promise<EquipmentCustomer | null> {
  const wanted = [...new Set(serials.map((s) => s.trim().toUpperCase()).filter(Boolean))];
  if (wanted.length === 0) return null;
  const rows = await erpList('Service Equipment', {
    fields: ['serial_no', 'customer'],
    filters: [['serial_no', 'in', wanted]],
    limit: wanted.length,
    signal,
    cacheMs: 60_000,
  });
  const match = wanted.map((s) => rows.find((r) => r.serial_no?.toUpperCase() === s && r.customer)).find(Boolean);
  if (!match?.customer) return null;
  return { id: match.customer, name: (await customerName(match.customer, signal)) ?? match.customer };
}
