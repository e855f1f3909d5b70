// Protects: after signing in, a user lands only on a page of this console: every open-redirect form of the
// callback (other hosts, ports and schemes, //, /\, /..//, tabs, line breaks, percent-encoding, javascript:) lands on "/".
import { describe, expect, it } from 'vitest';
import { callbackPath } from './callback';

const ORIGIN = 'https://console.example.com';

describe('the sign-in callback', () => {
  it('keeps a path on this console, with its query and fragment', () => {
    expect(callbackPath('/shares?owner=1#top', ORIGIN)).toBe('/shares?owner=1#top');
    expect(callbackPath('/roles/400000000001/Deploy', undefined)).toBe('/roles/400000000001/Deploy');
    expect(callbackPath('https://console.example.com/audit', ORIGIN)).toBe('/audit');
    expect(callbackPath('/a/../plans', ORIGIN)).toBe('/plans');
    expect(callbackPath(undefined, ORIGIN)).toBe('/');
    expect(callbackPath('', ORIGIN)).toBe('/');
  });

  it.each([
    '/..//evil.example',
    '/../..//evil.example/x',
    '//evil.example',
    '///evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '\t//evil.example',
    ' //evil.example',
    '/%2e%2e//evil.example',
    '/.%2e//evil.example',
    '%2F%2Fevil.example',
    'https://evil.example/',
    'http://console.example.com/',
    'https://console.example.com:8443/',
    'https://console.example.com.evil.example/',
    'https://console.example.com@evil.example/',
    'ftp://console.example.com/',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'evil.example',
    '/%09/evil.example',
  ])('sends %j to "/" or a path of this console', (callback) => {
    const landed = callbackPath(callback, ORIGIN);
    expect(landed).toMatch(/^\/(?![/\\])/);
    // Where a browser goes from that path: always this console.
    expect(new URL(landed, ORIGIN).origin).toBe(ORIGIN);
    expect(new URL(callbackPath(callback, undefined), ORIGIN).origin).toBe(ORIGIN);
  });

  it('sends the reported redirect and its relatives to "/"', () => {
    for (const callback of ['/..//evil.example', '//evil', '/\\evil', 'javascript:alert(1)', 'http://evil.example/', 'https://console.example.com:444/']) {
      expect(callbackPath(callback, ORIGIN)).toBe('/');
    }
  });
});
