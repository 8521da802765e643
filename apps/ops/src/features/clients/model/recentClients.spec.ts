// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { clearRecentClients, MAX_RECENT_CLIENTS, readRecentClients, rememberRecentClient } from './recentClients';

beforeEach(() => localStorage.clear());

describe('recent clients', () => {
  it('keeps the newest first, once each, per user', () => {
    rememberRecentClient('support@gigafibre.ca', { id: 'CUST-00001', name: 'Josée Tremblay' }, 1);
    rememberRecentClient('support@gigafibre.ca', { id: 'CUST-00002', name: 'Marc-André Gagnon' }, 2);
    rememberRecentClient('SUPPORT@gigafibre.ca', { id: 'CUST-00001', name: 'Josée Tremblay' }, 3);
    expect(readRecentClients('support@gigafibre.ca').map((r) => [r.id, r.at])).toEqual([
      ['CUST-00001', 3],
      ['CUST-00002', 2],
    ]);
    expect(readRecentClients('dispatch@gigafibre.ca')).toEqual([]);
    clearRecentClients('support@gigafibre.ca');
    expect(readRecentClients('support@gigafibre.ca')).toEqual([]);
  });

  it('keeps only the last few', () => {
    for (let i = 0; i < MAX_RECENT_CLIENTS + 3; i++) rememberRecentClient('a@b.c', { id: `CUST-${i}`, name: `Client ${i}` }, i);
    const list = readRecentClients('a@b.c');
    expect(list).toHaveLength(MAX_RECENT_CLIENTS);
    expect(list[0]?.id).toBe(`CUST-${MAX_RECENT_CLIENTS + 2}`);
  });

  it('survives damaged storage', () => {
    localStorage.setItem('ops.clients.recent.v1.a@b.c', '{oops');
    expect(readRecentClients('a@b.c')).toEqual([]);
    localStorage.setItem('ops.clients.recent.v1.a@b.c', JSON.stringify([{ id: 'CUST-1' }, { id: 'CUST-2', name: 'Ok', at: 1 }]));
    expect(readRecentClients('a@b.c').map((r) => r.id)).toEqual(['CUST-2']);
  });
});
