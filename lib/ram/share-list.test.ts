// Protects the organization-wide share list's views: filters and search from the URL (malformed values
// dropped, not failing the page), the shared-resources and principals views counting what reaches each, and
// paging, so the page shows the right rows among thousands.
import { describe, expect, it } from 'vitest';
import { filterOptions, filterQuery, filterShares, parseShareFilters, principalRows, resourceRows, shareCounts, shareRows } from './share-list';
import type { RamSnapshot, ShareRecord } from './snapshot';

const OU = 'arn:aws:organizations::100000000001:ou/o-exmpl7c0rp/ou-7c0r-workload';
function share(n: number, over: Partial<ShareRecord> = {}): ShareRecord {
  const owner = over.owningAccountId ?? '300000000001';
  const region = over.region ?? 'us-east-1';
  return {
    arn: `arn:aws:ram:${region}:${owner}:resource-share/id-${n}`,
    id: `id-${n}`,
    name: `share-${String(n).padStart(4, '0')}`,
    owningAccountId: owner,
    region,
    status: 'ACTIVE',
    allowExternalPrincipals: false,
    tags: [],
    resources: [{ arn: `arn:aws:ec2:${region}:${owner}:subnet/subnet-${n % 3}`, type: 'ec2:Subnet', status: 'ASSOCIATED' }],
    principals: [{ id: OU, status: 'ASSOCIATED', external: false }],
    permissions: [],
    ...over,
  };
}

function snapshotOf(shares: ShareRecord[]): RamSnapshot {
  return { key: 'k', fetchedAt: 0, complete: true, targetCount: 0, targets: {}, shares: Object.fromEntries(shares.map((s) => [s.arn, s])), calls: 0 };
}

const names = { '300000000001': 'network', '400000000011': 'payments-dev', 'ou-7c0r-workload': 'Workloads' };
const many = Array.from({ length: 120 }, (_, i) => share(i));
const dns = share(500, {
  name: 'corp-dns',
  region: 'eu-west-1',
  owningAccountId: '300000000002',
  resources: [{ arn: 'arn:aws:route53resolver:eu-west-1:300000000002:resolver-rule/rslvr-rr-1', type: 'route53resolver:ResolverRule', status: 'ASSOCIATED' }],
  principals: [
    { id: '400000000011', status: 'ASSOCIATED', external: false },
    { id: '900000000001', status: 'ASSOCIATING', external: true },
  ],
  tags: [{ key: 'team', value: 'dns' }],
});
const snapshot = snapshotOf([...many, dns]);

describe('filters from the URL', () => {
  it('reads each filter and drops malformed ones', () => {
    expect(parseShareFilters({ tab: 'principals', owner: '300000000001', region: 'eu-west-1', external: '1', page: '3', q: ' dns ' })).toEqual({
      tab: 'principals',
      owner: '300000000001',
      region: 'eu-west-1',
      external: true,
      page: 3,
      q: 'dns',
      status: undefined,
      type: undefined,
      principal: undefined,
    });
    expect(parseShareFilters({ tab: 'nope', owner: '12', region: 'Mars', page: '-1' })).toMatchObject({ tab: 'shares', owner: undefined, region: undefined, page: 1, external: false });
  });

  it('round-trips through the query string the page links to', () => {
    const filters = parseShareFilters({ tab: 'resources', q: 'a b', external: '1', page: '2' });
    expect(filterQuery(filters)).toBe('?tab=resources&q=a+b&external=1&page=2');
    expect(parseShareFilters(Object.fromEntries(new URLSearchParams(filterQuery(filters))))).toEqual(filters);
    expect(filterQuery(parseShareFilters({}))).toBe('');
  });
});

describe('the resource shares view', () => {
  const rows = (params: Record<string, string>) => filterShares(snapshot, parseShareFilters(params), names).map((s) => s.name);

  it('filters by owner, Region, resource type, principal, external only, and searches names, ARNs, principals and tags', () => {
    expect(rows({ owner: '300000000002' })).toEqual(['corp-dns']);
    expect(rows({ region: 'eu-west-1' })).toEqual(['corp-dns']);
    expect(rows({ type: 'route53resolver:ResolverRule' })).toEqual(['corp-dns']);
    expect(rows({ external: '1' })).toEqual(['corp-dns']);
    expect(rows({ principal: '400000000011' })).toEqual(['corp-dns']);
    expect(rows({ principal: 'ou-7c0r-workload' })).toHaveLength(120);
    expect(rows({ q: 'payments-dev' })).toEqual(['corp-dns']);
    expect(rows({ q: 'TEAM=DNS' })).toEqual(['corp-dns']);
    expect(rows({ q: 'share-0042' })).toEqual(['share-0042']);
    expect(rows({ q: 'network', region: 'eu-west-1' })).toEqual([]);
  });

  it('pages 50 rows at a time in name order, with the owner named and the external flag', () => {
    const all = filterShares(snapshot, parseShareFilters({}), names);
    const first = shareRows(all, names, 1);
    expect(first).toMatchObject({ matching: 121, page: 1, pages: 3 });
    expect(first.rows).toHaveLength(50);
    expect(first.rows[0]).toMatchObject({ name: 'corp-dns', ownerName: undefined, external: true, principalCount: 2, resourceTypes: ['route53resolver:ResolverRule'] });
    expect(first.rows[1]).toMatchObject({ name: 'share-0000', ownerName: 'network', external: false });
    expect(shareRows(all, names, 3).rows).toHaveLength(21);
    expect(shareRows(all, names, 99).page).toBe(3);
  });
});

describe('the shared resources and principals views', () => {
  const all = filterShares(snapshot, parseShareFilters({}), names);

  it('lists each resource once with the shares and distinct principals reaching it', () => {
    const page = resourceRows(all, names, 1);
    expect(page.matching).toBe(4);
    expect(page.rows.find((r) => r.arn.endsWith('subnet-0'))).toMatchObject({ shareCount: 40, principalCount: 1, ownerName: 'network' });
    expect(page.rows.find((r) => r.type === 'route53resolver:ResolverRule')).toMatchObject({ shareCount: 1, principalCount: 2 });
  });

  it('lists each principal with what it receives, naming organization accounts and OUs', () => {
    const page = principalRows(all, names, 1);
    expect(page.rows.map((p) => [p.id, p.kind, p.name, p.external, p.shareCount, p.resourceCount])).toEqual([
      [OU, 'organizational-unit', 'Workloads', false, 120, 3],
      ['400000000011', 'account', 'payments-dev', false, 1, 1],
      ['900000000001', 'account', undefined, true, 1, 1],
    ]);
  });

  it('counts shares and those with external principals, and offers the filter values present', () => {
    expect(shareCounts(snapshot)).toEqual({ total: 121, withExternalPrincipals: 1 });
    expect(filterOptions(snapshot)).toEqual({
      regions: ['eu-west-1', 'us-east-1'],
      statuses: ['ACTIVE'],
      types: ['ec2:Subnet', 'route53resolver:ResolverRule'],
    });
  });
});
