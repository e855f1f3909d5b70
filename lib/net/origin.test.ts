// Protects: only the console's own pages can make it change something: a request from another site (or with
// no Origin, or pretending with X-Forwarded-Host) is refused, while the console's own origin works.
import { describe, expect, it } from 'vitest';
import { parseTrustedProxies } from './address';
import { isSameOrigin } from './origin';

const none = parseTrustedProxies(undefined);
const proxies = parseTrustedProxies('10.0.0.0/8');
const request = (headers: Record<string, string>) => new Headers({ 'x-forwarded-for': '203.0.113.9', ...headers });

describe('same-origin check', () => {
  it("accepts the console's own origin, as the Host header names it", () => {
    expect(isSameOrigin(request({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' }), none)).toBe(true);
    // Behind a TLS proxy that passes Host on: the scheme is the proxy's to know.
    expect(isSameOrigin(request({ host: 'console.example.com', origin: 'https://console.example.com' }), none)).toBe(true);
  });

  it('refuses another site, a missing or opaque Origin, and junk', () => {
    expect(isSameOrigin(request({ host: '127.0.0.1:3000', origin: 'https://evil.example' }), none)).toBe(false);
    expect(isSameOrigin(request({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3001' }), none)).toBe(false);
    expect(isSameOrigin(request({ host: '127.0.0.1:3000' }), none)).toBe(false);
    expect(isSameOrigin(request({ host: '127.0.0.1:3000', origin: 'null' }), none)).toBe(false);
    expect(isSameOrigin(request({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000 junk' }), none)).toBe(false);
    expect(isSameOrigin(request({ origin: 'http://127.0.0.1:3000' }), none)).toBe(false);
  });

  it("ignores X-Forwarded-Host from a peer that is not a trusted proxy", () => {
    const forged = request({ host: '127.0.0.1:3000', origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' });
    expect(isSameOrigin(forged, none)).toBe(false);
  });

  it('believes X-Forwarded-Host and -Proto from a trusted proxy', () => {
    const viaProxy = { host: 'crossing:3000', 'x-forwarded-for': '198.51.100.7, 10.0.0.1', 'x-forwarded-host': 'console.example.com', 'x-forwarded-proto': 'https' };
    expect(isSameOrigin(new Headers({ ...viaProxy, origin: 'https://console.example.com' }), proxies)).toBe(true);
    expect(isSameOrigin(new Headers({ ...viaProxy, origin: 'http://console.example.com' }), proxies)).toBe(false);
    expect(isSameOrigin(new Headers({ ...viaProxy, origin: 'https://evil.example' }), proxies)).toBe(false);
  });

  it("compares with AUTH_URL's origin when set, scheme included", () => {
    const headers = (origin: string) => request({ host: '127.0.0.1:3000', origin });
    expect(isSameOrigin(headers('https://console.example.com'), none, 'https://console.example.com')).toBe(true);
    expect(isSameOrigin(headers('http://console.example.com'), none, 'https://console.example.com')).toBe(false);
    expect(isSameOrigin(headers('http://127.0.0.1:3000'), none, 'https://console.example.com')).toBe(false);
  });
});
