// Protects what a receiving account can do about a share it was given (leaving it when it was added as an
// individual account, not when it receives it through its organization), and the owner's one-call listing of
// the permissions attached to its shares (ListPermissionAssociations), both through the SDK.
import { describe, expect, test } from 'vitest';
import {
  AcceptResourceShareInvitationCommand,
  DisassociateResourceShareCommand,
  GetResourceSharesCommand,
  ListPermissionAssociationsCommand,
} from '@aws-sdk/client-ram';
import type { TestSandbox } from '../testing.js';
import { DEMO } from '../seeds/demo-ids.js';
import type { DemoSharingArns } from '../seeds/demo-ram.js';
import { demoSandbox, errorName, ramAs } from './test-clients.js';

const A = DEMO.accounts;
let sb: TestSandbox;
let sharing: DemoSharingArns;

demoSandbox((started) => ({ sb, sharing } = started));

const received = async (accountId: string) => {
  const ram = await ramAs(sb, accountId);
  const { resourceShares } = await ram.send(new GetResourceSharesCommand({ resourceOwner: 'OTHER-ACCOUNTS' }));
  return resourceShares!.map((s) => s.name).sort();
};

describe('leaving a resource share', () => {
  test('an account invited individually leaves the share with DisassociateResourceShare naming itself', async () => {
    const ram = await ramAs(sb, A['payments-dev']);
    await ram.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: sharing.invitations.partnerNetwork.paymentsDev }));
    expect(await received(A['payments-dev'])).toContain('partner-network');
    const out = await ram.send(new DisassociateResourceShareCommand({ resourceShareArn: sharing.shares.partnerNetwork, principals: [A['payments-dev']] }));
    expect(out.resourceShareAssociations!.map((a) => [a.associatedEntity, a.status])).toEqual([[A['payments-dev'], 'DISASSOCIATING']]);
    await sb.control.advanceClock(5);
    expect(await received(A['payments-dev'])).not.toContain('partner-network');
  });

  test('an account that receives a share through its organizational unit cannot leave it', async () => {
    const ram = await ramAs(sb, A['payments-dev']);
    const call = ram.send(new DisassociateResourceShareCommand({ resourceShareArn: sharing.shares.workloadsSubnets, principals: [A['payments-dev']] }));
    await expect(call).rejects.toThrow(/receive it through your organization or organizational unit/);
    expect(await received(A['payments-dev'])).toContain('workloads-subnets');
  });

  test('a receiver may not remove resources or other principals', async () => {
    const ram = await ramAs(sb, A['payments-dev']);
    expect(await errorName(ram.send(new DisassociateResourceShareCommand({ resourceShareArn: sharing.shares.workloadsSubnets, principals: [A['web-dev']] })))).toBe(
      'OperationNotPermittedException',
    );
  });

  test('an account the share does not reach gets the share-not-found answer', async () => {
    const ram = await ramAs(sb, A['sandbox-alice']);
    expect(await errorName(ram.send(new DisassociateResourceShareCommand({ resourceShareArn: sharing.shares.workloadsSubnets, principals: [A['sandbox-alice']] })))).toBe(
      'UnknownResourceException',
    );
  });
});

describe('ListPermissionAssociations', () => {
  test("lists the permission of each resource type of the caller's shares, with its version and share", async () => {
    const ram = await ramAs(sb, A.network);
    const { permissions } = await ram.send(new ListPermissionAssociationsCommand({}));
    expect(permissions!.map((p) => [p.resourceShareArn, p.resourceType, p.arn, p.permissionVersion, p.defaultVersion, p.status]).sort()).toEqual(
      [
        [sharing.shares.corpDns, 'route53resolver:ResolverRule', 'arn:aws:ram::aws:permission/AWSRAMDefaultPermissionResolverRule', '1', true, 'ASSOCIATED'],
        [sharing.shares.workloadsSubnets, 'ec2:Subnet', 'arn:aws:ram::aws:permission/AWSRAMDefaultPermissionSubnet', '1', true, 'ASSOCIATED'],
      ].sort(),
    );
    const filtered = await ram.send(new ListPermissionAssociationsCommand({ resourceType: 'ec2:Subnet' }));
    expect(filtered.permissions!.map((p) => p.resourceShareArn)).toEqual([sharing.shares.workloadsSubnets]);
  });
});
