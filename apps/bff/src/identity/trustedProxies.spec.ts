import { describe, expect, it } from 'vitest';
import { parseTrustedProxies, unmapIPv4 } from './trustedProxies';

describe('parseTrustedProxies', () => {
  const list = parseTrustedProxies('10.0.0.0/8, 192.168.1.7, fd00::/8, ::1');

  it('matches IPv4 and IPv6 peers inside the ranges', () => {
    expect(list.contains('10.42.0.3')).toBe(true);
    expect(list.contains('192.168.1.7')).toBe(true);
    expect(list.contains('fd12:3456::1')).toBe(true);
    expect(list.contains('::1')).toBe(true);
  });

  it('matches IPv4-mapped IPv6 peers (dual-stack sockets) against IPv4 ranges', () => {
    expect(list.contains('::ffff:10.1.2.3')).toBe(true);
    expect(list.contains('::FFFF:192.168.1.7')).toBe(true);
    expect(list.contains('::ffff:11.0.0.1')).toBe(false);
  });

  it('rejects everything else', () => {
    expect(list.contains('11.0.0.1')).toBe(false);
    expect(list.contains('192.168.1.8')).toBe(false);
    expect(list.contains('fe80::1')).toBe(false);
    expect(list.contains(undefined)).toBe(false);
    expect(list.contains('not-an-ip')).toBe(false);
  });

  it('trusts nobody when empty', () => {
    expect(parseTrustedProxies('').contains('127.0.0.1')).toBe(false);
    expect(parseTrustedProxies(undefined).entries).toEqual([]);
  });

  it.each(['10.0.0.0/33', '10.0.0.0/', '10.0.0/8', 'fd00::/129', '10.0.0.0/8/1', 'localhost', '10.0.0.0/x'])('refuses %s', (entry) => {
    expect(() => parseTrustedProxies(entry)).toThrow(/n’est pas une adresse IP ou un CIDR valide/);
  });

  it('unmaps only real IPv4-mapped addresses', () => {
    expect(unmapIPv4('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(unmapIPv4('::ffff:abcd')).toBe('::ffff:abcd');
  });
});
