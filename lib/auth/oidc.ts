// Sign-in with an OpenID Connect provider: the role its groups claim gives, and the ID token's signature.
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { config } from '../config';
import type { Role } from './roles';

/** The groups claim as a list. */
export function oidcGroups(profile: Record<string, unknown>): string[] {
  const claim = profile[config().oidc!.groupsClaim];
  return Array.isArray(claim) ? claim.map(String) : typeof claim === 'string' ? claim.split(/[ ,]+/).filter(Boolean) : [];
}

/** admin, requester or viewer from the groups claim (AUTH_OIDC_*_GROUPS); undefined: in no group that may sign in. */
export function oidcRole(profile: Record<string, unknown>): Role | undefined {
  const oidc = config().oidc!;
  const groups = oidcGroups(profile);
  if (groups.some((g) => oidc.adminGroups.includes(g))) return 'admin';
  if (groups.some((g) => oidc.requesterGroups.includes(g))) return 'requester';
  if (!oidc.viewerGroups || groups.some((g) => oidc.viewerGroups!.includes(g))) return 'viewer';
  return undefined;
}

let issuerKeys: { issuer: string; metadataIssuer: string; keys: ReturnType<typeof createRemoteJWKSet> } | undefined;

/** The provider's signing keys (its jwks_uri, from its discovery document), fetched once and refreshed by jose as keys rotate. */
async function signingKeys(issuer: string) {
  if (issuerKeys?.issuer === issuer) return issuerKeys;
  const url = new URL(issuer);
  url.pathname = `${url.pathname.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
  const metadata = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
  if (typeof metadata.jwks_uri !== 'string' || typeof metadata.issuer !== 'string') throw new Error(`${url} names no jwks_uri or issuer`);
  issuerKeys = { issuer, metadataIssuer: metadata.issuer, keys: createRemoteJWKSet(new URL(metadata.jwks_uri)) };
  return issuerKeys;
}

/**
 * Throws unless the ID token is signed by one of the provider's keys (and is for this console, unexpired).
 * next-auth checks the ID token's claims but not its signature (OpenID Connect allows trusting the TLS
 * connection to the token endpoint instead); a token altered on its way, or forged by whoever answers in the
 * provider's name, must not decide who is an admin.
 */
export async function verifyIdToken(idToken: unknown): Promise<void> {
  const oidc = config().oidc!;
  if (typeof idToken !== 'string') throw new Error('the provider sent no ID token');
  const { metadataIssuer, keys } = await signingKeys(oidc.issuer);
  await jwtVerify(idToken, keys, { issuer: metadataIssuer, audience: oidc.clientId });
}
