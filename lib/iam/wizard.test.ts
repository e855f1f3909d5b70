// Protects the cross-account wizard's draft logic: an account typed by name resolves to the organization's
// ID (exact name first, else the one account containing it), an ambiguous name is refused naming the accounts
// it matches, an ID outside the organization is taken as outside and one inside never is; typed fields are
// shown back only in their step's shape; a step opens only after the ones before it; several destinations, accounts
// or OUs, resolve to each account once, in the order typed.
import { describe, expect, it } from 'vitest';
import type { OrganizationAccount } from '../organizations/accounts';
import type { OrganizationSnapshot, OrgNode } from '../organizations/types';
import { allowedStep, resolveAccount, resolveDestinations, typedOf, type RoleDraft } from './wizard';

const accounts: OrganizationAccount[] = [
  { id: '400000000001', name: 'payments-prod', path: 'Root / Workloads / Prod' },
  { id: '400000000011', name: 'payments-dev', path: 'Root / Workloads / Dev' },
  { id: '500000000001', name: 'sandbox-alice', path: 'Root / Sandbox' },
  { id: '500000000002', name: 'sandbox', path: 'Root / Sandbox' },
];

describe('resolveAccount', () => {
  it('finds an organization account by its name, whatever the case, and by its ID', () => {
    expect(resolveAccount('sandbox-alice', accounts, 'Source account')).toEqual({ ok: true, account: accounts[2], inOrganization: true });
    expect(resolveAccount(' Payments-Dev ', accounts, 'Source account')).toMatchObject({ ok: true, account: { id: '400000000011' }, inOrganization: true });
    expect(resolveAccount('400000000001', accounts, 'Source account')).toMatchObject({ ok: true, account: { name: 'payments-prod' }, inOrganization: true });
  });

  it('prefers the exact name over names containing it, and takes the one account containing a part', () => {
    expect(resolveAccount('sandbox', accounts, 'Source account')).toMatchObject({ ok: true, account: { id: '500000000002' } });
    expect(resolveAccount('alice', accounts, 'Source account')).toMatchObject({ ok: true, account: { id: '500000000001' } });
  });

  it('refuses an ambiguous name, naming the accounts that match', () => {
    const r = resolveAccount('payments', accounts, 'Destination account');
    expect(r).toMatchObject({ ok: false, message: 'Destination account: "payments" matches 2 accounts: payments-prod (400000000001), payments-dev (400000000011). Type the full name or the ID.' });
    expect(r.ok ? [] : r.matches.map((a) => a.id)).toEqual(['400000000001', '400000000011']);
  });

  it('takes any other 12-digit ID as outside the organization, and refuses a name it does not know', () => {
    expect(resolveAccount('900000000001', accounts, 'Source account')).toEqual({ ok: true, account: { id: '900000000001' }, inOrganization: false });
    expect(resolveAccount('partner-co', accounts, 'Source account')).toMatchObject({ ok: false, message: expect.stringContaining('no account of the organization is named "partner-co"') });
    expect(resolveAccount('   ', accounts, 'Source account')).toMatchObject({ ok: false, message: "Source account: type an account's name or its 12-digit ID." });
  });
});

describe('the draft', () => {
  const draft = (typed: Record<string, unknown>, finished = 0): RoleDraft => ({ id: 'd-1', kind: 'iam', createdBy: 'a', updatedAt: '', state: { finished, typed } });

  it('shows typed fields back only in their step’s shape', () => {
    expect(typedOf(draft({ who: { account: 'payments-dev', principal: '', query: 'ali' } }), 'who')).toEqual({ account: 'payments-dev', principal: '', query: 'ali' });
    expect(typedOf(draft({ who: { account: 'x', principal: '', query: '', script: 'y' } }), 'who')).toBeUndefined();
    expect(typedOf(draft({ conditions: { externalIdOn: 'yes' } }), 'conditions')).toBeUndefined();
  });

  it('opens a step only after the ones before it', () => {
    expect(allowedStep({ finished: 0 }, 'review')).toBe('who');
    expect(allowedStep({ finished: 2 }, 'review')).toBe('conditions');
    expect(allowedStep({ finished: 3 }, 'review')).toBe('review');
    expect(allowedStep({ finished: 3 }, 'where')).toBe('where');
  });
});

describe('resolveDestinations', () => {
  const node = (id: string, type: OrgNode['type'], name: string, parentId?: string): OrgNode => ({ id, type, name, arn: `arn:${id}`, parentId, depth: 0, status: type === 'ACCOUNT' ? 'ACTIVE' : undefined });
  const snapshot = {
    nodes: Object.fromEntries(
      [
        node('r-1', 'ROOT', 'Root'),
        node('ou-1-dev', 'ORGANIZATIONAL_UNIT', 'Dev', 'r-1'),
        node('ou-1-empty', 'ORGANIZATIONAL_UNIT', 'Empty', 'r-1'),
        node('400000000011', 'ACCOUNT', 'payments-dev', 'ou-1-dev'),
        node('400000000001', 'ACCOUNT', 'payments-prod', 'r-1'),
      ].map((n) => [n.id, n]),
    ),
  } as unknown as OrganizationSnapshot;

  it('takes accounts by name or ID and OUs by ID or name, each account once, in the order typed', () => {
    expect(resolveDestinations(['payments-prod', ' Dev ', '400000000011', ''], accounts, snapshot)).toEqual({ ok: true, accountIds: ['400000000001', '400000000011'] });
    expect(resolveDestinations(['ou-1-dev'], accounts, snapshot)).toEqual({ ok: true, accountIds: ['400000000011'] });
  });

  it('refuses an OU without accounts, an unknown name and an account outside the organization, saying which', () => {
    expect(resolveDestinations(['Empty'], accounts, snapshot)).toEqual({ ok: false, message: 'Destination accounts: the OU Empty (ou-1-empty) holds no active account.' });
    expect(resolveDestinations(['nowhere'], accounts, snapshot)).toMatchObject({ ok: false, message: expect.stringContaining('no account of the organization is named "nowhere"') });
    expect(resolveDestinations(['900000000001'], accounts, snapshot)).toEqual({ ok: false, message: 'Destination accounts: 900000000001 is outside the organization: the console can make or change roles only in its accounts.' });
  });
});
