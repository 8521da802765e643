// GenieACS-shaped device documents (TR-181 data model, `{_value,_type,_timestamp,_writable}` leaves).
import { wifiClients, type DeviceProfile } from './profile';

export interface AcsParam {
  _value: string | number | boolean;
  _type: string;
  _timestamp: string;
  _writable: boolean;
}

/** A GenieACS object node: `_object`, `_timestamp`, `_writable` and children. */
export type AcsNode = { [key: string]: AcsNode | AcsParam | boolean | string };

export interface AcsDeviceDoc {
  _id: string;
  _deviceId: { _Manufacturer: string; _OUI: string; _ProductClass: string; _SerialNumber: string };
  _lastInform: string;
  _registered: string;
  _tags: string[];
  Device: AcsNode;
}

/** True for a leaf parameter. */
export function isParam(node: unknown): node is AcsParam {
  return typeof node === 'object' && node !== null && '_value' in node;
}

/** Reads a parameter's value by dotted path (`Device.DeviceInfo.UpTime`). */
export function paramValue(doc: AcsDeviceDoc, path: string): string | number | boolean | undefined {
  const node = nodeAt(doc, path);
  return isParam(node) ? node._value : undefined;
}

/** The node at a dotted path. */
export function nodeAt(doc: AcsDeviceDoc, path: string): unknown {
  let node: unknown = doc;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Instance numbers of a multi-instance object (`Device.WiFi.Radio` → ['1','2']). */
export function instances(doc: AcsDeviceDoc, path: string): string[] {
  const node = nodeAt(doc, path);
  if (typeof node !== 'object' || node === null) return [];
  return Object.keys(node)
    .filter((k) => /^\d+$/.test(k))
    .sort((a, b) => Number(a) - Number(b));
}

/** Builds the document a device's profile describes, as last informed at `informAt`. */
export function buildAcsDoc(p: DeviceProfile, informAt: Date): AcsDeviceDoc {
  const ts = informAt.toISOString();
  const v = (value: string | number | boolean, type = typeof value === 'number' ? 'xsd:int' : typeof value === 'boolean' ? 'xsd:boolean' : 'xsd:string', writable = false): AcsParam => ({
    _value: value,
    _type: type,
    _timestamp: ts,
    _writable: writable,
  });
  const obj = (children: Record<string, AcsNode | AcsParam>, writable = false): AcsNode => ({ _object: true, _timestamp: ts, _writable: writable, ...children });
  const uptime = Math.max(0, Math.floor((informAt.getTime() - Date.parse(p.bootedAt)) / 1000));

  const device: Record<string, AcsNode | AcsParam> = {
    DeviceInfo: obj({
      Manufacturer: v(p.manufacturer),
      ManufacturerOUI: v(p.oui),
      ModelName: v(p.productClass),
      ProductClass: v(p.productClass),
      SerialNumber: v(p.serial),
      SoftwareVersion: v(p.firmware),
      HardwareVersion: v(p.hardwareVersion),
      UpTime: v(uptime, 'xsd:unsignedInt'),
    }),
  };
  if (p.role !== 'router') {
    device.Optical = obj({
      Interface: obj({
        '1': obj({
          Name: v(p.ponMbps > 5000 ? 'XGS-PON' : 'GPON'),
          // No reading is the OLT's gap, not a dark fibre: the ONT still informs through its PON.
          Status: v(p.rxMilli !== null && p.rxMilli < -35000 ? 'Down' : 'Up'),
          OpticalSignalLevel: v(p.rxMilli ?? 0, 'xsd:int'),
          TransmitOpticalLevel: v(p.txMilli ?? 0, 'xsd:int'),
          LowerOpticalThreshold: v(-27000, 'xsd:int'),
          UpperOpticalThreshold: v(-8000, 'xsd:int'),
          X_GIGAFIBRE_LineRate: v(p.ponMbps, 'xsd:unsignedInt'),
        }),
      }),
    });
    if (p.rxMilli === null) {
      // The OLT gave no reading: the parameters exist but are empty.
      const iface = ((device.Optical as AcsNode).Interface as AcsNode)['1'] as AcsNode;
      iface.OpticalSignalLevel = v('', 'xsd:int');
      iface.TransmitOpticalLevel = v('', 'xsd:int');
    }
  }
  const eth: Record<string, AcsNode> = {};
  let i = 1;
  if (p.role === 'router') eth[String(i++)] = obj({ Name: v('eth0'), Status: v('Up'), MaxBitRate: v(1000, 'xsd:int'), Upstream: v(true), MACAddress: v(p.mac) });
  for (let port = 0; port < p.lanPorts; port++) {
    eth[String(i++)] = obj({
      Name: v(p.role === 'router' ? `eth${port + 1}` : `LAN${port + 1}`),
      Status: v(port < p.lanPortsUp ? 'Up' : 'Down'),
      MaxBitRate: v(port < p.lanPortsUp ? (p.ponMbps > 5000 ? 10000 : 1000) : -1, 'xsd:int'),
      Upstream: v(false),
      MACAddress: v(p.mac),
    });
  }
  device.Ethernet = obj({ Interface: obj(eth) });
  if (p.wanIp) {
    device.IP = obj({ Interface: obj({ '1': obj({ Name: v('WAN'), Status: v('Up'), IPv4Address: obj({ '1': obj({ IPAddress: v(p.wanIp) }) }) }) }) });
  }
  if (p.wifi) {
    const w = { ...p.wifi, clients: wifiClients(p.wifi.clientSeed, p.wifi.clientCount) };
    const assoc = (band: '2.4GHz' | '5GHz') => {
      const entries: Record<string, AcsNode> = {};
      w.clients
        .filter((c) => c.band === band)
        .forEach((c, k) => {
          entries[String(k + 1)] = obj({
            MACAddress: v(c.mac),
            SignalStrength: v(c.signalDbm, 'xsd:int'),
            LastDataDownlinkRate: v(c.downKbps, 'xsd:unsignedInt'),
            LastDataUplinkRate: v(c.upKbps, 'xsd:unsignedInt'),
            Active: v(true),
          });
        });
      return obj(entries);
    };
    device.WiFi = obj({
      Radio: obj({
        '1': obj({ OperatingFrequencyBand: v('2.4GHz'), Channel: v(w.channel24, 'xsd:unsignedInt', true), Enable: v(true, 'xsd:boolean', true) }),
        '2': obj({ OperatingFrequencyBand: v('5GHz'), Channel: v(w.channel5, 'xsd:unsignedInt', true), Enable: v(true, 'xsd:boolean', true) }),
      }),
      SSID: obj({
        '1': obj({ SSID: v(w.ssid, 'xsd:string', true), Enable: v(true, 'xsd:boolean', true), LowerLayers: v('Device.WiFi.Radio.1') }),
        '2': obj({ SSID: v(w.ssid, 'xsd:string', true), Enable: v(true, 'xsd:boolean', true), LowerLayers: v('Device.WiFi.Radio.2') }),
        '3': obj({ SSID: v(`${w.ssid}-Invités`, 'xsd:string', true), Enable: v(false, 'xsd:boolean', true), LowerLayers: v('Device.WiFi.Radio.1') }),
      }),
      AccessPoint: obj({
        '1': obj({ SSIDReference: v('Device.WiFi.SSID.1'), AssociatedDevice: assoc('2.4GHz') }),
        '2': obj({ SSIDReference: v('Device.WiFi.SSID.2'), AssociatedDevice: assoc('5GHz') }),
      }),
      ...(p.mesh.length > 0 ? { DataElements: obj({ Network: obj({ Device: meshDevices(p, obj, v) }) }) } : {}),
    });
    const hosts: Record<string, AcsNode> = {};
    w.clients.forEach((c, k) => {
      hosts[String(k + 1)] = obj({ PhysAddress: v(c.mac), HostName: v(w.hostNames?.[k] ?? c.hostName), Active: v(true) });
    });
    device.Hosts = obj({ Host: obj(hosts) });
  }
  return {
    _id: p.id,
    _deviceId: { _Manufacturer: p.manufacturer, _OUI: p.oui, _ProductClass: p.productClass, _SerialNumber: p.serial },
    _lastInform: ts,
    _registered: p.bootedAt,
    _tags: [],
    Device: obj(device),
  };
}

type Obj = (children: Record<string, AcsNode | AcsParam>) => AcsNode;
type Val = (value: string | number | boolean, type?: string) => AcsParam;

/** EasyMesh DataElements: the controller (this router) first, then its agents. */
function meshDevices(p: DeviceProfile, obj: Obj, v: Val): AcsNode {
  const nodes: Record<string, AcsNode> = {
    '1': obj({ ID: v(p.mac), SerialNumber: v(p.serial), ManufacturerModel: v(p.productClass), MultiAPDevice: obj({ Backhaul: obj({ LinkType: v('None') }) }) }),
  };
  p.mesh.forEach((m, k) => {
    nodes[String(k + 2)] = obj({
      ID: v(m.mac),
      SerialNumber: v(m.serial),
      ManufacturerModel: v(m.model),
      X_GIGAFIBRE_Online: v(m.online),
      MultiAPDevice: obj({
        Backhaul: obj({
          LinkType: v(m.backhaul === 'wired' ? 'Ethernet' : 'Wi-Fi'),
          BackhaulDeviceID: v(p.mac),
          Stats: obj({ SignalStrength: v(m.backhaul === 'wired' ? 0 : m.rcpi, 'xsd:unsignedInt') }),
        }),
      }),
    });
  });
  return obj(nodes);
}
