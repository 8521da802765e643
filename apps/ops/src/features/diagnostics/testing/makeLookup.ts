// Test data: a healthy DeviceLookup (ONT + router in one, online, good optical level) that each
// spec bends to the case it checks. Never imported by the app.
import type { DeviceIdentity, DeviceInterface, DeviceLookup, OpticalStatus } from '@gigafibre/contracts';

export interface LookupPatch {
  device?: Partial<DeviceIdentity>;
  interfaces?: DeviceInterface[];
  wifi?: Partial<DeviceLookup['wifi']>;
  mesh?: Partial<DeviceLookup['mesh']>;
  opticalStatus?: OpticalStatus[];
}

export const NOW = Date.parse('2025-11-26T19:05:00Z');

export function makeLookup(patch: LookupPatch = {}): DeviceLookup {
  const base: DeviceLookup = {
    device: {
      id: 'E848B8-XX230v-2241508020002',
      serial: '2241508020002',
      mac: 'E8:48:B8:20:00:02',
      manufacturer: 'TP-Link',
      oui: 'E848B8',
      productClass: 'XX230v',
      model: 'XX230v',
      firmware: '1.2.6 Build 20240318',
      hardwareVersion: 'XX230v 1.0',
      uptimeSeconds: 3 * 86400 + 4 * 3600,
      lastInform: new Date(NOW - 60_000).toISOString(),
      online: true,
    },
    interfaces: [
      { name: 'GPON', kind: 'wan', status: 'up', speedMbps: 2488, ipAddress: null },
      { name: 'LAN1', kind: 'lan', status: 'up', speedMbps: 1000, ipAddress: null },
      { name: 'LAN2', kind: 'lan', status: 'down', speedMbps: null, ipAddress: null },
    ],
    wifi: {
      radios: [
        { band: '2.4GHz', channel: 6, ssids: [{ ssid: 'Tremblay', enabled: true }, { ssid: 'Tremblay-Invités', enabled: false }] },
        { band: '5GHz', channel: 36, ssids: [{ ssid: 'Tremblay', enabled: true }] },
      ],
      clients: [
        { mac: '02:AA:BB:CC:DD:01', hostName: 'iPhone', band: '5GHz', signalDbm: -48, rxRateMbps: 433.3, txRateMbps: 866.7 },
        { mac: '02:AA:BB:CC:DD:02', hostName: 'Roku-Salon', band: '2.4GHz', signalDbm: -66, rxRateMbps: 72.2, txRateMbps: 65 },
      ],
    },
    mesh: { nodes: [] },
    opticalStatus: [{ interface: 'GPON', rxPowerDbm: -17.85, txPowerDbm: 2.31, status: 'good' }],
  };
  return {
    device: { ...base.device, ...patch.device },
    interfaces: patch.interfaces ?? base.interfaces,
    wifi: { ...base.wifi, ...patch.wifi },
    mesh: { ...base.mesh, ...patch.mesh },
    opticalStatus: patch.opticalStatus ?? base.opticalStatus,
  };
}
