// The verdict: explicit rules over the hub's DeviceLookup → findings, worst first. The first one
// is the headline a CSR reads to the customer; wording lives in i18n (`diagnostics.finding.*`).
import type { DeviceLookup } from '@gigafibre/contracts';
import { asDbm, opticalReading } from './opticalBand';
import { backhaulQuality, wifiSignalQuality } from './signalQuality';

export type Severity = 'critical' | 'warning' | 'ok';

/** Every finding the rules can make, in the order they rank within a severity. */
export const FINDING_CODES = [
  'offline',
  'optical-no-light',
  'optical-weak',
  'optical-overload',
  'wan-down',
  'optical-marginal',
  'mesh-node-offline',
  'mesh-backhaul-weak',
  'wifi-weak-clients',
  'optical-no-reading',
  'all-normal',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** Values a finding's message needs: numbers stay numbers (formatted per language when shown). */
export type FindingParams = Record<string, string | number>;

export interface Finding {
  code: FindingCode;
  severity: Severity;
  params: FindingParams;
}

const SEVERITY_RANK: Record<Severity, number> = { critical: 0, warning: 1, ok: 2 };

function rank(finding: Finding): [number, number] {
  return [SEVERITY_RANK[finding.severity], FINDING_CODES.indexOf(finding.code)];
}

/** Sorts worst first: severity, then the rule order above. Stable for equal ranks. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => {
    const [sa, ca] = rank(a);
    const [sb, cb] = rank(b);
    return sa - sb || ca - cb;
  });
}

function opticalFindings(lookup: DeviceLookup): Finding[] {
  return lookup.opticalStatus.flatMap((optical): Finding[] => {
    const rx = asDbm(optical.rxPowerDbm);
    const base = { interface: optical.interface };
    switch (opticalReading(rx)) {
      case 'no-light':
        return [{ code: 'optical-no-light', severity: 'critical', params: { ...base, rx: rx as number } }];
      case 'weak':
        return [{ code: 'optical-weak', severity: 'critical', params: { ...base, rx: rx as number } }];
      case 'overload':
        return [{ code: 'optical-overload', severity: 'critical', params: { ...base, rx: rx as number } }];
      case 'marginal':
        return [{ code: 'optical-marginal', severity: 'warning', params: { ...base, rx: rx as number } }];
      case 'unknown':
        return [{ code: 'optical-no-reading', severity: 'warning', params: base }];
      default:
        return [];
    }
  });
}

function meshFindings(lookup: DeviceLookup): Finding[] {
  const out: Finding[] = [];
  for (const node of lookup.mesh.nodes) {
    // The main router's own liveness is the device's: the "offline" rule covers it.
    if (node.parentId === null) continue;
    if (!node.online) out.push({ code: 'mesh-node-offline', severity: 'warning', params: { name: node.name, serial: node.serial ?? '' } });
    else if (node.backhaul === 'wireless' && backhaulQuality(node.qualityPercent) === 'weak') {
      out.push({ code: 'mesh-backhaul-weak', severity: 'warning', params: { name: node.name, quality: node.qualityPercent ?? 0 } });
    }
  }
  return out;
}

/**
 * The findings for one lookup, worst first; never empty (`all-normal` when nothing is wrong).
 * @param now epoch ms, to say how long an offline device has been silent.
 */
export function diagnose(lookup: DeviceLookup, now: number): Finding[] {
  const findings: Finding[] = [];
  const { device } = lookup;
  // The hub's `online` (last inform under 5 min, by the server's clock) decides; the browser's
  // clock only measures the silence, never below zero.
  if (!device.online) {
    const silentSeconds = Math.max(0, (now - Date.parse(device.lastInform)) / 1000);
    findings.push({ code: 'offline', severity: 'critical', params: { seconds: Number.isFinite(silentSeconds) ? silentSeconds : 0 } });
  }
  findings.push(...opticalFindings(lookup));
  const downWan = lookup.interfaces.filter((i) => i.kind === 'wan' && i.status === 'down');
  // An optical interface with no light is already explained by the optical rule.
  const unexplained = downWan.filter((i) => !findings.some((f) => f.code === 'optical-no-light' && f.params.interface === i.name));
  if (unexplained.length > 0) findings.push({ code: 'wan-down', severity: 'critical', params: { names: unexplained.map((i) => i.name).join(', ') } });
  findings.push(...meshFindings(lookup));
  const weak = lookup.wifi.clients.filter((c) => wifiSignalQuality(c.signalDbm) === 'weak').length;
  if (weak > 0) findings.push({ code: 'wifi-weak-clients', severity: 'warning', params: { count: weak, total: lookup.wifi.clients.length } });
  if (findings.length === 0) findings.push({ code: 'all-normal', severity: 'ok', params: {} });
  return sortFindings(findings);
}

/** The worst severity of a set of findings (what colours the verdict). */
export function worstSeverity(findings: readonly Finding[]): Severity {
  return sortFindings(findings)[0]?.severity ?? 'ok';
}
