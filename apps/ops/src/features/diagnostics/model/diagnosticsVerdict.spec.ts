import { describe, expect, it } from 'vitest';
import type { MeshNode, OpticalStatus } from '@gigafibre/contracts';
import { makeLookup, NOW } from '../testing/makeLookup';
import { diagnose, sortFindings, worstSeverity, type Finding } from './diagnosticsVerdict';

const optical = (rxPowerDbm: number | null): OpticalStatus[] => [{ interface: 'GPON', rxPowerDbm, txPowerDbm: 2.3, status: 'unknown' }];
const codes = (findings: Finding[]) => findings.map((f) => f.code);

describe('diagnose', () => {
  it('says all is normal for a healthy, online device', () => {
    const findings = diagnose(makeLookup(), NOW);
    expect(findings).toEqual([{ code: 'all-normal', severity: 'ok', params: {} }]);
    expect(worstSeverity(findings)).toBe('ok');
  });

  it.each([
    [-8, []],
    [-25, []],
    [-27, ['optical-marginal']],
    [-7.99, ['optical-overload']],
    [-27.01, ['optical-weak']],
    [-28.4, ['optical-weak']],
    [-26.2, ['optical-marginal']],
    [-6.5, ['optical-overload']],
    [-40, ['optical-no-light']],
    [null, ['optical-no-reading']],
  ] as const)('reads Rx %s dBm as %j', (rx, expected) => {
    const found = codes(diagnose(makeLookup({ opticalStatus: optical(rx) }), NOW)).filter((c) => c !== 'all-normal');
    expect(found).toEqual(expected);
  });

  it('judges the level itself, not the hub’s band label', () => {
    const lookup = makeLookup({ opticalStatus: [{ interface: 'GPON', rxPowerDbm: -28.4, txPowerDbm: 2, status: 'good' }] });
    expect(diagnose(lookup, NOW)[0]).toMatchObject({ code: 'optical-weak', severity: 'critical', params: { rx: -28.4, interface: 'GPON' } });
  });

  it('does not divide the hub’s dBm again, and reads raw thousandths once', () => {
    expect(diagnose(makeLookup({ opticalStatus: optical(-28.4) }), NOW)[0]?.params.rx).toBe(-28.4);
    expect(diagnose(makeLookup({ opticalStatus: optical(-28400) }), NOW)[0]?.params.rx).toBeCloseTo(-28.4, 6);
  });

  it('says how long an offline device has been silent, as the headline', () => {
    const lookup = makeLookup({
      device: { online: false, lastInform: new Date(NOW - 3 * 3600_000 - 4 * 60_000).toISOString(), uptimeSeconds: null },
      opticalStatus: optical(-28.4),
    });
    const findings = diagnose(lookup, NOW);
    expect(codes(findings)).toEqual(['offline', 'optical-weak']);
    expect(findings[0]?.params.seconds).toBe(3 * 3600 + 4 * 60);
  });

  it('never reports a negative silence when the browser clock is behind', () => {
    const lookup = makeLookup({ device: { online: false, lastInform: new Date(NOW + 60_000).toISOString() } });
    expect(diagnose(lookup, NOW)[0]?.params.seconds).toBe(0);
  });

  it('reports a WAN port down unless a dark fibre already explains it', () => {
    const wanDown = makeLookup({ interfaces: [{ name: 'eth0', kind: 'wan', status: 'down', speedMbps: null, ipAddress: null }], opticalStatus: [] });
    expect(diagnose(wanDown, NOW)[0]).toMatchObject({ code: 'wan-down', severity: 'critical', params: { names: 'eth0' } });

    const dark = makeLookup({ interfaces: [{ name: 'GPON', kind: 'wan', status: 'down', speedMbps: null, ipAddress: null }], opticalStatus: optical(-40) });
    expect(codes(diagnose(dark, NOW))).toEqual(['optical-no-light']);
  });

  it('flags Wi-Fi clients with a weak signal, counting them', () => {
    const lookup = makeLookup({
      wifi: {
        clients: [
          { mac: '02:00:00:00:00:01', hostName: 'PS5', band: '2.4GHz', signalDbm: -80, rxRateMbps: 6, txRateMbps: 6 },
          { mac: '02:00:00:00:00:02', hostName: null, band: '5GHz', signalDbm: -72, rxRateMbps: 200, txRateMbps: 200 },
          { mac: '02:00:00:00:00:03', hostName: null, band: '5GHz', signalDbm: null, rxRateMbps: null, txRateMbps: null },
        ],
      },
    });
    expect(diagnose(lookup, NOW)).toEqual([{ code: 'wifi-weak-clients', severity: 'warning', params: { count: 1, total: 3 } }]);
  });

  it('flags mesh nodes that are offline or on a weak wireless backhaul, not the router itself', () => {
    const nodes: MeshNode[] = [
      { id: 'r', name: 'Deco X55', serial: 'R', model: 'Deco X55', parentId: null, backhaul: null, qualityPercent: null, online: true },
      { id: 'a', name: 'Deco X20', serial: 'A', model: 'Deco X20', parentId: 'r', backhaul: 'wireless', qualityPercent: 35, online: true },
      { id: 'b', name: 'Deco X20 (sous-sol)', serial: 'B', model: 'Deco X20', parentId: 'r', backhaul: 'wired', qualityPercent: null, online: false },
      { id: 'c', name: 'Deco X20', serial: 'C', model: 'Deco X20', parentId: 'r', backhaul: 'wireless', qualityPercent: 78, online: true },
    ];
    const findings = diagnose(makeLookup({ mesh: { nodes } }), NOW);
    expect(findings).toEqual([
      { code: 'mesh-node-offline', severity: 'warning', params: { name: 'Deco X20 (sous-sol)', serial: 'B' } },
      { code: 'mesh-backhaul-weak', severity: 'warning', params: { name: 'Deco X20', quality: 35 } },
    ]);
  });

  it('orders several findings worst first, whatever order the rules ran in', () => {
    const lookup = makeLookup({
      device: { online: false, lastInform: new Date(NOW - 7200_000).toISOString() },
      interfaces: [{ name: 'GPON', kind: 'wan', status: 'down', speedMbps: null, ipAddress: null }],
      opticalStatus: optical(-26),
      wifi: { clients: [{ mac: '02:00:00:00:00:01', hostName: 'PS5', band: '2.4GHz', signalDbm: -85, rxRateMbps: 6, txRateMbps: 6 }] },
    });
    expect(codes(diagnose(lookup, NOW))).toEqual(['offline', 'wan-down', 'optical-marginal', 'wifi-weak-clients']);
  });

  it('sorts by severity before rule order', () => {
    const findings: Finding[] = [
      { code: 'optical-marginal', severity: 'warning', params: {} },
      { code: 'all-normal', severity: 'ok', params: {} },
      { code: 'wan-down', severity: 'critical', params: {} },
    ];
    expect(codes(sortFindings(findings))).toEqual(['wan-down', 'optical-marginal', 'all-normal']);
    expect(worstSeverity(findings)).toBe('critical');
  });
});
