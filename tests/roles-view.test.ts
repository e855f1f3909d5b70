// Protects /roles' server-side query over an IAM snapshot of 120 accounts: search by role name, ARN, account name
// or ID and trusted principal; filters by account and trust kind; the member-access role hidden unless asked;
// sorts; 50 rows a page; and malformed URL parameters dropped rather than failing the page.
import { describe, expect, it } from 'vitest';
import { parseRoleFilters, queryRoles, roleRows, roleRowsOf, type RoleFilters } from '../lib/iam/roles-view';
import { applyAccount, documentTable, emptyIamSnapshot, type IamRole } from '../lib/iam/snapshot';

const MEMBER_ROLE = 'OrganizationAccountAccessRole';
const MANAGEMENT = '111111111111';
const id = (n: number) => String(200_000_000_000 + n);
const trust = (principal: unknown) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }] });

function snapshot() {
  const s = emptyIamSnapshot('test', Date.now());
  const table = documentTable(s);
  const role = (accountId: string, name: string, principal: unknown, lastUsed?: number): IamRole => ({
    name,
    arn: `arn:aws:iam::${accountId}:role/${name}`,
    path: '/',
    trust: table.intern(trust(principal)),
    inline: [],
    attached: [],
    lastUsed,
  });
  for (let n = 1; n <= 120; n++) {
    const a = id(n);
    applyAccount(s, {
      accountId: a,
      readAt: Date.now(),
      users: [],
      groups: [],
      roles: [
        role(a, MEMBER_ROLE, { AWS: `arn:aws:iam::${MANAGEMENT}:root` }),
        role(a, 'Deploy', { AWS: `arn:aws:iam::${id((n % 120) + 1)}:role/Builder` }, n * 1000),
        role(a, 'Lambda', { Service: 'lambda.amazonaws.com' }),
        ...(n % 10 === 0 ? [role(a, 'Sso', { Federated: `arn:aws:iam::${a}:saml-provider/Okta` }), role(a, 'Self', { AWS: `arn:aws:iam::${a}:root` })] : []),
      ],
    });
  }
  s.complete = true;
  return s;
}

const names = Object.fromEntries(Array.from({ length: 120 }, (_, i) => [id(i + 1), `team-${String(i + 1).padStart(3, '0')}`]));
const rows = roleRows(snapshot(), names, MEMBER_ROLE);
const query = (params: Record<string, string>) => queryRoles(rows, parseRoleFilters(params));

describe('the roles view over an IAM snapshot', () => {
  it('hides the member-access role by default, counts it, and shows it when asked', () => {
    const page = query({});
    expect(page.matching).toBe(120 * 2 + 12 * 2);
    expect(page.hiddenMemberRoles).toBe(120);
    expect(page.rows.some((r) => r.roleName === MEMBER_ROLE)).toBe(false);
    expect(query({ member: 'show' }).matching).toBe(120 * 5 - 108 * 2);
  });

  it('pages 50 rows at a time in account-name order, and clamps a page past the end to the last', () => {
    const first = query({});
    expect(first).toMatchObject({ page: 1, pages: 6 });
    expect(first.rows).toHaveLength(50);
    expect(first.rows[0]).toMatchObject({ accountName: 'team-001', roleName: 'Deploy' });
    const last = query({ page: '99' });
    expect(last).toMatchObject({ page: 6, pages: 6 });
    expect(last.rows).toHaveLength(264 - 250);
    expect(last.rows.at(-1)).toMatchObject({ accountName: 'team-120', roleName: 'Sso' });
  });

  it('searches role names, ARNs, account names and IDs and trusted principals, case-insensitively', () => {
    expect(query({ q: 'sso' }).matching).toBe(12);
    expect(query({ q: `arn:aws:iam::${id(7)}:role/deploy` }).rows.map((r) => r.accountId)).toEqual([id(7)]);
    // team-041's Deploy trusts a role of team-042: found by the trusted account's name.
    expect(query({ q: 'TEAM-042' }).rows.map((r) => `${r.accountName} ${r.roleName}`)).toEqual(['team-041 Deploy', 'team-042 Deploy', 'team-042 Lambda']);
    // Trusted by team-043's Builder: the principal's ARN names team-043's account.
    expect(query({ q: `${id(43)}:role/builder` }).rows.map((r) => r.accountName)).toEqual(['team-042']);
    expect(query({ q: 'lambda.amazonaws' }).matching).toBe(120);
  });

  it('filters by account (ID or exact name) and by trust kind', () => {
    expect(query({ account: id(10) }).rows.map((r) => r.roleName)).toEqual(['Deploy', 'Lambda', 'Self', 'Sso']);
    expect(query({ account: 'team-010', member: 'show' }).matching).toBe(5);
    expect(query({ kind: 'cross-account' }).matching).toBe(120);
    expect(query({ kind: 'cross-account', member: 'show' }).matching).toBe(240);
    expect(query({ kind: 'service' }).matching).toBe(120);
    expect(query({ kind: 'federated' }).rows.every((r) => r.roleName === 'Sso')).toBe(true);
    expect(query({ kind: 'same-account' }).rows.map((r) => r.roleName)).toEqual(Array(12).fill('Self'));
  });

  it('sorts by role name or by last use (never used last), the filters kept', () => {
    const byRole = query({ sort: 'role' });
    expect(byRole.rows[0]).toMatchObject({ roleName: 'Deploy', accountName: 'team-001' });
    expect(query({ sort: 'role', page: '6' }).rows.at(-1)).toMatchObject({ roleName: 'Sso', accountName: 'team-120' });
    const used = query({ sort: 'last-used', kind: 'cross-account' }).rows;
    expect(used.slice(0, 2).map((r) => r.accountName)).toEqual(['team-120', 'team-119']);
    // team-120's Deploy trusts team-001's Builder, so a search for team-001 finds it too.
    expect(query({ sort: 'last-used', q: 'team-001' }).rows.map((r) => `${r.accountName} ${r.roleName}`)).toEqual(['team-120 Deploy', 'team-001 Deploy', 'team-001 Lambda']);
  });

  it('drops malformed parameters instead of failing the page', () => {
    const filters: RoleFilters = parseRoleFilters({ kind: 'nonsense', sort: '<script>', page: '-3', member: 'yes', q: ['sso', 'other'] });
    expect(filters).toEqual({ q: 'sso', account: undefined, kind: undefined, member: undefined, sort: 'account', page: 1 });
  });

  it('derives the rows again when a change re-reads an account, not on every view', () => {
    const s = snapshot();
    const first = roleRowsOf(s, names, MEMBER_ROLE);
    expect(roleRowsOf(s, names, MEMBER_ROLE)).toBe(first);
    applyAccount(s, { accountId: id(1), readAt: Date.now(), users: [], groups: [], roles: [] });
    expect(roleRowsOf(s, names, MEMBER_ROLE).filter((r) => r.accountId === id(1))).toEqual([]);
  });
});
