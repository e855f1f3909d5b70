// Protects the seeded worlds the console, tests and benchmarks start from: demo, large and empty.
import { describe, expect, it } from 'vitest';
import type { World } from '../core/types.js';
import { getRole, getUser } from '../iam/models.js';
import { organizationOf, organizationsState, serviceControlPoliciesFor } from '../organizations/models.js';
import { DEMO } from './demo-ids.js';
import { EMPTY } from './empty.js';
import { createWorld } from './index.js';
import { LARGE } from './large.js';
import { LARGE_SHARING } from './large-ram.js';
import { ramState } from '../ram/state.js';

function shape(world: World) {
  const state = organizationsState(world);
  return {
    ous: [...state.ous.values()].map((ou) => [ou.id, ou.name, ou.parentId]),
    accounts: state.memberOrder.map((id) => [id, world.accounts.get(id)?.name, state.members.get(id)?.parentId]),
  };
}

describe('demo seed', () => {
  const world = createWorld('demo');
  const state = organizationsState(world);

  it('builds Example Corp with its OUs and accounts where the brief puts them', () => {
    expect(organizationOf(world)).toMatchObject({ id: DEMO.organizationId, featureSet: 'ALL', masterAccountId: '100000000001' });
    const ouNames = Object.fromEntries([...state.ous.values()].map((ou) => [ou.name, ou.parentId]));
    expect(ouNames).toEqual({
      Security: DEMO.rootId,
      Infrastructure: DEMO.rootId,
      Workloads: DEMO.rootId,
      Prod: DEMO.ouIds.Workloads,
      Dev: DEMO.ouIds.Workloads,
      Sandbox: DEMO.rootId,
    });
    expect(state.members.get(DEMO.accounts.audit)?.parentId).toBe(DEMO.ouIds.Security);
    expect(state.members.get(DEMO.accounts['shared-services'])?.parentId).toBe(DEMO.ouIds.Infrastructure);
    expect(state.members.get(DEMO.accounts['web-prod'])).toMatchObject({ parentId: DEMO.ouIds.Prod, joinedMethod: 'INVITED' });
    expect(state.members.get(DEMO.accounts['payments-dev'])?.parentId).toBe(DEMO.ouIds.Dev);
    expect(state.members.get(DEMO.accounts['sandbox-alice'])?.parentId).toBe(DEMO.ouIds.Sandbox);
    expect(state.members.size).toBe(10);
    expect(state.members.has(DEMO.accounts['partner-co'])).toBe(false);
    expect(world.accounts.get(DEMO.accounts['partner-co'])?.name).toBe('partner-co');
  });

  it('has the IAM identities and roles of the brief with fixed keys', () => {
    expect(world.consoleAccessKeyId).toBe(DEMO.consoleCredentials.accessKeyId);
    for (const creds of [DEMO.consoleCredentials, DEMO.aliceCredentials, DEMO.partnerCredentials]) {
      expect(world.credentials.get(creds.accessKeyId)?.secretAccessKey).toBe(creds.secretAccessKey);
      expect(creds.accessKeyId).toMatch(/^AKIA[A-Z0-9]{16}$/);
      expect(creds.secretAccessKey).toHaveLength(40);
    }
    expect(world.credentials.get(DEMO.aliceCredentials.accessKeyId)?.identity.arn).toBe('arn:aws:iam::400000000011:user/alice');
    expect(getUser(world, DEMO.accounts['partner-co'], 'partner-admin').attachedPolicies).toContain('arn:aws:iam::aws:policy/AdministratorAccess');
    for (const id of DEMO.memberAccountIds.filter((a) => a !== DEMO.managementAccountId)) {
      expect(getRole(world, id, 'OrganizationAccountAccessRole').assumeRolePolicyDocument).toContain('arn:aws:iam::100000000001:root');
    }
    expect(getRole(world, DEMO.accounts.audit, 'SecurityAudit').attachedPolicies).toContain('arn:aws:iam::aws:policy/SecurityAudit');
    for (const name of ['payments-prod', 'web-prod', 'payments-dev', 'web-dev'] as const) {
      expect(getRole(world, DEMO.accounts[name], 'ReadOnlyAuditor').assumeRolePolicyDocument).toContain(DEMO.roles.securityAudit);
    }
    const legacy = getRole(world, DEMO.accounts['web-prod'], 'LegacyVendorAccess').assumeRolePolicyDocument;
    expect(legacy).toContain('arn:aws:iam::900000000001:root');
    expect(legacy).not.toContain('ExternalId');
  });

  it('denies organizations:* by SCP in the Sandbox OU only', () => {
    const names = (id: string) => serviceControlPoliciesFor(world, id).flatMap((l) => l.policies.map((p) => p.name));
    expect(names(DEMO.accounts['sandbox-alice'])).toContain('DenyOrganizations');
    expect(names(DEMO.accounts['web-dev'])).not.toContain('DenyOrganizations');
  });

  it('is the same world every time', () => {
    expect(shape(createWorld('demo'))).toEqual(shape(world));
  });
});

describe('large seed', () => {
  it('has the requested counts and depth, deterministically', () => {
    const options = { accounts: 600, ous: 80, depth: 5 };
    const a = createWorld('large', options);
    const b = createWorld('large', options);
    expect(shape(a)).toEqual(shape(b));
    const state = organizationsState(a);
    expect(state.members.size).toBe(600);
    expect(state.ous.size).toBe(80);
    expect(Math.max(...[...state.ous.values()].map((ou) => ou.depth))).toBe(5);
    expect(shape(createWorld('large', { ...options, depth: 3 }))).not.toEqual(shape(a));
  });

  it('builds 10,000 accounts and 1,000 OUs by default, uneven and with repeated OU names', () => {
    const world = createWorld('large');
    const state = organizationsState(world);
    expect(state.members.size).toBe(LARGE.defaults.accounts);
    expect(state.ous.size).toBe(LARGE.defaults.ous);
    const sizes = [...state.childAccounts.values()].map((list) => list.length);
    expect(sizes.filter((n) => n > 20).length).toBeGreaterThan(10);
    expect(sizes.filter((n) => n <= 5).length).toBeGreaterThan(50);
    const names = [...state.ous.values()].map((ou) => ou.name);
    expect(new Set(names).size).toBeLessThan(names.length / 5);
    expect(world.consoleAccessKeyId).toBe(LARGE.consoleCredentials.accessKeyId);
    expect(getRole(world, '200000009999', 'OrganizationAccountAccessRole').attachedPolicies).toContain('arn:aws:iam::aws:policy/AdministratorAccess');
  });

  it('shares resources across accounts and three Regions, some with accounts outside the organization', () => {
    const world = createWorld('large', { accounts: 300, ous: 30, shares: 400 });
    const shares = [...ramState(world).shares.values()];
    expect(shares).toHaveLength(400);
    expect(new Set(shares.map((s) => s.region))).toEqual(new Set(LARGE_SHARING.regions));
    expect(new Set(shares.map((s) => s.owningAccountId)).size).toBe(40);
    expect(shares.every((s) => s.associations.some((a) => a.type === 'RESOURCE'))).toBe(true);
    const external = shares.filter((s) => s.associations.some((a) => a.type === 'PRINCIPAL' && a.external));
    expect(external.length).toBeGreaterThan(10);
    expect(external.every((s) => s.allowExternalPrincipals)).toBe(true);
    expect(createWorld('large', { accounts: 300, ous: 30, shares: 0 }).services.ram).toBeUndefined();
  });
});

describe('empty seed', () => {
  it('has accounts and the console identity but no organization', () => {
    const world = createWorld('empty');
    expect(organizationOf(world)).toBeUndefined();
    expect(world.accounts.size).toBe(Object.keys(EMPTY.accounts).length);
    expect(world.credentials.get(world.consoleAccessKeyId!)?.identity.accountId).toBe(EMPTY.consoleAccountId);
  });

  it('refuses unknown seeds', () => {
    expect(() => createWorld('nope')).toThrow(/Unknown seed/);
  });
});
