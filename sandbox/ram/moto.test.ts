// Protects RAM's agreement with moto_server on the operations moto has (create/get/update/delete shares, associations, resource types, errors); skipped visibly without moto.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  CreateResourceShareCommand,
  DeleteResourceShareCommand,
  GetResourceShareAssociationsCommand,
  GetResourceSharesCommand,
  ListResourceTypesCommand,
  RAMClient,
  UpdateResourceShareCommand,
} from '@aws-sdk/client-ram';
import { startSandbox, type TestSandbox } from '../testing.js';
import { motoAvailable, startMoto, type Moto } from '../testing/moto.js';
import { EMPTY } from '../seeds/empty.js';
import { errorName } from './test-clients.js';

const PEER = EMPTY.accounts['dev-box'];

let sb: TestSandbox;
let moto: Moto | undefined;
let clients: { name: 'sandbox' | 'moto'; ram: RAMClient; account: string }[];

beforeAll(async () => {
  moto = await startMoto();
  if (!moto) return;
  sb = await startSandbox({ seed: 'empty' });
  clients = [
    { name: 'sandbox', ram: new RAMClient(sb.clientConfig()), account: EMPTY.consoleAccountId },
    {
      name: 'moto',
      ram: new RAMClient({ endpoint: moto.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'AKIAMOTO', secretAccessKey: 'moto' } }),
      account: '123456789012',
    },
  ];
});
afterAll(async () => {
  await moto?.close();
  await sb?.close();
});

const both = async <T>(run: (c: (typeof clients)[number]) => Promise<T>) => Promise.all(clients.map(run));

describe.skipIf(!motoAvailable())('RAM against moto_server', () => {
  test('create, get, update and delete a share answer alike', async () => {
    const created = await both(({ ram }) => ram.send(new CreateResourceShareCommand({ name: 'diff', principals: [PEER] })));
    for (const [i, { account }] of clients.entries()) {
      const share = created[i].resourceShare!;
      expect([share.name, share.owningAccountId, share.allowExternalPrincipals]).toEqual(['diff', account, true]);
      expect(share.resourceShareArn).toMatch(new RegExp(`^arn:aws:ram:us-east-1:${account}:resource-share/[0-9a-f-]{36}$`));
    }
    // The sandbox starts a share PENDING (moto: ACTIVE at once); both are ACTIVE once it settles.
    await sb.control.advanceClock(3);
    const listed = await both(({ ram }) => ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF' })));
    expect(listed.map((l) => l.resourceShares!.map((s) => [s.name, s.status, s.featureSet]))).toEqual([
      [['diff', 'ACTIVE', 'STANDARD']],
      [['diff', 'ACTIVE', 'STANDARD']],
    ]);

    const associations = await both(({ ram }) =>
      ram.send(new GetResourceShareAssociationsCommand({ associationType: 'PRINCIPAL' })),
    );
    expect(associations.map((a) => a.resourceShareAssociations!.map((x) => [x.associatedEntity, x.associationType]))).toEqual([
      [[PEER, 'PRINCIPAL']],
      [[PEER, 'PRINCIPAL']],
    ]);

    const arns = created.map((c) => c.resourceShare!.resourceShareArn!);
    const updated = await Promise.all(
      clients.map(({ ram }, i) => ram.send(new UpdateResourceShareCommand({ resourceShareArn: arns[i], name: 'diff-renamed', allowExternalPrincipals: true }))),
    );
    expect(updated.map((u) => u.resourceShare!.name)).toEqual(['diff-renamed', 'diff-renamed']);
    const deleted = await Promise.all(clients.map(({ ram }, i) => ram.send(new DeleteResourceShareCommand({ resourceShareArn: arns[i] }))));
    expect(deleted.map((d) => d.returnValue)).toEqual([true, true]);
  });

  test('the same refusals raise the same exceptions', async () => {
    const cases = [
      (c: (typeof clients)[number]) =>
        c.ram.send(new UpdateResourceShareCommand({ resourceShareArn: `arn:aws:ram:us-east-1:${c.account}:resource-share/00000000-0000-4000-8000-000000000000`, name: 'x' })),
      (c: (typeof clients)[number]) =>
        c.ram.send(new CreateResourceShareCommand({ name: 'x', resourceArns: [`arn:aws:ec2:us-east-1:${c.account}:instance/i-0123456789abcdef0`] })),
      (c: (typeof clients)[number]) => c.ram.send(new CreateResourceShareCommand({ name: 'x', principals: ['12345'] })),
      (c: (typeof clients)[number]) => c.ram.send(new GetResourceShareAssociationsCommand({ associationType: 'PRINCIPAL', resourceArn: 'arn:aws:ec2:us-east-1:123456789012:subnet/subnet-1' })),
    ];
    for (const run of cases) {
      const [ours, theirs] = await both((c) => errorName(run(c)));
      expect(ours).toBe(theirs);
      expect(ours).not.toBe('no error');
    }
  });

  test('every sandbox resource type that moto knows has the same service and Region scope', async () => {
    const [ours, theirs] = await both(({ ram }) => ram.send(new ListResourceTypesCommand({})));
    const motoTypes = new Map(theirs.resourceTypes!.map((t) => [t.resourceType, t]));
    const common = ours.resourceTypes!.filter((t) => motoTypes.has(t.resourceType));
    expect(common.length).toBeGreaterThanOrEqual(4);
    for (const t of common) expect(motoTypes.get(t.resourceType)).toEqual(t);
  });
});
