// Protects parity with moto for the basic Organizations flow (create org, OUs, list, describe) and pins the known differences.
import * as O from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireValue } from '../core/types.js';
import { startSandbox } from '../testing.js';
import { startMoto, type Moto } from '../testing/moto.js';

type Result = Record<string, unknown>;

/** Same calls on both: results as JSON with ids, accounts, emails and dates made comparable. */
async function scenario(client: O.OrganizationsClient): Promise<Record<string, Result>> {
  const out: Record<string, Result> = {};
  // Commands of different operations: typed loosely, the results are compared as JSON.
  const run = async (step: string, command: unknown): Promise<WireValue> => {
    try {
      const { $metadata, ...answer } = (await client.send(command as O.DescribeOrganizationCommand)) as Result & { $metadata: unknown };
      void $metadata;
      out[step] = answer;
    } catch (error) {
      const e = error as { name: string; message: string; Reason?: string };
      out[step] = { error: e.name, message: e.message, ...(e.Reason ? { Reason: e.Reason } : {}) };
    }
    return out[step];
  };
  await run('describeBefore', new O.DescribeOrganizationCommand({}));
  const created = await run('create', new O.CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  await run('describe', new O.DescribeOrganizationCommand({}));
  const rootId = (await run('roots', new O.ListRootsCommand({}))).Roots[0].Id;
  const a = (await run('createA', new O.CreateOrganizationalUnitCommand({ ParentId: rootId, Name: 'A' }))).OrganizationalUnit.Id;
  const b = (await run('createB', new O.CreateOrganizationalUnitCommand({ ParentId: a, Name: 'B' }))).OrganizationalUnit.Id;
  await run('childOus', new O.ListChildrenCommand({ ParentId: rootId, ChildType: 'ORGANIZATIONAL_UNIT' }));
  await run('childAccounts', new O.ListChildrenCommand({ ParentId: rootId, ChildType: 'ACCOUNT' }));
  await run('ousForParent', new O.ListOrganizationalUnitsForParentCommand({ ParentId: a }));
  await run('accounts', new O.ListAccountsCommand({}));
  await run('accountsForParent', new O.ListAccountsForParentCommand({ ParentId: rootId }));
  await run('describeOu', new O.DescribeOrganizationalUnitCommand({ OrganizationalUnitId: b }));
  await run('parents', new O.ListParentsCommand({ ChildId: b }));
  await run('describeAccount', new O.DescribeAccountCommand({ AccountId: created.Organization.MasterAccountId }));
  await run('unknownAccount', new O.DescribeAccountCommand({ AccountId: '999999999999' }));
  await run('unknownOu', new O.DescribeOrganizationalUnitCommand({ OrganizationalUnitId: 'ou-zzzz-zzzzzzzz' }));
  await run('enableScp', new O.EnablePolicyTypeCommand({ RootId: rootId, PolicyType: 'SERVICE_CONTROL_POLICY' }));
  await run('policies', new O.ListPoliciesCommand({ Filter: 'SERVICE_CONTROL_POLICY' }));
  await run('enableRam', new O.EnableAWSServiceAccessCommand({ ServicePrincipal: 'ram.amazonaws.com' }));
  await run('serviceAccess', new O.ListAWSServiceAccessForOrganizationCommand({}));
  // Where moto is laxer than AWS (see README-organizations.md):
  await run('duplicateOu', new O.CreateOrganizationalUnitCommand({ ParentId: rootId, Name: 'A' }));
  await run('maxResults21', new O.ListAccountsCommand({ MaxResults: 21 }));
  await run('deleteNonEmptyOu', new O.DeleteOrganizationalUnitCommand({ OrganizationalUnitId: a }));
  return normalize(out);
}

function normalize(results: Record<string, Result>): Record<string, Result> {
  const ids = new Map<string, string>();
  const text = JSON.stringify(results)
    .replace(/\b(o|r|ou-[0-9a-z]+)-[0-9a-z]{4,32}\b/g, (id) => {
      if (!ids.has(id)) ids.set(id, `<${id.split('-')[0]}${ids.size}>`);
      return ids.get(id)!;
    })
    .replace(/\b\d{12}\b/g, '<account>')
    .replace(/"[^"@\s]+@[^"\s]+"/g, '"<email>"')
    .replace(/"\d{4}-\d\d-\d\dT[\d:.]+Z"/g, '"<date>"');
  return JSON.parse(text) as Record<string, Result>;
}

const AGREE = [
  'describeBefore',
  'roots',
  'createA',
  'createB',
  'childOus',
  'childAccounts',
  'ousForParent',
  'describeOu',
  'parents',
  'unknownAccount',
  'enableScp',
  'serviceAccess',
];

describe('Organizations against moto', () => {
  let moto: Moto | undefined;
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  let ours: Record<string, Result>;
  let theirs: Record<string, Result>;

  beforeAll(async () => {
    moto = await startMoto();
    sandbox = await startSandbox({ seed: 'empty', throttle: false });
    ours = await scenario(new O.OrganizationsClient({ ...sandbox.clientConfig(), maxAttempts: 1 }));
    if (moto) {
      const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
      theirs = await scenario(new O.OrganizationsClient({ endpoint: moto.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 }));
    }
  }, 120_000);
  afterAll(async () => {
    await sandbox?.close();
    await moto?.close();
  });

  it('answers the basic flow as moto does', ({ skip }) => {
    if (!moto) skip();
    for (const step of AGREE) expect({ step, result: ours[step] }).toEqual({ step, result: theirs[step] });
    // Accounts agree except the management account's name (moto: "master"; ours: the seed's name).
    const withoutName = (r: Result) => JSON.parse(JSON.stringify(r).replace(/"Name":"[^"]*"/g, '"Name":"<name>"'));
    for (const step of ['accounts', 'accountsForParent', 'describeAccount']) expect(withoutName(ours[step])).toEqual(withoutName(theirs[step]));
    expect(ours.unknownOu.error).toBe(theirs.unknownOu.error);
  });

  it('differs from moto where moto is laxer than AWS', ({ skip }) => {
    if (!moto) skip();
    expect(ours.duplicateOu.error).toBe('DuplicateOrganizationalUnitException');
    expect(theirs.duplicateOu.error).toBeUndefined();
    expect(ours.maxResults21).toMatchObject({ error: 'InvalidInputException', Reason: 'MAX_VALUE_EXCEEDED' });
    expect(theirs.maxResults21.error).toBeUndefined();
    expect(ours.deleteNonEmptyOu.error).toBe('OrganizationalUnitNotEmptyException');
    expect(theirs.deleteNonEmptyOu.error).toBeUndefined();
    // FullAWSAccess is AWS managed: its ARN has no account or organization.
    expect(ours.policies).toMatchObject({ Policies: [{ Arn: 'arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess' }] });
    // The deprecated AvailablePolicyTypes mirrors the root's policy types (none after CreateOrganization); moto always says SCP.
    expect(ours.create).toMatchObject({ Organization: { AvailablePolicyTypes: [] } });
    expect(theirs.create).toMatchObject({ Organization: { AvailablePolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }] } });
  });

  it('runs the flow on the sandbox alone (moto or not)', () => {
    expect(ours.describe).toMatchObject({ Organization: { FeatureSet: 'ALL', MasterAccountId: '<account>' } });
    expect(ours.childOus).toEqual({ Children: [{ Id: '<ou2>', Type: 'ORGANIZATIONAL_UNIT' }] });
    expect(ours.describeOu).toMatchObject({ OrganizationalUnit: { Name: 'B' } });
    expect(ours.accounts).toMatchObject({ Accounts: [{ Id: '<account>', Name: 'standalone', JoinedMethod: 'CREATED' }] });
  });
});
