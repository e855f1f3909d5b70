// Protects managed permissions through the code that ships, against the sandbox: the page's reading (AWS and customer managed, versions, uses), create / version / update-shares plans applied and read back (the replace work followed to COMPLETED), the wizard's permission choices including customer managed ones, and promoting the demo's share created from a policy.
import { CreateResourceShareCommand, RAMClient } from '@aws-sdk/client-ram';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO } from '../../sandbox/seeds/demo-ids';
import { demoResourceArns } from '../../sandbox/seeds/demo-resources';
import { startSandbox, type TestSandbox } from '../../sandbox/testing';
import { useConsoleEnv } from '../../tests/support/console-env';
import { getClient, resetAwsAccess } from '../aws/clients';
import { getConsoleContext } from '../aws/identity';
import { readBack } from '../changes/registry';
import { applyPlan, runFinished } from '../plan/apply';
import { getPlan, savePlan } from '../plan/store';
import type { PlanDraft } from '../plan/types';
import { allowedActionsByType, readManagedPermissions } from './managed-permissions';
import { permissionEditSchema, planPermissionEdit } from './permission-edits';
import { permissionsFor } from './permissions';
import { planPromoteShare } from './promote-share';
import { refreshSharesOf } from './snapshot';

const { network, 'payments-dev': paymentsDev, 'shared-services': sharedServices } = DEMO.accounts;
const region = 'us-east-1';
const target = { accountId: network, region };
const ADMIN = { email: 'admin@example.com', name: 'Admin', role: 'admin' as const };
let sb: TestSandbox;

beforeAll(async () => {
  sb = await startSandbox({ seed: 'demo' });
  useConsoleEnv(sb, 'crossing-permissions-');
  resetAwsAccess();
});
afterAll(async () => sb.close());

async function run(draft: PlanDraft) {
  const plan = await savePlan(draft, ADMIN.email);
  expect((await applyPlan(plan.id, ADMIN)).state).toBe('started');
  await runFinished(plan.id);
  const done = (await getPlan(plan.id))!;
  return { plan: done, result: await readBack(done, await getConsoleContext({ region })) };
}

async function edit(raw: unknown) {
  const view = await readManagedPermissions(target);
  return run(planPermissionEdit(view, permissionEditSchema.parse(raw), allowedActionsByType(view)));
}

it('creates a customer managed permission, moves a share to its version 2 and reads every step back', async () => {
  const before = await readManagedPermissions(target);
  expect(allowedActionsByType(before)['ec2:PrefixList']).toContain('ec2:GetManagedPrefixListEntries');
  expect(before.permissions.find((p) => p.name === 'AWSRAMDefaultPermissionSubnet')?.usedBy.map((u) => u.shareName)).toEqual(['workloads-subnets']);

  const created = await edit({ edit: 'create', name: 'entries-only', resourceType: 'ec2:PrefixList', actions: ['ec2:GetManagedPrefixListEntries'] });
  expect(created.result).toMatchObject({ tone: 'success', title: 'entries-only exists, version 1 is its default.' });
  const arn = `arn:aws:ram:${region}:${network}:permission/entries-only`;
  // The wizard's step 2 and a share's page offer it beside the AWS managed ones.
  expect((await permissionsFor(target, 'ec2:PrefixList')).map((p) => [p.name, p.permissionType])).toContainEqual(['entries-only', 'CUSTOMER_MANAGED']);

  const ram = getClient(RAMClient, target);
  await ram.send(new CreateResourceShareCommand({ name: 'cidrs', resourceArns: [demoResourceArns(sb.world).corpCidrsPrefixList], principals: [paymentsDev], permissionArns: [arn] }));
  const versioned = await edit({ edit: 'add-version', permissionArn: arn, actions: ['ec2:GetManagedPrefixListEntries', 'ec2:DescribeManagedPrefixLists'] });
  expect(versioned.result?.title).toBe('Version 2 is the default version.');

  const moved = await edit({ edit: 'update-shares', permissionArn: arn, version: 1 });
  expect(moved.plan.status).toBe('succeeded');
  expect(moved.plan.stepStates[0].settled).toMatchObject({ complete: true, items: [{ kind: 'replace-permission-work', status: 'COMPLETED' }] });
  expect(moved.result).toMatchObject({ tone: 'success', title: 'Every share now holds version 2 (the default).' });
  const share = (await refreshSharesOf(network, region)).find((s) => s.name === 'cidrs')!;
  expect(share.permissions).toMatchObject([{ arn, version: '2', defaultVersion: true }]);

  const removed = await edit({ edit: 'delete-version', permissionArn: arn, version: 1 });
  expect(removed.result?.title).toBe('Version 1 is deleted.');
});

it('promotes the demo share created from a resource policy in one plan', async () => {
  const share = (await refreshSharesOf(sharedServices, region)).find((s) => s.name === 'issuing-ca-policy')!;
  expect(share.featureSet).toBe('CREATED_FROM_POLICY');
  expect((await permissionsFor({ accountId: sharedServices, region }, 'acm-pca:CertificateAuthority')).map((p) => p.permissionType)).not.toContain('CUSTOMER_MANAGED');
  const { plan, result } = await run(planPromoteShare(share, { permissionName: 'ca-read' }));
  expect(plan.steps.map((s) => s.operation)).toEqual(['ram:PromotePermissionCreatedFromPolicy', 'ram:PromoteResourceShareCreatedFromPolicy']);
  expect(plan.status).toBe('succeeded');
  expect(['The share is STANDARD: it is managed in RAM now.', 'RAM is still promoting the share (PROMOTING_TO_STANDARD).']).toContain(result?.title);
});
