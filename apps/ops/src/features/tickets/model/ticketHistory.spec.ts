// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { buildTicketHistory, personName } from './ticketHistory';

const names = new Map([
  ['support@gigafibre.ca', 'Nadia Bouchard'],
  ['sophie.martel@gigafibre.ca', 'Sophie Martel'],
]);

describe('buildTicketHistory', () => {
  const data = {
    communications: [
      { name: 'c1', creation: '2026-11-18 09:10:00.000000', owner: 'sophie.martel@gigafibre.ca', sender: 'sophie.martel@gigafibre.ca', sender_full_name: 'Sophie Martel', sent_or_received: 'Sent' as const, subject: 'Re: x', content: '<p>Bonjour &amp; merci</p>', communication_medium: 'Email' as const },
      { name: 'c0', creation: '2026-11-18 09:00:00.000000', owner: 'Administrator', sender: 'client@courriel.ca', sender_full_name: 'Josée Tremblay', sent_or_received: 'Received' as const, subject: 'x', content: 'Ça ne marche pas', communication_medium: 'Email' as const },
    ],
    comments: [
      { name: 'm1', creation: '2026-11-18 09:05:00.000000', owner: 'support@gigafibre.ca', comment_type: 'Comment' as const, comment_email: 'support@gigafibre.ca', comment_by: 'support@gigafibre.ca', content: '<p>Client rappelé</p>' },
      { name: 'm2', creation: '2026-11-18 09:06:00.000000', owner: 'support@gigafibre.ca', comment_type: 'Like' as const, comment_email: 'support@gigafibre.ca', comment_by: null, content: null },
    ],
    versions: [
      { name: 'v1', creation: '2026-11-18 09:20:00.000000', owner: 'support@gigafibre.ca', data: JSON.stringify({ changed: [['status', 'Open', 'Replied'], ['modified', 'a', 'b'], ['agreement_status', 'x', 'y']] }) },
      { name: 'v2', creation: '2026-11-18 09:21:00.000000', owner: 'support@gigafibre.ca', data: '{not json' },
    ],
  };

  it('merges replies, messages, notes and field changes, newest first, with names', () => {
    const entries = buildTicketHistory(data, names);
    expect(entries.map((e) => [e.kind, e.who])).toEqual([
      ['change', 'Nadia Bouchard'],
      ['reply', 'Sophie Martel'],
      ['note', 'Nadia Bouchard'],
      ['received', 'Josée Tremblay'],
    ]);
    expect(entries[0]?.changes).toEqual([{ field: 'status', from: 'Open', to: 'Replied' }]);
    expect(entries[1]?.text).toBe('Bonjour & merci');
  });

  it('never shows an e-mail when a name is known, and says « Administrateur » for the API user', () => {
    expect(personName('support@gigafibre.ca', names)).toBe('Nadia Bouchard');
    expect(personName('Administrator', names)).toBe('Administrateur');
    expect(personName(null, names, '—')).toBe('—');
  });
});
