import { describe, expect, it } from 'vitest';
import { makeLookup, NOW } from '../testing/makeLookup';
import { textKit } from '../testing/textKit';
import { diagnose } from './diagnosticsVerdict';
import { buildDiagnosticsSummary } from './diagnosticsSummary';

describe('plain-text summary', () => {
  it('puts who, what, the verdict and the figures on separate lines, in French', () => {
    const lookup = makeLookup({ opticalStatus: [{ interface: 'GPON', rxPowerDbm: -28.4, txPowerDbm: 2.31, status: 'bad' }] });
    const text = buildDiagnosticsSummary(textKit('fr-CA'), {
      lookup,
      findings: diagnose(lookup, NOW),
      customer: { id: 'CUST-00001', name: 'Josée Tremblay' },
      now: NOW,
    });
    expect(text.split('\n')).toEqual([
      'Diagnostic Gigafibre du 26 nov. 2025, 14 h 05',
      'Client : Josée Tremblay (CUST-00001)',
      'Appareil : TP-Link XX230v, n° de série 2241508020002, MAC E8:48:B8:20:00:02, micrologiciel 1.2.6 Build 20240318',
      'État : en ligne, dernier contact 26 nov. 2025, 14 h 04, en service depuis 3 j 4 h',
      'Verdict : Signal optique faible : probable connecteur sale ou fibre pliée (-28,40 dBm)',
      'Optique GPON : réception -28,40 dBm (Faible), émission 2,31 dBm',
      'Interfaces : GPON (WAN) Actif 2,5 Gbit/s ; LAN1 (LAN) Actif 1 Gbit/s ; LAN2 (LAN) Hors service',
      'Wi-Fi : 2,4 GHz canal 6 (Tremblay) ; 5 GHz canal 36 (Tremblay) ; 2 appareil(s) connecté(s), dont 0 au signal faible',
    ]);
  });

  it('says when the device is offline and lists every other finding', () => {
    const lookup = makeLookup({
      device: { online: false, uptimeSeconds: null, lastInform: new Date(NOW - 3 * 3600_000).toISOString() },
      opticalStatus: [{ interface: 'GPON', rxPowerDbm: -26.2, txPowerDbm: 2.1, status: 'marginal' }],
      mesh: {
        nodes: [
          { id: 'r', name: 'Deco X55', serial: 'R', model: 'Deco X55', parentId: null, backhaul: null, qualityPercent: null, online: false },
          { id: 'a', name: '<b>Salon</b>', serial: 'A', model: 'Deco X20', parentId: 'r', backhaul: 'wireless', qualityPercent: 78, online: false },
        ],
      },
    });
    const text = buildDiagnosticsSummary(textKit('fr-CA'), { lookup, findings: diagnose(lookup, NOW), customer: null, now: NOW });
    expect(text).toContain('Client : non trouvé dans ERPNext');
    expect(text).toContain('État : HORS LIGNE depuis 3 h (dernier contact 26 nov. 2025, 11 h 05)');
    expect(text).toContain('Verdict : Appareil hors ligne depuis 3 h');
    expect(text).toContain('- Signal optique limite : nettoyer les connecteurs à la prochaine visite (-26,20 dBm)');
    expect(text).toContain('- Nœud de maillage <b>Salon</b> hors ligne');
    expect(text).toContain('Maillage : <b>Salon</b> : Sans fil 78 %, Hors ligne');
  });
});
