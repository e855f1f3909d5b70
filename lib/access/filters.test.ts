// Protects /access's filters: read from the URL (junk dropped, never an error), they select by kind, inside/outside, conditions, status, source and destination account or OU, and search; the list's order, open paths from outside first.
import { describe, expect, it } from 'vitest';
import { filterPaths, parseAccessFilters } from './filters';
import type { AccessIndex, AccessPath } from './paths';

const path = (id: string, over: Partial<AccessPath>): AccessPath => ({
  id,
  kind: 'role',
  source: { kind: 'principal', id: `arn:aws:iam::111111111111:role/${id}`, accountId: '111111111111', label: `role ${id}` },
  destinationAccount: '222222222222',
  target: { arn: `arn:aws:iam::222222222222:role/T${id}`, name: `T${id}` },
  inside: true,
  conditions: [],
  status: 'open',
  statement: 'statement 1 of the trust policy',
  ...over,
});

const index = {
  paths: [
    path('a', {}),
    path('b', { inside: false, source: { kind: 'account', id: '999999999999', accountId: '999999999999', label: 'account 999999999999' }, conditions: [{ operator: 'StringEquals', key: 'sts:ExternalId', values: ['x'] }], status: 'conditional' }),
    path('c', { source: { kind: 'service', id: 'lambda.amazonaws.com', label: 'service lambda.amazonaws.com' }, inside: false }),
    path('d', { kind: 'share', status: 'blocked', destinationAccount: '333333333333' }),
  ],
  organization: { id: 'o-1', accounts: { '111111111111': { name: 'dev', parents: ['r-1', 'ou-ab12-devdevde'] }, '222222222222': { name: 'prod', parents: ['r-1'] }, '333333333333': { name: 'x', parents: ['r-1'] } }, groupNames: {} },
} as unknown as AccessIndex;

const ids = (params: Record<string, string>) => filterPaths(index, parseAccessFilters(params), { '222222222222': 'prod' }).map((p) => p.id);

describe('access filters', () => {
  it('drops what is not a filter value instead of failing', () => {
    expect(parseAccessFilters({ kind: 'bogus', from: '12', scope: 'x', page: '-3', q: 'ok' })).toEqual({ q: 'ok', page: 1 });
  });

  it('selects by kind, source, conditions, status, place and text', () => {
    expect(ids({ scope: 'outside', kind: 'role' })).toEqual(['b']);
    expect(ids({ conditions: 'with' })).toEqual(['b']);
    expect(ids({ kind: 'service' })).toEqual(['c']);
    expect(ids({ status: 'blocked' })).toEqual(['d']);
    expect(ids({ from: 'ou-ab12-devdevde' })).toEqual(['a', 'd']);
    expect(ids({ to: '333333333333' })).toEqual(['d']);
    expect(ids({ q: 'PROD', kind: 'role' })).toEqual(['a', 'b']);
  });

  it('lists open paths first, then conditional, then blocked, each from outside the organization first', () => {
    expect(ids({})).toEqual(['c', 'a', 'b', 'd']);
    expect(ids({ kind: 'role' })).toEqual(['a', 'b']);
  });
});
