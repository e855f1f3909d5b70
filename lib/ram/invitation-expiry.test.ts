// Protects: the inbox's expiry dates and countdowns — 7 days only when every resource is a 7-day type, 12 hours
// otherwise (a CA, an unknown type, no resources read) — and how the remaining time reads.
import { describe, expect, it } from 'vitest';
import { formatDuration, invitationExpiresAt, invitationTermHours } from './invitation-expiry';

describe('invitation expiry', () => {
  it('gives prefix lists and subnets 7 days, a CA 12 hours, and a mix the shorter term', () => {
    expect(invitationTermHours(['ec2:PrefixList', 'ec2:Subnet'])).toBe(168);
    expect(invitationTermHours(['acm-pca:CertificateAuthority'])).toBe(12);
    expect(invitationTermHours(['ec2:PrefixList', 'acm-pca:CertificateAuthority'])).toBe(12);
    expect(invitationTermHours([])).toBe(12);
    expect(invitationExpiresAt(Date.UTC(2025, 0, 1), ['route53resolver:ResolverRule'])).toBe(Date.UTC(2025, 0, 8));
  });

  it('reads the remaining time in its two largest units', () => {
    expect(formatDuration((2 * 60 + 10) * 60_000 + 5_000)).toBe('2 h 10 min');
    expect(formatDuration((6 * 24 + 23) * 3_600_000)).toBe('6 d 23 h');
    expect(formatDuration(3 * 86_400_000)).toBe('3 d');
    expect(formatDuration(90_000)).toBe('1 min');
    expect(formatDuration(-5)).toBe('0 s');
  });
});
