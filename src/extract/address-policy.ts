import ipaddr from 'ipaddr.js';

/**
 * Which network addresses a link may lead to. Only global unicast addresses are allowed
 * by default: loopback, private (RFC 1918), carrier-grade NAT, link-local (with the
 * cloud metadata address 169.254.169.254), unique-local IPv6 and every other special
 * range are refused. IPv4-mapped IPv6 addresses are judged as the IPv4 address they carry.
 */
export interface AddressPolicy {
  /** Addresses or CIDR ranges allowed although private, e.g. "127.0.0.1" for tests. Empty by default. */
  allowPrivate: readonly string[];
}

/** `range` names the refused range for a sentence, with its article: "a loopback address". */
export type AddressVerdict = { allowed: true } | { allowed: false; range: string };

const rangeNames: Record<string, string> = {
  loopback: 'a loopback address',
  private: 'a private-network address (RFC 1918)',
  linkLocal: 'a link-local address (the range of the cloud metadata service)',
  carrierGradeNat: 'a carrier-grade NAT address',
  uniqueLocal: 'a private IPv6 address (fc00::/7)',
  unspecified: 'the unspecified address',
  broadcast: 'a broadcast address',
  multicast: 'a multicast address',
};

export function judgeAddress(address: string, policy: AddressPolicy): AddressVerdict {
  if (!ipaddr.isValid(address)) return { allowed: false, range: 'not an IP address' };
  const parsed = unmapped(ipaddr.parse(address));
  if (policy.allowPrivate.some((entry) => matches(parsed, entry))) return { allowed: true };
  const range = parsed.range();
  return range === 'unicast' ? { allowed: true } : { allowed: false, range: rangeNames[range] ?? `a special-purpose address (${range})` };
}

function unmapped(address: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  return address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() ? (address as ipaddr.IPv6).toIPv4Address() : address;
}

function matches(address: ipaddr.IPv4 | ipaddr.IPv6, entry: string): boolean {
  try {
    const [network, bits] = entry.includes('/') ? ipaddr.parseCIDR(entry) : [ipaddr.parse(entry), entry.includes(':') ? 128 : 32];
    const base = unmapped(network);
    return base.kind() === address.kind() && address.match(base, base.kind() === 'ipv4' ? Math.min(bits, 32) : bits);
  } catch {
    return false;
  }
}

/** Checks an allow-list once, so a typo is reported at start-up rather than ignored at fetch time. */
export function invalidAllowEntries(entries: readonly string[]): string[] {
  return entries.filter((entry) => !(ipaddr.isValid(entry) || ipaddr.isValidCIDR(entry)));
}
