// Who is on the other end of a request. The console's server (scripts/serve.ts) makes the right-most
// X-Forwarded-For entry the socket's peer; entries left of it are believed only as far as trusted proxies
// (CROSSING_TRUSTED_PROXIES) vouch for them, since anything else a client sends is its own invention.
import net from 'node:net';

export type TrustedProxies = net.BlockList;

/** `::ffff:10.0.0.1` (an IPv4 peer of a dual-stack socket) is 10.0.0.1; anything that is not an address is undefined. */
export function normalizeAddress(value: string | undefined): string | undefined {
  const address = value?.trim().replace(/^\[(.*)\]$/, '$1');
  if (!address || !net.isIP(address)) return undefined;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1] : address.toLowerCase();
}

/** Comma-separated CIDRs (or single addresses), IPv4 and IPv6; throws naming the first one that is not. */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const list = new net.BlockList();
  for (const entry of (value ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const [rawAddress, prefix, ...rest] = entry.split('/');
    const address = normalizeAddress(rawAddress);
    const type = address && net.isIPv6(address) ? 'ipv6' : 'ipv4';
    const bits = prefix === undefined ? (type === 'ipv6' ? 128 : 32) : Number(prefix);
    if (!address || rest.length || !/^\d*$/.test(prefix ?? '') || !Number.isInteger(bits) || bits < 0 || bits > (type === 'ipv6' ? 128 : 32)) {
      throw new Error(`"${entry}" is not an IP address or CIDR (e.g. 10.0.0.0/8 or fd00::/8)`);
    }
    list.addSubnet(address, bits, type);
  }
  return list;
}

export function isTrustedProxy(address: string | undefined, trusted: TrustedProxies): boolean {
  const normal = normalizeAddress(address);
  return !!normal && trusted.check(normal, net.isIPv6(normal) ? 'ipv6' : 'ipv4');
}

function forwardedList(forwardedFor: string | null | undefined): string[] {
  return (forwardedFor ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/**
 * The client's address from X-Forwarded-For as scripts/serve.ts leaves it: the right-most entry that is not a
 * trusted proxy. Undefined when there is none usable (the request did not come through the console's server).
 */
export function clientAddress(forwardedFor: string | null | undefined, trusted: TrustedProxies): string | undefined {
  const hops = forwardedList(forwardedFor);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(hops[i]);
    // A hop a trusted proxy wrote that is not an address: stop believing what is left of it.
    if (!hop) return normalizeAddress(hops[i + 1]);
    if (!isTrustedProxy(hop, trusted)) return hop;
  }
  // Every hop is a trusted proxy: the left-most is as close to the client as anyone can tell.
  return normalizeAddress(hops[0]);
}

/** Whether the request reached the console's server from a trusted proxy (so its X-Forwarded-Host/-Proto count). */
export function fromTrustedProxy(forwardedFor: string | null | undefined, trusted: TrustedProxies): boolean {
  return isTrustedProxy(forwardedList(forwardedFor).at(-1), trusted);
}

/**
 * The X-Forwarded-For the console's server passes on: a trusted proxy's list with the peer appended, or the peer
 * alone (a client's own list is dropped, so it cannot choose the address its sign-in failures count against).
 */
export function forwardedForFromPeer(peer: string | undefined, received: string | undefined, trusted: TrustedProxies): string {
  const address = normalizeAddress(peer) ?? 'unknown';
  return isTrustedProxy(address, trusted) && received?.trim() ? `${received}, ${address}` : address;
}
