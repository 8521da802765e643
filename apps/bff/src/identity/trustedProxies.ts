import { BlockList, isIP } from 'node:net';

/** The peers allowed to vouch for a user through `X-Authentik-*` headers (the edge proxies). */
export interface TrustedProxies {
  /** The CIDR entries as configured, normalised (`10.0.0.0/8`, `::1/128`). */
  readonly entries: readonly string[];
  /** True when the socket peer `address` lies inside one of the entries. */
  contains(address: string | undefined): boolean;
}

/**
 * Parses `TRUSTED_PROXIES` (comma-separated CIDRs or bare addresses, IPv4 and IPv6).
 * Throws an Error naming the first bad entry.
 */
export function parseTrustedProxies(text: string | undefined): TrustedProxies {
  const list = new BlockList();
  const entries: string[] = [];
  for (const raw of (text ?? '').split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const [address = '', prefixText, extra] = entry.split('/');
    const family = isIP(address);
    const maxPrefix = family === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? maxPrefix : Number(prefixText);
    if (family === 0 || extra !== undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > maxPrefix || prefixText === '') {
      throw new Error(`« ${entry} » n’est pas une adresse IP ou un CIDR valide (not a valid IP address or CIDR)`);
    }
    list.addSubnet(address, prefix, family === 4 ? 'ipv4' : 'ipv6');
    entries.push(`${address}/${prefix}`);
  }
  return {
    entries,
    contains(peer) {
      if (!peer || entries.length === 0) return false;
      const address = unmapIPv4(peer);
      const family = isIP(address);
      if (family === 0) return false;
      return list.check(address, family === 4 ? 'ipv4' : 'ipv6');
    },
  };
}

/** `::ffff:10.0.0.1` (how a dual-stack socket reports an IPv4 peer) → `10.0.0.1`. */
export function unmapIPv4(address: string): string {
  if (address.length > 7 && address.slice(0, 7).toLowerCase() === '::ffff:' && isIP(address.slice(7)) === 4) {
    return address.slice(7);
  }
  return address;
}
