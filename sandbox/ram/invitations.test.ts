// Protects RAM invitations (accept, reject, 7-day and 12-hour expiry on the sandbox clock, quota), clientToken idempotency, pagination, managed permissions and tags through the SDK.
import { beforeEach, describe, expect, test } from 'vitest';
import {
  AcceptResourceShareInvitationCommand,
  AssociateResourceSharePermissionCommand,
  CreateResourceShareCommand,
  DisassociateResourceSharePermissionCommand,
  GetPermissionCommand,
  GetResourceShareAssociationsCommand,
  GetResourceShareInvitationsCommand,
  GetResourceSharesCommand,
  ListPendingInvitationResourcesCommand,
  ListPermissionsCommand,
  ListPermissionVersionsCommand,
  ListResourcesCommand,
  ListResourceSharePermissionsCommand,
  ListResourceTypesCommand,
  paginateListPermissions,
  paginateListResourceTypes,
  RejectResourceShareInvitationCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateResourceShareCommand,
} from '@aws-sdk/client-ram';
import type { TestSandbox } from '../testing.js';
import { DEMO } from '../seeds/demo-ids.js';
import type { DemoResources } from '../seeds/demo-resources.js';
import type { DemoSharingArns } from '../seeds/demo-ram.js';
import { demoSandbox, errorName, ramAs } from './test-clients.js';

const A = DEMO.accounts;
const PARTNER = A['partner-co'];
const HOUR = 3600;

let sb: TestSandbox;
let resources: DemoResources;
let sharing: DemoSharingArns;

demoSandbox((started) => ({ sb, resources, sharing } = started));
// The same seed gives the same ARNs, so every test starts from the demo world as seeded.
beforeEach(async () => sb.control.reset('demo'));

const invitationsOf = async (accountId: string) => {
  const ram = await ramAs(sb, accountId);
  const { resourceShareInvitations } = await ram.send(new GetResourceShareInvitationsCommand({}));
  return resourceShareInvitations!.map((i) => [i.resourceShareName, i.senderAccountId, i.status]).sort();
};

describe('invitations', () => {
  test('the demo has partner-co invitations pending for management and payments-dev, and an expired one for web-dev', async () => {
    const pending = [
      ['partner-network', PARTNER, 'PENDING'],
      ['partner-pki', PARTNER, 'PENDING'],
    ];
    expect(await invitationsOf(A.management)).toEqual(pending);
    expect(await invitationsOf(A['payments-dev'])).toEqual(pending);
    expect(await invitationsOf(A['web-dev'])).toEqual([['partner-pki', PARTNER, 'EXPIRED']]);
  });

  test('a pending invitation lists its resources; accepting makes the share and its resources visible', async () => {
    const management = await ramAs(sb, A.management);
    const invitation = sharing.invitations.partnerNetwork.management;
    const pending = await management.send(new ListPendingInvitationResourcesCommand({ resourceShareInvitationArn: invitation }));
    expect(pending.resources!.map((r) => [r.arn, r.type])).toEqual([[sharing.partnerPrefixList, 'ec2:PrefixList']]);
    const before = await management.send(new ListResourcesCommand({ resourceOwner: 'OTHER-ACCOUNTS', resourceType: 'ec2:PrefixList' }));
    expect(before.resources).toEqual([]);

    const accepted = await management.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: invitation }));
    expect(accepted.resourceShareInvitation!.status).toBe('ACCEPTED');
    const { resourceShares } = await management.send(new GetResourceSharesCommand({ resourceOwner: 'OTHER-ACCOUNTS' }));
    expect(resourceShares!.map((s) => [s.name, s.owningAccountId]).sort()).toEqual([
      ['corp-dns', A.network],
      ['partner-network', PARTNER],
    ]);
    const after = await management.send(new ListResourcesCommand({ resourceOwner: 'OTHER-ACCOUNTS', resourceType: 'ec2:PrefixList' }));
    expect(after.resources!.map((r) => r.arn)).toEqual([sharing.partnerPrefixList]);

    const partner = await ramAs(sb, PARTNER);
    const { resourceShareAssociations } = await partner.send(
      new GetResourceShareAssociationsCommand({ associationType: 'PRINCIPAL', resourceShareArns: [sharing.shares.partnerNetwork] }),
    );
    expect(resourceShareAssociations!.map((a) => [a.associatedEntity, a.status, a.external]).sort()).toEqual([
      [A.management, 'ASSOCIATED', true],
      [A['payments-dev'], 'ASSOCIATING', true],
    ]);
    expect(await errorName(management.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: invitation })))).toBe(
      'ResourceShareInvitationAlreadyAcceptedException',
    );
  });

  test('rejecting removes the principal association; the invitation cannot be answered again', async () => {
    const paymentsDev = await ramAs(sb, A['payments-dev']);
    const invitation = sharing.invitations.partnerPki.paymentsDev;
    const rejected = await paymentsDev.send(new RejectResourceShareInvitationCommand({ resourceShareInvitationArn: invitation }));
    expect(rejected.resourceShareInvitation!.status).toBe('REJECTED');
    const partner = await ramAs(sb, PARTNER);
    const { resourceShareAssociations } = await partner.send(
      new GetResourceShareAssociationsCommand({ associationType: 'PRINCIPAL', resourceShareArns: [sharing.shares.partnerPki], principal: A['payments-dev'] }),
    );
    expect(resourceShareAssociations!.map((a) => a.status)).toEqual(['DISASSOCIATED']);
    expect(await errorName(paymentsDev.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: invitation })))).toBe(
      'ResourceShareInvitationAlreadyRejectedException',
    );
    const { resources: shared } = await paymentsDev.send(new ListResourcesCommand({ resourceOwner: 'OTHER-ACCOUNTS', resourceType: 'acm-pca:CertificateAuthority' }));
    expect(shared).toEqual([]);
  });

  test('an invitation is only for its receiver, and an expired one cannot be accepted', async () => {
    const webProd = await ramAs(sb, A['web-prod']);
    const foreign = webProd.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: sharing.invitations.partnerPki.management }));
    expect(await errorName(foreign)).toBe('ResourceShareInvitationArnNotFoundException');
    const webDev = await ramAs(sb, A['web-dev']);
    const expired = webDev.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: sharing.invitations.partnerPki.webDev }));
    expect(await errorName(expired)).toBe('ResourceShareInvitationExpiredException');
    const malformed = webDev.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: 'invitation' }));
    expect(await errorName(malformed)).toBe('MalformedArnException');
  });

  test('a CA invitation expires after 12 hours, a prefix list invitation after 7 days', async () => {
    await sb.control.advanceClock(12 * HOUR + 1);
    expect(await invitationsOf(A.management)).toEqual([
      ['partner-network', PARTNER, 'PENDING'],
      ['partner-pki', PARTNER, 'EXPIRED'],
    ]);
    await sb.control.advanceClock(7 * 24 * HOUR);
    expect((await invitationsOf(A.management)).map((i) => i[2])).toEqual(['EXPIRED', 'EXPIRED']);
    const partner = await ramAs(sb, PARTNER);
    const { resourceShareAssociations } = await partner.send(
      new GetResourceShareAssociationsCommand({ associationType: 'PRINCIPAL', resourceShareArns: [sharing.shares.partnerNetwork], principal: A.management }),
    );
    expect(resourceShareAssociations!.map((a) => a.status)).toEqual(['DISASSOCIATED']);
  });

  test('an account can hold at most 20 pending invitations', async () => {
    const partner = await ramAs(sb, PARTNER);
    for (let i = 0; i < 18; i++) {
      await partner.send(new CreateResourceShareCommand({ name: `spam-${i}`, principals: [A.management] }));
    }
    const over = partner.send(new CreateResourceShareCommand({ name: 'spam-over', principals: [A.management] }));
    expect(await errorName(over)).toBe('ResourceShareLimitExceededException');
  });
});

describe('idempotency', () => {
  test('the same clientToken and request returns the first result; a different request is refused', async () => {
    const network = await ramAs(sb, A.network);
    const request = { name: 'idem', resourceArns: [resources.coreTransitGateway], principals: [A['web-prod']], clientToken: 'token-1' };
    const first = await network.send(new CreateResourceShareCommand(request));
    const second = await network.send(new CreateResourceShareCommand(request));
    expect(second.resourceShare!.resourceShareArn).toBe(first.resourceShare!.resourceShareArn);
    expect(second.clientToken).toBe('token-1');
    const { resourceShares } = await network.send(new GetResourceSharesCommand({ resourceOwner: 'SELF', name: 'idem' }));
    expect(resourceShares).toHaveLength(1);
    const mismatch = network.send(new CreateResourceShareCommand({ ...request, name: 'idem-2' }));
    expect(await errorName(mismatch)).toBe('IdempotentParameterMismatchException');

    const update = { resourceShareArn: first.resourceShare!.resourceShareArn!, name: 'idem-renamed', clientToken: 'token-2' };
    await network.send(new UpdateResourceShareCommand(update));
    expect(await errorName(network.send(new UpdateResourceShareCommand({ ...update, name: 'other' })))).toBe('IdempotentParameterMismatchException');
  });
});

describe('pagination', () => {
  test('paginators walk every page; a bad token is refused', async () => {
    const ram = await ramAs(sb, A.management);
    const types: string[] = [];
    for await (const page of paginateListResourceTypes({ client: ram, pageSize: 2 }, {})) {
      expect(page.resourceTypes!.length).toBeLessThanOrEqual(2);
      types.push(...page.resourceTypes!.map((t) => t.resourceType!));
    }
    expect(types.sort()).toEqual([
      'acm-pca:CertificateAuthority',
      'ec2:PrefixList',
      'ec2:Subnet',
      'ec2:TransitGateway',
      'license-manager:LicenseConfiguration',
      'route53resolver:ResolverRule',
    ]);
    let permissions = 0;
    for await (const page of paginateListPermissions({ client: ram, pageSize: 3 }, {})) permissions += page.permissions!.length;
    expect(permissions).toBeGreaterThan(6);
    const first = await ram.send(new GetResourceShareInvitationsCommand({ maxResults: 1 }));
    expect(first.resourceShareInvitations).toHaveLength(1);
    const second = await ram.send(new GetResourceShareInvitationsCommand({ maxResults: 1, nextToken: first.nextToken }));
    expect(second.resourceShareInvitations![0].resourceShareInvitationArn).not.toBe(first.resourceShareInvitations![0].resourceShareInvitationArn);
    expect(await errorName(ram.send(new ListResourceTypesCommand({ nextToken: 'garbage' })))).toBe('InvalidNextTokenException');
  });
});

describe('managed permissions', () => {
  test('each type has its AWS managed default; a CA share can switch to an alternative, default version only', async () => {
    const ram = await ramAs(sb, PARTNER);
    const { permissions } = await ram.send(new ListPermissionsCommand({ resourceType: 'acm-pca:CertificateAuthority' }));
    const names = permissions!.map((p) => p.name);
    expect(names).toContain('AWSRAMDefaultPermissionCertificateAuthority');
    expect(names).toContain('AWSRAMRevokeCertificateCertificateAuthority');
    const revoke = permissions!.find((p) => p.name === 'AWSRAMRevokeCertificateCertificateAuthority')!.arn!;

    const attached = await ram.send(new ListResourceSharePermissionsCommand({ resourceShareArn: sharing.shares.partnerPki }));
    expect(attached.permissions!.map((p) => p.name)).toEqual(['AWSRAMDefaultPermissionCertificateAuthority']);
    const detail = await ram.send(new GetPermissionCommand({ permissionArn: attached.permissions![0].arn! }));
    expect(JSON.parse(detail.permission!.permission!).Action).toContain('acm-pca:IssueCertificate');
    const versions = await ram.send(new ListPermissionVersionsCommand({ permissionArn: revoke }));
    expect(versions.permissions!.map((p) => [p.version, p.defaultVersion])).toEqual([['1', true]]);

    const swap = (extra: object) => ram.send(new AssociateResourceSharePermissionCommand({ resourceShareArn: sharing.shares.partnerPki, permissionArn: revoke, ...extra }));
    expect(await errorName(swap({}))).toBe('InvalidParameterException');
    expect(await errorName(swap({ replace: true, permissionVersion: 2 }))).toBe('InvalidParameterException');
    await swap({ replace: true });
    const now = await ram.send(new ListResourceSharePermissionsCommand({ resourceShareArn: sharing.shares.partnerPki }));
    expect(now.permissions!.map((p) => p.name)).toEqual(['AWSRAMRevokeCertificateCertificateAuthority']);
    const detach = ram.send(new DisassociateResourceSharePermissionCommand({ resourceShareArn: sharing.shares.partnerPki, permissionArn: revoke }));
    expect(await errorName(detach)).toBe('InvalidStateTransitionException');

    const subnet = ram.send(new AssociateResourceSharePermissionCommand({ resourceShareArn: sharing.shares.partnerPki, permissionArn: 'arn:aws:ram::aws:permission/AWSRAMDefaultPermissionSubnet' }));
    expect(await errorName(subnet)).toBe('InvalidParameterException');
    expect(await errorName(ram.send(new GetPermissionCommand({ permissionArn: 'arn:aws:ram::aws:permission/Nope' })))).toBe('UnknownResourceException');
  });
});

describe('tags', () => {
  test('tags are added, filtered on and removed', async () => {
    const network = await ramAs(sb, A.network);
    const arn = sharing.shares.corpDns;
    await network.send(new TagResourceCommand({ resourceShareArn: arn, tags: [{ key: 'env', value: 'prod' }] }));
    const tagged = await network.send(new GetResourceSharesCommand({ resourceOwner: 'SELF', tagFilters: [{ tagKey: 'env', tagValues: ['prod'] }] }));
    expect(tagged.resourceShares!.map((s) => s.name)).toEqual(['corp-dns']);
    await network.send(new UntagResourceCommand({ resourceShareArn: arn, tagKeys: ['env'] }));
    const after = await network.send(new GetResourceSharesCommand({ resourceOwner: 'SELF', tagFilters: [{ tagKey: 'env' }] }));
    expect(after.resourceShares).toEqual([]);
    const reserved = network.send(new TagResourceCommand({ resourceShareArn: arn, tags: [{ key: 'aws:x', value: 'y' }] }));
    expect(await errorName(reserved)).toBe('InvalidParameterException');
  });
});
