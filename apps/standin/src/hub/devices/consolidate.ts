// The hub's consolidation: one GenieACS device document → the DeviceLookup the SPA shows.
import type { DeviceInterface, DeviceLookup, MeshNode, OpticalStatus, WifiClient, WifiRadio } from '@gigafibre/contracts';
import { instances, paramValue, type AcsDeviceDoc } from './genieacs-doc';
import { milliDbmToDbm, opticalBand } from './optical';

/** A device is online when it informed less than 5 minutes ago. */
export const ONLINE_WINDOW_MS = 5 * 60 * 1000;

type Band = WifiRadio['band'];

const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const num = (value: unknown): number | null => {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
};
const band = (value: unknown): Band | null => (value === '2.4GHz' || value === '5GHz' || value === '6GHz' ? value : null);

/** TR-181 backhaul RCPI (0–220) → 0–100 quality (−90 dBm → 0, −50 dBm → 100). */
export function rcpiToQuality(rcpi: number | null): number | null {
  if (rcpi === null || rcpi <= 0) return null;
  const dbm = rcpi / 2 - 110;
  return Math.max(0, Math.min(100, Math.round((dbm + 90) * 2.5)));
}

function interfaces(doc: AcsDeviceDoc): DeviceInterface[] {
  const out: DeviceInterface[] = [];
  for (const i of instances(doc, 'Device.Optical.Interface')) {
    const base = `Device.Optical.Interface.${i}`;
    out.push({
      name: str(paramValue(doc, `${base}.Name`)) ?? `PON${i}`,
      kind: 'wan',
      status: paramValue(doc, `${base}.Status`) === 'Up' ? 'up' : 'down',
      speedMbps: num(paramValue(doc, `${base}.X_GIGAFIBRE_LineRate`)),
      ipAddress: null,
    });
  }
  const wanIp = str(paramValue(doc, 'Device.IP.Interface.1.IPv4Address.1.IPAddress'));
  for (const i of instances(doc, 'Device.Ethernet.Interface')) {
    const base = `Device.Ethernet.Interface.${i}`;
    const upstream = paramValue(doc, `${base}.Upstream`) === true;
    const speed = num(paramValue(doc, `${base}.MaxBitRate`));
    out.push({
      name: str(paramValue(doc, `${base}.Name`)) ?? `eth${i}`,
      kind: upstream ? 'wan' : 'lan',
      status: paramValue(doc, `${base}.Status`) === 'Up' ? 'up' : 'down',
      speedMbps: speed !== null && speed > 0 ? speed : null,
      ipAddress: upstream ? wanIp : null,
    });
  }
  return out;
}

function wifi(doc: AcsDeviceDoc): DeviceLookup['wifi'] {
  const radioBand = new Map<string, Band>();
  const radios: WifiRadio[] = [];
  for (const i of instances(doc, 'Device.WiFi.Radio')) {
    const b = band(paramValue(doc, `Device.WiFi.Radio.${i}.OperatingFrequencyBand`));
    if (!b) continue;
    radioBand.set(`Device.WiFi.Radio.${i}`, b);
    radios.push({ band: b, channel: num(paramValue(doc, `Device.WiFi.Radio.${i}.Channel`)), ssids: [] });
  }
  const ssidBand = new Map<string, Band>();
  for (const i of instances(doc, 'Device.WiFi.SSID')) {
    const base = `Device.WiFi.SSID.${i}`;
    const b = radioBand.get(String(paramValue(doc, `${base}.LowerLayers`)));
    const ssid = str(paramValue(doc, `${base}.SSID`));
    if (!b || !ssid) continue;
    ssidBand.set(base, b);
    radios.find((r) => r.band === b)?.ssids.push({ ssid, enabled: paramValue(doc, `${base}.Enable`) === true });
  }
  const hostNames = new Map<string, string>();
  for (const i of instances(doc, 'Device.Hosts.Host')) {
    const mac = str(paramValue(doc, `Device.Hosts.Host.${i}.PhysAddress`));
    const host = str(paramValue(doc, `Device.Hosts.Host.${i}.HostName`));
    if (mac && host) hostNames.set(mac.toUpperCase(), host);
  }
  const clients: WifiClient[] = [];
  for (const ap of instances(doc, 'Device.WiFi.AccessPoint')) {
    const b = ssidBand.get(String(paramValue(doc, `Device.WiFi.AccessPoint.${ap}.SSIDReference`)));
    if (!b) continue;
    for (const k of instances(doc, `Device.WiFi.AccessPoint.${ap}.AssociatedDevice`)) {
      const base = `Device.WiFi.AccessPoint.${ap}.AssociatedDevice.${k}`;
      const mac = str(paramValue(doc, `${base}.MACAddress`));
      if (!mac) continue;
      const down = num(paramValue(doc, `${base}.LastDataDownlinkRate`));
      const up = num(paramValue(doc, `${base}.LastDataUplinkRate`));
      clients.push({
        mac: mac.toUpperCase(),
        hostName: hostNames.get(mac.toUpperCase()) ?? null,
        band: b,
        signalDbm: num(paramValue(doc, `${base}.SignalStrength`)),
        // TR-181 rates are kbps.
        rxRateMbps: up === null ? null : Math.round(up / 100) / 10,
        txRateMbps: down === null ? null : Math.round(down / 100) / 10,
      });
    }
  }
  return { radios, clients };
}

function mesh(doc: AcsDeviceDoc, online: boolean): MeshNode[] {
  const base = 'Device.WiFi.DataElements.Network.Device';
  return instances(doc, base).map((i) => {
    const p = `${base}.${i}`;
    const link = paramValue(doc, `${p}.MultiAPDevice.Backhaul.LinkType`);
    const backhaul = link === 'Ethernet' ? 'wired' : link === 'Wi-Fi' ? 'wireless' : null;
    const reported = paramValue(doc, `${p}.X_GIGAFIBRE_Online`);
    return {
      id: str(paramValue(doc, `${p}.ID`)) ?? `node-${i}`,
      name: str(paramValue(doc, `${p}.ManufacturerModel`)) ?? `Nœud ${i}`,
      serial: str(paramValue(doc, `${p}.SerialNumber`)),
      model: str(paramValue(doc, `${p}.ManufacturerModel`)),
      parentId: backhaul ? str(paramValue(doc, `${p}.MultiAPDevice.Backhaul.BackhaulDeviceID`)) : null,
      backhaul,
      qualityPercent: backhaul === 'wireless' ? rcpiToQuality(num(paramValue(doc, `${p}.MultiAPDevice.Backhaul.Stats.SignalStrength`))) : null,
      online: online && reported !== false,
    };
  });
}

function optical(doc: AcsDeviceDoc): OpticalStatus[] {
  return instances(doc, 'Device.Optical.Interface').map((i) => {
    const base = `Device.Optical.Interface.${i}`;
    const rx = milliDbmToDbm(paramValue(doc, `${base}.OpticalSignalLevel`));
    return {
      interface: str(paramValue(doc, `${base}.Name`)) ?? `PON${i}`,
      rxPowerDbm: rx,
      txPowerDbm: milliDbmToDbm(paramValue(doc, `${base}.TransmitOpticalLevel`)),
      status: opticalBand(rx),
    };
  });
}

/** Consolidates a device document as of `now`. */
export function consolidate(doc: AcsDeviceDoc, now: Date): DeviceLookup {
  const lastInform = Date.parse(doc._lastInform);
  const online = now.getTime() - lastInform < ONLINE_WINDOW_MS;
  const uptimeAtInform = num(paramValue(doc, 'Device.DeviceInfo.UpTime'));
  const macs = instances(doc, 'Device.Ethernet.Interface').map((i) => str(paramValue(doc, `Device.Ethernet.Interface.${i}.MACAddress`)));
  return {
    device: {
      id: doc._id,
      serial: doc._deviceId._SerialNumber,
      mac: macs.find((m) => m !== null) ?? null,
      manufacturer: str(paramValue(doc, 'Device.DeviceInfo.Manufacturer')) ?? doc._deviceId._Manufacturer,
      oui: doc._deviceId._OUI,
      productClass: doc._deviceId._ProductClass,
      model: str(paramValue(doc, 'Device.DeviceInfo.ModelName')) ?? doc._deviceId._ProductClass,
      firmware: str(paramValue(doc, 'Device.DeviceInfo.SoftwareVersion')) ?? '',
      hardwareVersion: str(paramValue(doc, 'Device.DeviceInfo.HardwareVersion')),
      // Uptime only means something while the device is up: extrapolated from the last inform.
      uptimeSeconds: online && uptimeAtInform !== null ? uptimeAtInform + Math.floor((now.getTime() - lastInform) / 1000) : null,
      lastInform: new Date(lastInform).toISOString(),
      online,
    },
    interfaces: interfaces(doc),
    wifi: wifi(doc),
    mesh: { nodes: mesh(doc, online) },
    opticalStatus: optical(doc),
  };
}
