// Protects: failed sign-ins count against the address the request really came from: a client cannot pick
// another one with X-Forwarded-For, and behind a trusted proxy the client's own address (not the proxy's) counts.
import { describe, expect, it } from 'vitest';
import { clientAddress, forwardedForFromPeer, fromTrustedProxy, normalizeAddress, parseTrustedProxies } from './address';

const none = parseTrustedProxies(undefined);
const proxies = parseTrustedProxies('10.0.0.0/8, 192.168.1.5, fd00::/8');

describe('the X-Forwarded-For the console passes on', () => {
  it('is the peer alone when the peer is not a trusted proxy, whatever the client sent', () => {
    expect(forwardedForFromPeer('203.0.113.9', '1.2.3.4', none)).toBe('203.0.113.9');
    expect(forwardedForFromPeer('203.0.113.9', '1.2.3.4, 10.0.0.1', proxies)).toBe('203.0.113.9');
    expect(forwardedForFromPeer('::ffff:203.0.113.9', undefined, none)).toBe('203.0.113.9');
  });

  it("is a trusted proxy's list with the proxy appended", () => {
    expect(forwardedForFromPeer('10.1.2.3', '198.51.100.7', proxies)).toBe('198.51.100.7, 10.1.2.3');
    expect(forwardedForFromPeer('::ffff:10.1.2.3', '198.51.100.7', proxies)).toBe('198.51.100.7, 10.1.2.3');
    expect(forwardedForFromPeer('10.1.2.3', undefined, proxies)).toBe('10.1.2.3');
  });
});

describe('the client address', () => {
  it('is the peer when nothing is trusted', () => {
    expect(clientAddress(forwardedForFromPeer('203.0.113.9', '1.1.1.1', none), none)).toBe('203.0.113.9');
  });

  it('is the right-most entry that is not a trusted proxy', () => {
    // A client put 6.6.6.6 in front itself; the trusted proxies 192.168.1.5 and 10.0.0.1 each appended who they saw.
    expect(clientAddress('6.6.6.6, 198.51.100.7, 192.168.1.5, 10.0.0.1', proxies)).toBe('198.51.100.7');
    expect(clientAddress('2001:db8::1, fd00::2', proxies)).toBe('2001:db8::1');
  });

  it('never takes what a client wrote beyond what a trusted proxy vouches for', () => {
    for (let i = 0; i < 30; i++) {
      const received = `198.51.100.${i}`;
      expect(clientAddress(forwardedForFromPeer('203.0.113.9', received, none), none)).toBe('203.0.113.9');
    }
  });

  it('stops at junk a trusted proxy passed on, and is undefined without a usable entry', () => {
    expect(clientAddress('not-an-ip, 10.0.0.1', proxies)).toBe('10.0.0.1');
    expect(clientAddress('10.0.0.7, 10.0.0.1', proxies)).toBe('10.0.0.7');
    expect(clientAddress('unknown', none)).toBeUndefined();
    expect(clientAddress(null, none)).toBeUndefined();
  });

  it('tells whether the request came through a trusted proxy', () => {
    expect(fromTrustedProxy('198.51.100.7, 10.0.0.1', proxies)).toBe(true);
    expect(fromTrustedProxy('10.0.0.1, 203.0.113.9', proxies)).toBe(false);
  });
});

describe('CROSSING_TRUSTED_PROXIES', () => {
  it('takes IPv4 and IPv6 CIDRs and single addresses', () => {
    const list = parseTrustedProxies('10.0.0.0/8,2001:db8::/32, 127.0.0.1');
    expect(list.check('10.255.0.1', 'ipv4')).toBe(true);
    expect(list.check('11.0.0.1', 'ipv4')).toBe(false);
    expect(list.check('2001:db8:1::1', 'ipv6')).toBe(true);
    expect(list.check('127.0.0.1', 'ipv4')).toBe(true);
    expect(list.check('127.0.0.2', 'ipv4')).toBe(false);
  });

  it('refuses what is not an address or CIDR, naming it', () => {
    for (const bad of ['10.0.0.0/33', 'example.com', '10.0.0.0/8/1', '10.0.0/8', 'fd00::/129', '10.0.0.0/x']) {
      expect(() => parseTrustedProxies(bad), bad).toThrow(`"${bad}" is not an IP address or CIDR`);
    }
  });

  it('normalizes addresses as sockets report them', () => {
    expect(normalizeAddress('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(normalizeAddress('[2001:DB8::1]')).toBe('2001:db8::1');
    expect(normalizeAddress('192.0.2.1:443')).toBeUndefined();
  });
});
