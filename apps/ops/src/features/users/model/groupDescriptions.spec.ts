import { describe, expect, it } from 'vitest';
import { CAPABILITIES, DEFAULT_GROUP_MAP, DEFAULT_GROUPS, type Capability } from '@gigafibre/capabilities';
import { i18n, setLocale } from '@/i18n';
import { capabilityLabel } from '@/i18n/labels';
import { AUTHENTIK_SUPERUSER_GROUP, describeGroup, groupSummary, offeredGroups } from './groupDescriptions';

const LABELS: Record<Capability, string> = {
  'dispatch.view': 'Consulter la répartition',
  'dispatch.assign': 'Assigner et planifier les interventions',
  'clients.view': 'Consulter les dossiers clients',
  'clients.edit': 'Modifier les dossiers clients',
  'diagnostics.view': 'Consulter les diagnostics',
  'diagnostics.act': 'Agir sur les appareils (rafraîchir, redémarrer)',
  'scan.use': 'Scanner l’équipement sur le terrain',
  'tickets.view': 'Consulter les billets',
  'tickets.work': 'Traiter les billets (statut, affectation, réponses)',
  'visits.book': 'Planifier une visite de technicien',
  'users.manage': 'Gérer les utilisateurs',
  'messages.send': 'Texter les clients (SMS)',
  'incidents.view': 'Suivre les pannes du réseau',
  'incidents.notify': 'Aviser par texto les clients touchés par une panne',
};
const FR = { capabilityLabel: (c: Capability) => LABELS[c], everything: 'Tout', nothing: 'Rien', locale: 'fr-CA' };

describe('describeGroup', () => {
  it('lists what each default group grants, in canonical order', () => {
    expect(describeGroup('ops-dispatch')).toEqual({
      group: 'ops-dispatch',
      capabilities: ['dispatch.view', 'dispatch.assign', 'clients.view', 'diagnostics.view', 'tickets.view', 'visits.book', 'messages.send', 'incidents.view'],
      everything: false,
    });
    expect(describeGroup('ops-tech').capabilities).toEqual(['diagnostics.view', 'scan.use']);
    expect(describeGroup('ops-admin')).toMatchObject({ capabilities: [...CAPABILITIES], everything: true });
  });

  it('grants nothing for a group the map does not know, and follows a custom map', () => {
    expect(describeGroup('gitea-users')).toEqual({ group: 'gitea-users', capabilities: [], everything: false });
    expect(describeGroup('lecteurs', { lecteurs: ['clients.view', 'dispatch.view'] }).capabilities).toEqual(['dispatch.view', 'clients.view']);
  });
});

describe('groupSummary', () => {
  it('says in one French sentence what a group allows', () => {
    expect(groupSummary(describeGroup('ops-dispatch'), FR)).toBe(
      'Consulter la répartition, assigner et planifier les interventions, consulter les dossiers clients, consulter les diagnostics, consulter les billets, planifier une visite de technicien, texter les clients (SMS) et suivre les pannes du réseau',
    );
    expect(groupSummary(describeGroup('ops-tech'), FR)).toBe('Consulter les diagnostics et scanner l’équipement sur le terrain');
  });

  it('says « everything » for admin groups and « nothing » for unknown ones', () => {
    expect(groupSummary(describeGroup('ops-admin'), FR)).toBe('Tout');
    expect(groupSummary(describeGroup('authentik Admins'), FR)).toBe('Tout');
    expect(groupSummary(describeGroup('gitea-users'), FR)).toBe('Rien');
  });

  it('uses the app’s capability labels in both languages', async () => {
    const words = (locale: 'fr-CA' | 'en-CA') => ({ capabilityLabel, everything: 'x', nothing: 'y', locale });
    try {
      await setLocale('fr-CA', false);
      expect(groupSummary(describeGroup('ops-support'), words('fr-CA'))).toBe(
        'Consulter la répartition, consulter les dossiers clients, modifier les dossiers clients, consulter les diagnostics, agir sur les appareils (rafraîchir, redémarrer), consulter les billets, traiter les billets (statut, affectation, réponses), planifier une visite de technicien, texter les clients (SMS) et suivre les pannes du réseau',
      );
      await setLocale('en-CA', false);
      expect(groupSummary(describeGroup('ops-tech'), words('en-CA'))).toBe('View diagnostics and scan equipment in the field');
    } finally {
      await setLocale('fr-CA', false);
    }
    expect(i18n.global.locale.value).toBe('fr-CA');
  });
});

describe('offeredGroups', () => {
  it('offers every default group but Authentik’s superuser group', () => {
    expect(offeredGroups()).toEqual(DEFAULT_GROUPS.filter((g) => g !== AUTHENTIK_SUPERUSER_GROUP));
    expect(offeredGroups()).toEqual(['ops-admin', 'ops-dispatch', 'ops-support', 'ops-tech', 'ops-noc']);
    expect(Object.keys(DEFAULT_GROUP_MAP)).toContain(AUTHENTIK_SUPERUSER_GROUP);
  });

  it('keeps the groups a user already holds, so editing never drops one', () => {
    expect(offeredGroups(['authentik Admins', 'ops-tech', 'gitea-users'])).toEqual(['ops-admin', 'ops-dispatch', 'ops-support', 'ops-tech', 'ops-noc', 'authentik Admins', 'gitea-users']);
  });
});
