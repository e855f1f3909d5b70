// /roles as a view over the IAM snapshot (one reading for it and the access paths): every role of the
// organization with whom its trust policy lets in, searched, filtered, sorted and paged on the server, so a page
// carries 50 rows whatever the organization's size. Rows are derived once per reading (and again as a first
// read streams in, or a change re-reads an account); each trust document is parsed once, however many roles share it.
import { z } from 'zod';
import { listQuery, pageOf, type ListPage } from '../paging';
import { derivedUntilChanged, identity } from '../cache/derived';
import { accountOfPrincipal, asList, parsePolicy } from './policy';
import type { IamSnapshot } from './snapshot';

export const TRUST_KINDS = ['cross-account', 'same-account', 'service', 'federated', 'anyone'] as const;
export type TrustKind = (typeof TRUST_KINDS)[number];
export const ROLE_SORTS = ['account', 'role', 'last-used'] as const;

export interface RoleTrustee {
  principal: string;
  kind: TrustKind;
  /** The trusted principal's account, when it names one. */
  account?: string;
}

export interface RoleRow {
  accountId: string;
  accountName: string;
  roleName: string;
  roleArn: string;
  trustees: RoleTrustee[];
  kinds: TrustKind[];
  /** The role Crossing (and the organization) uses to reach member accounts. */
  memberRole: boolean;
  lastUsed?: number;
  /** Lower-case text searched: name, ARN, account name and ID, trusted principals. */
  haystack: string;
}

const text = z.string().trim().max(300).optional().transform((v) => v || undefined);

export const roleFiltersSchema = z.object({
  q: text,
  /** An account ID, or its name exactly. */
  account: text,
  kind: z.enum(TRUST_KINDS).optional().catch(undefined),
  /** The member-access role is hidden unless asked for. */
  member: z.enum(['show']).optional().catch(undefined),
  sort: z.enum(ROLE_SORTS).catch('account'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type RoleFilters = z.infer<typeof roleFiltersSchema>;

/** Filters from the page's search parameters; anything malformed is dropped rather than failing the page. */
export function parseRoleFilters(params: Record<string, string | string[] | undefined>): RoleFilters {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return roleFiltersSchema.parse(flat);
}

/** The URL of /roles with these filters (the default sort and page 1 left out). */
export function rolesHref(filters: RoleFilters, change: Partial<RoleFilters> = {}): string {
  const f = { ...filters, ...change };
  return `/roles${listQuery({ ...f, sort: f.sort === 'account' ? undefined : f.sort })}`;
}

function kindOf(principal: string, key: string, roleAccount: string): RoleTrustee {
  if (key === 'Service') return { principal, kind: 'service' };
  if (key === 'Federated') return { principal, kind: 'federated' };
  if (principal === '*') return { principal, kind: 'anyone' };
  const account = accountOfPrincipal(principal);
  return { principal, kind: account === roleAccount ? 'same-account' : 'cross-account', account };
}

/** Who a trust document lets in (Allow statements), by the kind of principal; unreadable documents let no one in. */
function trusteesOf(document: string, roleAccount: string): RoleTrustee[] {
  let statements;
  try {
    statements = parsePolicy(document).Statement;
  } catch {
    return [];
  }
  const out: RoleTrustee[] = [];
  for (const s of statements) {
    if (s.Effect !== 'Allow') continue;
    if (s.Principal === '*') out.push({ principal: '*', kind: 'anyone' });
    else for (const [key, values] of Object.entries(s.Principal ?? {})) for (const p of asList<string>(values)) out.push(kindOf(p, key, roleAccount));
  }
  return out;
}

/** Every role of the snapshot as a row, in account-name then role-name order. */
export function roleRows(snapshot: IamSnapshot, names: Record<string, string>, memberRole: string): RoleRow[] {
  const parsed = new Map<string, RoleTrustee[]>();
  const rows: RoleRow[] = [];
  for (const account of Object.values(snapshot.accounts)) {
    const accountName = names[account.accountId] ?? account.accountId;
    for (const role of account.roles) {
      // Same-account principals depend on the account, so the parse is kept per document and account.
      const key = `${role.trust}|${account.accountId}`;
      let trustees = parsed.get(key);
      if (!trustees) parsed.set(key, (trustees = trusteesOf(snapshot.documents[role.trust], account.accountId)));
      rows.push({
        accountId: account.accountId,
        accountName,
        roleName: role.name,
        roleArn: role.arn,
        trustees,
        kinds: [...new Set(trustees.map((t) => t.kind))],
        memberRole: role.name === memberRole,
        lastUsed: role.lastUsed,
        haystack: [role.name, role.arn, accountName, account.accountId, ...trustees.map((t) => `${t.principal} ${t.account ? (names[t.account] ?? '') : ''}`)].join(' ').toLowerCase(),
      });
    }
  }
  return rows.sort(byAccount);
}

const byAccount = (a: RoleRow, b: RoleRow) => a.accountName.localeCompare(b.accountName) || a.accountId.localeCompare(b.accountId) || a.roleName.localeCompare(b.roleName);
const SORTS: Record<RoleFilters['sort'], (a: RoleRow, b: RoleRow) => number> = {
  account: byAccount,
  role: (a, b) => a.roleName.localeCompare(b.roleName) || byAccount(a, b),
  // Most recently used first; never used last.
  'last-used': (a, b) => (b.lastUsed ?? -1) - (a.lastUsed ?? -1) || byAccount(a, b),
};

export interface RolesPage extends ListPage<RoleRow> {
  /** Member-access roles the filters match but hide. */
  hiddenMemberRoles: number;
}

/** One page of the rows the filters match, in the asked order. */
export function queryRoles(rows: RoleRow[], filters: RoleFilters): RolesPage {
  const q = filters.q?.toLowerCase();
  const account = filters.account?.toLowerCase();
  let hiddenMemberRoles = 0;
  const matching = rows.filter((r) => {
    if (account && r.accountId !== account && r.accountName.toLowerCase() !== account) return false;
    if (filters.kind && !r.kinds.includes(filters.kind)) return false;
    if (q && !r.haystack.includes(q)) return false;
    if (r.memberRole && !filters.member) {
      hiddenMemberRoles++;
      return false;
    }
    return true;
  });
  // Rows come in account order: only another order sorts.
  if (filters.sort !== 'account') matching.sort(SORTS[filters.sort]);
  return { ...pageOf(matching, filters.page), hiddenMemberRoles };
}

/** The snapshot's rows, derived again only when the reading (its revision), the names or the member role changed; while a reading fills in, at most once a second. */
export function roleRowsOf(snapshot: IamSnapshot, names: Record<string, string>, memberRole: string): RoleRow[] {
  return derivedUntilChanged(snapshot, 'role-rows', `${snapshot.revision}|${identity(names)}|${memberRole}`, () => roleRows(snapshot, names, memberRole));
}
