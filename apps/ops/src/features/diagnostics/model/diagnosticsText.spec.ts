import { describe, expect, it } from 'vitest';
import { textKit } from '../testing/textKit';
import { findingText, formatDbm, formatSignalDbm, formatSpeed, formatUptime } from './diagnosticsText';

const fr = textKit('fr-CA');
const en = textKit('en-CA');

describe('finding texts', () => {
  it('reads as the issue words them, in French', () => {
    expect(findingText(fr, { code: 'optical-weak', severity: 'critical', params: { rx: -28.4, interface: 'GPON' } })).toBe(
      'Signal optique faible : probable connecteur sale ou fibre pliée (-28,40 dBm)',
    );
    expect(findingText(fr, { code: 'optical-overload', severity: 'critical', params: { rx: -6.5 } })).toBe('Signal optique trop fort : atténuateur manquant (-6,50 dBm)');
    expect(findingText(fr, { code: 'offline', severity: 'critical', params: { seconds: 3 * 3600 + 600 } })).toBe('Appareil hors ligne depuis 3 h');
    expect(findingText(fr, { code: 'wan-down', severity: 'critical', params: { names: 'eth0' } })).toBe('Port WAN hors service (eth0)');
    expect(findingText(fr, { code: 'wifi-weak-clients', severity: 'warning', params: { count: 2, total: 7 } })).toBe('Wi-Fi : clients au signal faible (2 sur 7)');
    expect(findingText(fr, { code: 'all-normal', severity: 'ok', params: {} })).toBe('Tout est normal');
  });

  it('has English too', () => {
    expect(findingText(en, { code: 'optical-weak', severity: 'critical', params: { rx: -28.4 } })).toBe(
      'Weak optical signal: likely a dirty connector or a bent fibre (-28.40 dBm)',
    );
    expect(findingText(en, { code: 'offline', severity: 'critical', params: { seconds: 3 * 86400 } })).toBe('Device offline for 3 d');
  });
});

describe('numbers', () => {
  it('formats dBm with two decimals in each language', () => {
    expect(formatDbm(fr, -27.04)).toBe('-27,04 dBm');
    expect(formatDbm(en, -27.04)).toBe('-27.04 dBm');
    expect(formatDbm(fr, null)).toBe('—');
    expect(formatSignalDbm(fr, -66)).toBe('-66 dBm');
  });

  it('formats line speeds in Mbit/s or Gbit/s', () => {
    expect(formatSpeed(fr, 100)).toBe('100 Mbit/s');
    expect(formatSpeed(fr, 1000)).toBe('1 Gbit/s');
    expect(formatSpeed(fr, 2488)).toBe('2,5 Gbit/s');
    expect(formatSpeed(fr, 9953)).toBe('10 Gbit/s');
    expect(formatSpeed(fr, 866.7)).toBe('867 Mbit/s');
    expect(formatSpeed(fr, null)).toBe('—');
    expect(formatSpeed(fr, -1)).toBe('—');
  });

  it('humanises an uptime in French', () => {
    expect(formatUptime(fr, 3 * 86400 + 4 * 3600 + 600)).toBe('3 j 4 h');
    expect(formatUptime(fr, 4 * 3600 + 12 * 60)).toBe('4 h 12 min');
    expect(formatUptime(fr, 30)).toBe('moins d’une minute');
  });
});
