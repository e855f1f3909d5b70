// Protects: every wire protocol round-trips the SDK's requests and the services' answers and errors (query, ec2, json, rest-json).
import { DescribeSubnetsCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetAccountSummaryCommand, GetRoleCommand, GetUserCommand, IAMClient, ListRolesCommand, TagRoleCommand } from '@aws-sdk/client-iam';
import { CreateAccountCommand, ListRootsCommand, ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { DeleteResourceShareCommand, GetResourceSharesCommand, GetPermissionCommand, RAMClient } from '@aws-sdk/client-ram';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type TestSandbox } from '../testing.js';
import { standIn, tinyWorld } from '../testing/stand-ins.js';
import { AwsError } from './errors.js';

let sb: TestSandbox;
const received: Record<string, unknown> = {};
const created = new Date('2024-05-06T07:08:09.123Z');

beforeAll(async () => {
  sb = await startSandbox({
    world: tinyWorld(),
    services: [
      standIn('iam', {
        ListRoles: {
          handler: (_ctx, input) => {
            received.ListRoles = input;
            return {
              Roles: [{ Path: '/', RoleName: 'A&B<C>', RoleId: 'AROA1', Arn: 'arn:aws:iam::123456789012:role/A', CreateDate: created, Tags: [{ Key: 'k', Value: 'v' }] }],
              IsTruncated: false,
            };
          },
        },
        TagRole: { handler: (_ctx, input) => void (received.TagRole = input) },
        GetAccountSummary: { handler: () => ({ SummaryMap: { Users: 5, Roles: 3 } }) },
        GetRole: { handler: (_ctx, input: { RoleName: string }) => { throw new AwsError('NoSuchEntity', `The role with name ${input.RoleName} cannot be found.`); } },
        GetUser: { handler: () => { throw new TypeError('a bug in a handler'); } },
      }),
      standIn('ec2', {
        DescribeVpcs: {
          handler: (_ctx, input) => {
            received.DescribeVpcs = input;
            return { Vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16', IsDefault: false, State: 'available', Tags: [{ Key: 'Name', Value: 'main' }] }] };
          },
        },
      }),
      standIn('organizations', {
        ListAccounts: {
          handler: (_ctx, input) => {
            received.ListAccounts = input;
            return { Accounts: [{ Id: '123456789012', Name: 'core-test', JoinedTimestamp: created }], NextToken: 'next' };
          },
        },
        CreateAccount: {
          handler: () => {
            throw new AwsError('ConstraintViolationException', 'You have reached the limit.', { fields: { Reason: 'ACCOUNT_NUMBER_LIMIT_EXCEEDED' } });
          },
        },
      }),
      standIn('ram', {
        GetResourceShares: {
          handler: (_ctx, input) => {
            received.GetResourceShares = input;
            return { resourceShares: [{ resourceShareArn: 'arn:aws:ram:us-east-1:123456789012:resource-share/1', name: 's', status: 'ACTIVE', creationTime: created }] };
          },
        },
        DeleteResourceShare: {
          handler: (_ctx, input) => {
            received.DeleteResourceShare = input;
            return { returnValue: true, clientToken: (input as { clientToken?: string }).clientToken };
          },
        },
      }),
    ],
  });
});
afterAll(() => sb.close());

const config = () => ({ ...sb.clientConfig(), maxAttempts: 1 });

describe('query (IAM)', () => {
  const iam = () => new IAMClient(config());

  it('reads members and lists from the form and writes XML with escaping, lists and timestamps', async () => {
    const out = await iam().send(new ListRolesCommand({ PathPrefix: '/a b+c/', MaxItems: 10 }));
    expect(received.ListRoles).toEqual({ PathPrefix: '/a b+c/', MaxItems: 10 });
    expect(out.Roles).toEqual([expect.objectContaining({ RoleName: 'A&B<C>', CreateDate: created, Tags: [{ Key: 'k', Value: 'v' }] })]);
    expect(out.IsTruncated).toBe(false);
    await iam().send(new TagRoleCommand({ RoleName: 'A', Tags: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }] }));
    expect(received.TagRole).toEqual({ RoleName: 'A', Tags: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }] });
  });

  it('writes maps as entry/key/value', async () => {
    expect((await iam().send(new GetAccountSummaryCommand({}))).SummaryMap).toEqual({ Users: 5, Roles: 3 });
  });

  it('sends a modeled error with its wire code and status, so the SDK raises its class', async () => {
    await expect(iam().send(new GetRoleCommand({ RoleName: 'nope' }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The role with name nope cannot be found.',
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('answers an unimplemented operation with InvalidAction', async () => {
    const { CreateRoleCommand } = await import('@aws-sdk/client-iam');
    await expect(iam().send(new CreateRoleCommand({ RoleName: 'r', AssumeRolePolicyDocument: '{}' }))).rejects.toMatchObject({ name: 'InvalidAction' });
  });

  it('turns a crash in a handler into InternalFailure (500), never a dropped connection', async () => {
    await expect(iam().send(new GetUserCommand({}))).rejects.toMatchObject({ name: 'InternalFailure', $metadata: { httpStatusCode: 500 } });
  });
});

describe('ec2', () => {
  const ec2 = () => new EC2Client(config());

  it('reads Name.N lists and Filter.N.Value.M and writes item lists', async () => {
    const out = await ec2().send(new DescribeVpcsCommand({ VpcIds: ['vpc-1', 'vpc-2'], Filters: [{ Name: 'tag:Name', Values: ['main', 'x'] }] }));
    expect(received.DescribeVpcs).toEqual({ VpcIds: ['vpc-1', 'vpc-2'], Filters: [{ Name: 'tag:Name', Values: ['main', 'x'] }] });
    expect(out.Vpcs).toEqual([{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16', IsDefault: false, State: 'available', Tags: [{ Key: 'Name', Value: 'main' }] }]);
  });

  it('answers an unimplemented operation with InvalidAction', async () => {
    await expect(ec2().send(new DescribeSubnetsCommand({}))).rejects.toMatchObject({ name: 'InvalidAction' });
  });
});

describe('json (Organizations)', () => {
  const orgs = () => new OrganizationsClient(config());

  it('reads the body and writes timestamps as epoch seconds', async () => {
    const out = await orgs().send(new ListAccountsCommand({ MaxResults: 5 }));
    expect(received.ListAccounts).toEqual({ MaxResults: 5 });
    expect(out.Accounts).toEqual([{ Id: '123456789012', Name: 'core-test', JoinedTimestamp: created }]);
    expect(out.NextToken).toBe('next');
  });

  it('sends error fields beside the message', async () => {
    await expect(orgs().send(new CreateAccountCommand({ AccountName: 'a', Email: 'a@example.com' }))).rejects.toMatchObject({
      name: 'ConstraintViolationException',
      Reason: 'ACCOUNT_NUMBER_LIMIT_EXCEEDED',
      message: 'You have reached the limit.',
    });
  });

  it('answers an unimplemented operation with UnknownOperationException', async () => {
    await expect(orgs().send(new ListRootsCommand({}))).rejects.toMatchObject({ name: 'UnknownOperationException' });
  });
});

describe('rest-json (RAM)', () => {
  const ram = () => new RAMClient(config());

  it('routes by method and path and reads the body', async () => {
    const out = await ram().send(new GetResourceSharesCommand({ resourceOwner: 'SELF', resourceShareArns: ['a', 'b'] }));
    expect(received.GetResourceShares).toEqual({ resourceOwner: 'SELF', resourceShareArns: ['a', 'b'] });
    expect(out.resourceShares?.[0]).toMatchObject({ name: 's', status: 'ACTIVE', creationTime: created });
  });

  it('reads query-string members', async () => {
    const arn = 'arn:aws:ram:us-east-1:123456789012:resource-share/1 2';
    const out = await ram().send(new DeleteResourceShareCommand({ resourceShareArn: arn, clientToken: 't' }));
    expect(received.DeleteResourceShare).toEqual({ resourceShareArn: arn, clientToken: 't' });
    expect(out).toMatchObject({ returnValue: true, clientToken: 't' });
  });

  it('answers an unimplemented operation with UnknownOperationException', async () => {
    await expect(ram().send(new GetPermissionCommand({ permissionArn: 'arn:x' }))).rejects.toMatchObject({ name: 'UnknownOperationException' });
  });
});

/** The hash class @smithy/signature-v4 wants, over node:crypto. */
class Sha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret ? createHmac('sha256', typeof secret === 'string' ? secret : Buffer.from(secret as Uint8Array)) : createHash('sha256');
  }
  update(data: string | Uint8Array): void {
    this.hash.update(data);
  }
  async digest(): Promise<Uint8Array> {
    return this.hash.digest();
  }
  reset(): void {}
}

describe('unregistered services', () => {
  it('answer an AWS-style error in the protocol the request looks like', async () => {
    const signer = new SignatureV4({ service: 'sqs', region: 'us-east-1', credentials: sb.consoleCredentials, sha256: Sha256 });
    const url = new URL(sb.endpoint);
    const send = async (headers: Record<string, string>, body: string) => {
      const signed = await signer.sign(
        new HttpRequest({ method: 'POST', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: '/', headers: { host: url.host, ...headers }, body }),
      );
      return fetch(sb.endpoint, { method: 'POST', headers: signed.headers, body });
    };
    const query = await send({ 'content-type': 'application/x-www-form-urlencoded' }, 'Action=ListQueues&Version=2012-11-05');
    expect(query.status).toBe(400);
    expect(await query.text()).toMatch(/<Code>InvalidAction<\/Code>/);
    const json = await send({ 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AmazonSQS.ListQueues' }, '{}');
    expect(json.status).toBe(404);
    expect(await json.json()).toMatchObject({ __type: 'UnknownOperationException' });
  });
});
