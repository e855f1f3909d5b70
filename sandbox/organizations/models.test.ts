// Protects the organization rules other services rely on: SCP levels, membership, paths, depth limit, paging.
import { describe, expect, it } from 'vitest';
import { isAwsError } from '../core/errors.js';
import { policyVersion } from '../core/world.js';
import { DEMO } from '../seeds/demo-ids.js';
import { createWorld } from '../seeds/index.js';
import {
  accountPath,
  createOrganizationalUnit,
  deleteOrganizationalUnit,
  detachPolicy,
  enableAwsServiceAccess,
  FULL_AWS_ACCESS_POLICY_ID,
  isAwsServiceAccessEnabled,
  managementAccountId,
  moveAccount,
  organizationIdOf,
  organizationOf,
  parentOf,
  serviceControlPoliciesFor,
} from './models.js';
import { page } from './pagination.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (isAwsError(error)) return `${error.code}${error.fields.Reason ? `:${String(error.fields.Reason)}` : ''}`;
    throw error;
  }
  return undefined;
}

describe('organization membership', () => {
  const world = createWorld('demo');

  it('knows the organization of members only', () => {
    expect(organizationOf(world)?.id).toBe(DEMO.organizationId);
    expect(managementAccountId(world)).toBe(DEMO.managementAccountId);
    expect(organizationIdOf(world, DEMO.accounts['web-dev'])).toBe(DEMO.organizationId);
    expect(organizationIdOf(world, DEMO.managementAccountId)).toBe(DEMO.organizationId);
    expect(organizationIdOf(world, DEMO.accounts['partner-co'])).toBeUndefined();
  });

  it('gives the path from the root to the parent', () => {
    expect(accountPath(world, DEMO.accounts['payments-dev'])).toEqual([DEMO.rootId, DEMO.ouIds.Workloads, DEMO.ouIds.Dev]);
    expect(accountPath(world, DEMO.managementAccountId)).toEqual([DEMO.rootId]);
    expect(accountPath(world, DEMO.accounts['partner-co'])).toEqual([]);
    expect(parentOf(world, DEMO.ouIds.Prod)).toBe(DEMO.ouIds.Workloads);
  });
});

describe('serviceControlPoliciesFor', () => {
  it('lists root → OUs → account, with the Sandbox deny', () => {
    const world = createWorld('demo');
    const levels = serviceControlPoliciesFor(world, DEMO.accounts['sandbox-alice']);
    expect(levels.map((l) => l.orgIdentifier)).toEqual([DEMO.rootId, DEMO.ouIds.Sandbox, DEMO.accounts['sandbox-alice']]);
    expect(levels[1].policies.map((p) => p.name)).toEqual(['FullAWSAccess', 'DenyOrganizations']);
    expect(levels[2].policies.map((p) => p.name)).toEqual(['FullAWSAccess']);
  });

  it('is empty for the management account, outsiders and consolidated billing', () => {
    const world = createWorld('demo');
    expect(serviceControlPoliciesFor(world, DEMO.managementAccountId)).toEqual([]);
    expect(serviceControlPoliciesFor(world, DEMO.accounts['partner-co'])).toEqual([]);
    const billing = createWorld('demo', { featureSet: 'CONSOLIDATED_BILLING' });
    expect(serviceControlPoliciesFor(billing, DEMO.accounts['sandbox-alice'])).toEqual([]);
  });

  it('follows a moved account and bumps the policy version', () => {
    const world = createWorld('demo');
    const before = policyVersion(world);
    moveAccount(world, DEMO.accounts['sandbox-alice'], DEMO.ouIds.Sandbox, DEMO.ouIds.Dev);
    expect(policyVersion(world)).toBeGreaterThan(before);
    const levels = serviceControlPoliciesFor(world, DEMO.accounts['sandbox-alice']);
    expect(levels.map((l) => l.orgIdentifier)).toEqual([DEMO.rootId, DEMO.ouIds.Workloads, DEMO.ouIds.Dev, DEMO.accounts['sandbox-alice']]);
    expect(levels.flatMap((l) => l.policies.map((p) => p.name))).not.toContain('DenyOrganizations');
  });

  it('keeps at least one SCP on every target', () => {
    const world = createWorld('demo');
    expect(codeOf(() => detachPolicy(world, FULL_AWS_ACCESS_POLICY_ID, DEMO.ouIds.Dev))).toBe(
      'ConstraintViolationException:MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED',
    );
    detachPolicy(world, FULL_AWS_ACCESS_POLICY_ID, DEMO.ouIds.Sandbox);
    expect(serviceControlPoliciesFor(world, DEMO.accounts['sandbox-alice'])[1].policies.map((p) => p.name)).toEqual(['DenyOrganizations']);
  });
});

describe('organization rules', () => {
  it('limits OU nesting to 5 levels', () => {
    const world = createWorld('demo');
    let parent: string = DEMO.ouIds.Dev; // level 2
    for (const name of ['L3', 'L4', 'L5']) parent = createOrganizationalUnit(world, parent, name).id;
    expect(codeOf(() => createOrganizationalUnit(world, parent, 'L6'))).toBe('ConstraintViolationException:OU_DEPTH_LIMIT_EXCEEDED');
  });

  it('rejects duplicate OU names under one parent but not across parents', () => {
    const world = createWorld('demo');
    expect(codeOf(() => createOrganizationalUnit(world, DEMO.ouIds.Workloads, 'Prod'))).toBe('DuplicateOrganizationalUnitException');
    expect(createOrganizationalUnit(world, DEMO.ouIds.Sandbox, 'Prod').name).toBe('Prod');
  });

  it('checks MoveAccount parents and deletes only empty OUs', () => {
    const world = createWorld('demo');
    const web = DEMO.accounts['web-dev'];
    expect(codeOf(() => moveAccount(world, web, DEMO.ouIds.Prod, DEMO.ouIds.Sandbox))).toBe('SourceParentNotFoundException');
    expect(codeOf(() => moveAccount(world, web, DEMO.ouIds.Dev, 'ou-7c0r-zzzzzzzz'))).toBe('DestinationParentNotFoundException');
    expect(codeOf(() => moveAccount(world, web, DEMO.ouIds.Dev, DEMO.ouIds.Dev))).toBe('DuplicateAccountException');
    expect(codeOf(() => moveAccount(world, DEMO.accounts['partner-co'], DEMO.ouIds.Dev, DEMO.ouIds.Prod))).toBe('AccountNotFoundException');
    expect(codeOf(() => deleteOrganizationalUnit(world, DEMO.ouIds.Dev))).toBe('OrganizationalUnitNotEmptyException');
    moveAccount(world, web, DEMO.ouIds.Dev, DEMO.ouIds.Prod);
    moveAccount(world, DEMO.accounts['payments-dev'], DEMO.ouIds.Dev, DEMO.ouIds.Prod);
    deleteOrganizationalUnit(world, DEMO.ouIds.Dev);
    expect(parentOf(world, web)).toBe(DEMO.ouIds.Prod);
  });

  it('records trusted service access', () => {
    const world = createWorld('demo', { orgSharing: false });
    enableAwsServiceAccess(world, 'sso.amazonaws.com');
    expect(isAwsServiceAccessEnabled(world, 'sso.amazonaws.com')).toBe(true);
  });
});

describe('pagination', () => {
  const items = Array.from({ length: 11 }, (_, i) => `item-${i}`);
  const all = (max: number | undefined, shard: number) => {
    const pages: string[][] = [];
    let token: string | undefined;
    do {
      const result = page(items, { NextToken: token, MaxResults: max }, 'k', (s) => s, shard);
      pages.push(result.items);
      token = result.NextToken;
    } while (token);
    return pages;
  };

  it('stops at hidden shard boundaries and opens each new shard with an empty page', () => {
    expect(all(undefined, 4).map((p) => p.length)).toEqual([4, 0, 4, 0, 3]);
    expect(all(3, 4).map((p) => p.length)).toEqual([3, 1, 0, 3, 1, 0, 3]);
    expect(all(undefined, 1000)).toEqual([items]);
    expect(all(2, 4).flat()).toEqual(items);
  });

  it('rejects MaxResults above 20 and foreign tokens', () => {
    expect(codeOf(() => page(items, { MaxResults: 21 }, 'k', (s) => s, 4))).toBe('InvalidInputException:MAX_VALUE_EXCEEDED');
    const { NextToken } = page(items, { MaxResults: 2 }, 'k', (s) => s, 4);
    expect(codeOf(() => page(items, { NextToken }, 'other', (s) => s, 4))).toBe('InvalidInputException:INVALID_NEXT_TOKEN');
    expect(codeOf(() => page(items, { NextToken: 'garbage' }, 'k', (s) => s, 4))).toBe('InvalidInputException:INVALID_NEXT_TOKEN');
  });

  it('resumes at the next item when earlier items were removed', () => {
    const list = [...items];
    const first = page(list, { MaxResults: 3 }, 'k', (s) => s, 100);
    list.splice(0, 2);
    const second = page(list, { NextToken: first.NextToken, MaxResults: 3 }, 'k', (s) => s, 100);
    expect(second.items).toEqual(['item-3', 'item-4', 'item-5']);
  });
});
