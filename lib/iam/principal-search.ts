// Finding a source user or role without knowing its account: users and roles listed in the organization's
// accounts (through the member role), bounded in accounts read and hits answered, accounts whose name
// matches the query read first. One account's refusal is reported, never fatal.
import { fanOut } from '../aws/fan-out';
import type { OrganizationAccount } from '../organizations/accounts';
import { listPrincipals, type IamPrincipal } from './read';

/** Accounts read for one search: enough for most organizations at once; beyond it, the account narrows it. */
export const MAX_ACCOUNTS_SEARCHED = 100;
export const MAX_HITS = 50;

export interface PrincipalHit extends IamPrincipal {
  accountId: string;
  accountName: string;
}

export interface PrincipalSearch {
  hits: PrincipalHit[];
  /** Accounts read, of the accounts there are. */
  searched: number;
  total: number;
  /** More matched than MAX_HITS. */
  truncated: boolean;
  failed: { accountId: string; error: string }[];
}

/** Users and roles whose name contains `query` (all of them for an empty query), in `accounts`. */
export async function searchPrincipals(query: string, accounts: readonly OrganizationAccount[]): Promise<PrincipalSearch> {
  const q = query.trim().toLowerCase();
  const first = accounts.filter((a) => q && a.name.toLowerCase().includes(q));
  const ordered = [...first, ...accounts.filter((a) => !first.includes(a))].slice(0, MAX_ACCOUNTS_SEARCHED);
  const names = new Map(accounts.map((a) => [a.id, a.name]));
  // IAM is global: the Region only keys the fan-out.
  const results = await fanOut(ordered.map((a) => ({ accountId: a.id, region: 'us-east-1' })), (t) => listPrincipals(t.accountId), { operation: 'iam:ListUsers' });
  const hits: PrincipalHit[] = [];
  const failed: PrincipalSearch['failed'] = [];
  for (const r of results) {
    if (!r.ok) failed.push({ accountId: r.accountId, error: r.error });
    else for (const p of r.value) if (!q || p.name.toLowerCase().includes(q)) hits.push({ ...p, accountId: r.accountId, accountName: names.get(r.accountId) ?? r.accountId });
  }
  hits.sort((a, b) => a.name.localeCompare(b.name) || a.accountName.localeCompare(b.accountName));
  return { hits: hits.slice(0, MAX_HITS), searched: ordered.length, total: accounts.length, truncated: hits.length > MAX_HITS, failed };
}
