// Protects: the sandbox rejects bad credentials exactly as AWS does, so the SDK raises the named errors.
import { IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import { ListRootsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type TestSandbox } from '../testing.js';
import { ACCOUNT_ID, ROOT_KEYS, standIn, tinyWorld } from '../testing/stand-ins.js';
import { nowMs } from './world.js';

let sb: TestSandbox;
const SESSION = { accessKeyId: 'ASIASTANDINSESSION01', secretAccessKey: 'sessionSecret', sessionToken: 'session-token-1' };

beforeAll(async () => {
  const world = tinyWorld();
  world.credentials.set(SESSION.accessKeyId, {
    ...SESSION,
    expiresAt: nowMs(world) + 3600_000,
    status: 'Active',
    identity: { type: 'root', accountId: ACCOUNT_ID, arn: `arn:aws:iam::${ACCOUNT_ID}:root` },
  });
  world.credentials.set('AKIAINACTIVE00000001', { accessKeyId: 'AKIAINACTIVE00000001', secretAccessKey: 's', status: 'Inactive', identity: world.credentials.get(ROOT_KEYS.accessKeyId)!.identity });
  sb = await startSandbox({
    world,
    services: [
      standIn('iam', { ListRoles: { handler: () => ({ Roles: [], IsTruncated: false }) } }),
      standIn('organizations', { ListRoots: { handler: () => ({ Roots: [] }) } }),
    ],
  });
});
afterAll(() => sb.close());

const iam = (credentials = ROOT_KEYS) => new IAMClient({ ...sb.clientConfig(credentials), maxAttempts: 1 });
const orgs = (credentials = ROOT_KEYS) => new OrganizationsClient({ ...sb.clientConfig(credentials), maxAttempts: 1 });

describe('SigV4 verification', () => {
  it('accepts a correctly signed request, long-term or session', async () => {
    await expect(iam().send(new ListRolesCommand({}))).resolves.toMatchObject({ Roles: [] });
    await expect(orgs(SESSION).send(new ListRootsCommand({}))).resolves.toMatchObject({ Roots: [] });
  });

  it('answers a wrong secret with SignatureDoesNotMatch (query) / InvalidSignatureException (JSON)', async () => {
    const wrong = { ...ROOT_KEYS, secretAccessKey: 'not-the-secret' };
    await expect(iam(wrong).send(new ListRolesCommand({}))).rejects.toMatchObject({ name: 'SignatureDoesNotMatch', $metadata: { httpStatusCode: 403 } });
    await expect(orgs(wrong).send(new ListRootsCommand({}))).rejects.toMatchObject({ name: 'InvalidSignatureException' });
  });

  it('answers an unknown or inactive key with InvalidClientTokenId / UnrecognizedClientException', async () => {
    const unknown = { accessKeyId: 'AKIAUNKNOWN000000001', secretAccessKey: 'x' };
    await expect(iam(unknown).send(new ListRolesCommand({}))).rejects.toMatchObject({ name: 'InvalidClientTokenId', $metadata: { httpStatusCode: 403 } });
    await expect(orgs(unknown).send(new ListRootsCommand({}))).rejects.toMatchObject({ name: 'UnrecognizedClientException' });
    const inactive = { accessKeyId: 'AKIAINACTIVE00000001', secretAccessKey: 's' };
    await expect(iam(inactive).send(new ListRolesCommand({}))).rejects.toMatchObject({ name: 'InvalidClientTokenId' });
  });

  it('rejects a session key sent without its session token', async () => {
    const { sessionToken: _token, ...withoutToken } = SESSION;
    await expect(iam(withoutToken).send(new ListRolesCommand({}))).rejects.toMatchObject({ name: 'InvalidClientTokenId' });
  });

  it('expires sessions on the sandbox clock: ExpiredToken / ExpiredTokenException', async () => {
    await sb.control.advanceClock(3601);
    await expect(iam(SESSION).send(new ListRolesCommand({}))).rejects.toMatchObject({ name: 'ExpiredToken' });
    await expect(orgs(SESSION).send(new ListRootsCommand({}))).rejects.toMatchObject({ name: 'ExpiredTokenException' });
  });
});
