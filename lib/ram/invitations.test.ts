// Protects: the invitations inbox's reading of the organization — every receiving account (the console's own and
// members through the member role) in every configured Region, an unreachable account listed with its reason,
// expiry by the resources each invitation holds, the AWS clock (not the host's) deciding what has expired, and
// the history keeping what was seen.
import { IAMClient, UpdateAssumeRolePolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManagedPrefixList } from '../../sandbox/ec2/models';
import { createResourceShare, withoutAssociationDelay } from '../../sandbox/ram/models';
import { listShareableResources } from '../../sandbox/ram/shareable';
import { DEMO } from '../../sandbox/seeds/demo-ids';
import { startSandbox, type TestSandbox } from '../../sandbox/testing';
import { useConsoleEnv } from '../../tests/support/console-env';
import { awsNow, resetAwsAccess } from '../aws/clients';
import { getConsoleContext } from '../aws/identity';
import { listHistory } from './invitation-history';
import { regionsCovered, unreachableOf } from '../aws/account-snapshot';
import type { ConsoleContext } from '../aws/identity';
import { organizationNames } from '../organizations/accounts';
import { invitationList, readInvitationsNow, type OrgInvitation } from './invitations';
import { invitationsSource } from './invitations-source';

const { accounts } = DEMO;
let sb: TestSandbox;

const row = (i: OrgInvitation) => `${i.shareName} ${i.receiverName} ${i.region} ${i.status}${i.termHours ? ` ${i.termHours}h` : ''}`;

beforeAll(async () => {
  sb = await startSandbox({ seed: 'demo' });
  useConsoleEnv(sb, 'crossing-invitations-');
  process.env.CROSSING_REGIONS = 'us-east-1,eu-west-1';
  // partner-co also invites payments-dev in a second Region.
  const partner = accounts['partner-co'];
  createManagedPrefixList(sb.world, partner, 'eu-west-1', { prefixListName: 'partner-eu', addressFamily: 'IPv4', maxEntries: 2, entries: [] });
  const prefixList = listShareableResources(sb.world, partner, 'eu-west-1', 'ec2:PrefixList').find((r) => r.name === 'partner-eu')!;
  withoutAssociationDelay(sb.world, () =>
    createResourceShare(sb.world, partner, 'eu-west-1', { name: 'partner-eu', resourceArns: [prefixList.arn], principals: [accounts['payments-dev']] }),
  );
  // web-prod's member role no longer trusts the console's account.
  const member = await new STSClient(sb.clientConfig()).send(
    new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accounts['web-prod']}:role/OrganizationAccountAccessRole`, RoleSessionName: 'test' }),
  );
  const c = member.Credentials!;
  await new IAMClient(sb.clientConfig({ accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken })).send(
    new UpdateAssumeRolePolicyCommand({
      RoleName: 'OrganizationAccountAccessRole',
      PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${partner}:root` }, Action: 'sts:AssumeRole' }] }),
    }),
  );
  resetAwsAccess();
});

afterAll(async () => {
  await sb?.close();
});

async function read(context: ConsoleContext) {
  const snapshot = await readInvitationsNow(invitationsSource(context));
  return { snapshot, invitations: invitationList(snapshot, await organizationNames(context)) };
}

describe('the organization-wide invitations reader', () => {
  it('reads every account in both Regions, soonest expiry first, and lists the unreachable account with its reason', async () => {
    const { snapshot, invitations } = await read(await getConsoleContext({ region: 'us-east-1' }));
    expect(regionsCovered(snapshot)).toEqual(['eu-west-1', 'us-east-1']);
    expect(invitations.map(row)).toEqual([
      'partner-pki management us-east-1 PENDING 12h',
      'partner-pki payments-dev us-east-1 PENDING 12h',
      'partner-network management us-east-1 PENDING 168h',
      'partner-network payments-dev us-east-1 PENDING 168h',
      // Sent after the demo's: it expires last.
      'partner-eu payments-dev eu-west-1 PENDING 168h',
      'partner-pki web-dev us-east-1 EXPIRED',
    ]);
    const pki = invitations[0];
    expect(pki).toMatchObject({ senderAccountId: accounts['partner-co'], senderName: undefined, receiverAccountId: accounts.management });
    expect(pki.resources).toEqual([{ arn: expect.stringMatching(/^arn:aws:acm-pca:us-east-1:900000000001:certificate-authority\//), type: 'acm-pca:CertificateAuthority' }]);
    expect(pki.expiresAt! - pki.invitedAt).toBe(12 * 3_600_000);
    expect(unreachableOf(snapshot)).toEqual([
      {
        accountId: accounts['web-prod'],
        regions: expect.arrayContaining(['us-east-1', 'eu-west-1']),
        error: expect.stringMatching(/^The console cannot reach account 400000000002: assuming arn:aws:iam::400000000002:role\/OrganizationAccountAccessRole was refused/),
      },
    ]);
  });

  it('follows the AWS clock: 13 hours later the CA invitations read as expired, and the history keeps them', async () => {
    await sb.control.advanceClock(13 * 3600);
    const context = await getConsoleContext({ region: 'us-east-1' });
    // Member sessions issued before the move have expired on the AWS clock: the reader assumes the role again.
    const { snapshot, invitations } = await read(context);
    expect(unreachableOf(snapshot).map((u) => u.accountId)).toEqual([accounts['web-prod']]);
    expect(invitations.filter((i) => i.status === 'PENDING').map(row)).toEqual([
      'partner-network management us-east-1 PENDING 168h',
      'partner-network payments-dev us-east-1 PENDING 168h',
      'partner-eu payments-dev eu-west-1 PENDING 168h',
    ]);
    expect(Math.round((awsNow() - Date.now()) / 3_600_000)).toBe(13);
    const expired = await listHistory({ status: 'EXPIRED' });
    expect(expired.map((e) => `${e.shareName} ${e.receiverAccountId}`).sort()).toEqual(
      [`partner-pki ${accounts.management}`, `partner-pki ${accounts['payments-dev']}`, `partner-pki ${accounts['web-dev']}`].sort(),
    );
    // What was read while it was pending is kept.
    expect(expired.find((e) => e.receiverAccountId === accounts.management)!.resources[0].type).toBe('acm-pca:CertificateAuthority');
  });
});
