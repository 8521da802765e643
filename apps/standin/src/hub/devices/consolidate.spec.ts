import { describe, expect, it } from 'vitest';
import { consolidate, rcpiToQuality } from './consolidate';
import { buildAcsDoc, paramValue } from './genieacs-doc';
import { acsDeviceId, acsEscape, type DeviceProfile } from './profile';

const NOW = new Date('2026-06-15T14:30:00Z');

function profile(overrides: Partial<DeviceProfile> = {}): DeviceProfile {
  return {
    id: acsDeviceId('E848B8', 'XX230v', '2241508020002'),
    serial: '2241508020002',
    mac: 'E8:48:B8:20:00:02',
    oui: 'E848B8',
    manufacturer: 'TP-Link',
    productClass: 'XX230v',
    firmware: '1.2.6',
    hardwareVersion: 'XX230v 1.0',
    role: 'ont-router',
    rxMilli: -26200,
    txMilli: 2100,
    ponMbps: 2488,
    informs: true,
    informIntervalSec: 120,
    lastInform: new Date(NOW.getTime() - 60_000).toISOString(),
    bootedAt: new Date(NOW.getTime() - 86_400_000).toISOString(),
    wanIp: '198.51.100.7',
    lanPorts: 4,
    lanPortsUp: 1,
    wifi: { ssid: 'Gagnon-1A2B', channel24: 6, channel5: 44, clientSeed: 42, clientCount: 5 },
    mesh: [
      { serial: '2239921030061', mac: 'E8:48:B8:30:00:61', model: 'Deco X20', backhaul: 'wired', rcpi: 0, online: true },
      { serial: '2239921030062', mac: 'E8:48:B8:30:00:62', model: 'Deco X20', backhaul: 'wireless', rcpi: 102, online: true },
    ],
    ...overrides,
  };
}

describe('GenieACS ids', () => {
  it('escapes everything but alphanumerics and _', () => {
    expect(acsEscape('G-010G-Q')).toBe('G%2D010G%2DQ');
    expect(acsEscape('Deco X55')).toBe('Deco%20X55');
    expect(acsDeviceId('A4E31B', 'G-010G-Q', 'ALCLB2C4D601')).toBe('A4E31B-G%2D010G%2DQ-ALCLB2C4D601');
  });
});

describe('consolidate', () => {
  const doc = buildAcsDoc(profile(), new Date(NOW.getTime() - 60_000));

  it('keeps GenieACS shapes in the document (TR-181 paths, thousandths of a dBm)', () => {
    const rx = doc.Device as Record<string, unknown>;
    expect(rx.Optical).toBeDefined();
    expect(paramValue(doc, 'Device.Optical.Interface.1.OpticalSignalLevel')).toBe(-26200);
    expect(paramValue(doc, 'Device.DeviceInfo.SerialNumber')).toBe('2241508020002');
  });

  it('reports identity and liveness (online under 5 minutes, uptime extrapolated)', () => {
    const out = consolidate(doc, NOW);
    expect(out.device).toMatchObject({ serial: '2241508020002', model: 'XX230v', manufacturer: 'TP-Link', online: true, mac: 'E8:48:B8:20:00:02' });
    expect(out.device.uptimeSeconds).toBe(86_400);
    // The last inform was a minute before NOW: online until it is 5 minutes old.
    expect(consolidate(doc, new Date(NOW.getTime() + 3 * 60_000 + 59_000)).device.online).toBe(true);
    const late = consolidate(doc, new Date(NOW.getTime() + 4 * 60_000)).device;
    expect(late.online).toBe(false);
    expect(late.uptimeSeconds).toBeNull();
  });

  it('converts optical levels to dBm with their band', () => {
    expect(consolidate(doc, NOW).opticalStatus).toEqual([{ interface: 'GPON', rxPowerDbm: -26.2, txPowerDbm: 2.1, status: 'marginal' }]);
    const none = consolidate(buildAcsDoc(profile({ rxMilli: null }), NOW), NOW);
    expect(none.opticalStatus[0]).toMatchObject({ rxPowerDbm: null, status: 'unknown' });
    expect(none.interfaces.find((i) => i.kind === 'wan')).toMatchObject({ status: 'up' }); // no reading ≠ PON down
  });

  it('lists interfaces: PON as WAN, LAN ports with speeds', () => {
    const ifaces = consolidate(doc, NOW).interfaces;
    expect(ifaces[0]).toEqual({ name: 'GPON', kind: 'wan', status: 'up', speedMbps: 2488, ipAddress: null });
    expect(ifaces.filter((i) => i.kind === 'lan')).toHaveLength(4);
    expect(ifaces.filter((i) => i.kind === 'lan' && i.status === 'up')).toHaveLength(1);
  });

  it('groups SSIDs per band and reads associated stations (kbps → Mbps)', () => {
    const { radios, clients } = consolidate(doc, NOW).wifi;
    expect(radios.map((r) => [r.band, r.channel])).toEqual([['2.4GHz', 6], ['5GHz', 44]]);
    expect(radios[0]?.ssids).toEqual([{ ssid: 'Gagnon-1A2B', enabled: true }, { ssid: 'Gagnon-1A2B-Invités', enabled: false }]);
    expect(clients).toHaveLength(5);
    for (const c of clients) {
      expect(c.signalDbm).toBeLessThan(0);
      expect(c.hostName).not.toBeNull();
      expect(c.txRateMbps).toBeGreaterThan(0);
    }
  });

  it('builds the mesh tree with backhaul kind and quality', () => {
    const nodes = consolidate(doc, NOW).mesh.nodes;
    expect(nodes.map((n) => [n.serial, n.parentId, n.backhaul, n.qualityPercent])).toEqual([
      ['2241508020002', null, null, null],
      ['2239921030061', 'E8:48:B8:20:00:02', 'wired', null],
      ['2239921030062', 'E8:48:B8:20:00:02', 'wireless', 78],
    ]);
    expect(rcpiToQuality(40)).toBe(0);
    expect(rcpiToQuality(120)).toBe(100);
    expect(rcpiToQuality(null)).toBeNull();
  });

  it('an ONT without Wi-Fi has no radios and no mesh; a router has no optics', () => {
    const ont = consolidate(buildAcsDoc(profile({ role: 'ont', wifi: null, mesh: [], wanIp: null, lanPorts: 1 }), NOW), NOW);
    expect(ont.wifi.radios).toEqual([]);
    expect(ont.mesh.nodes).toEqual([]);
    const router = consolidate(buildAcsDoc(profile({ role: 'router', rxMilli: null, mesh: [] }), NOW), NOW);
    expect(router.opticalStatus).toEqual([]);
    expect(router.interfaces.find((i) => i.kind === 'wan')?.ipAddress).toBe('198.51.100.7');
  });
});
