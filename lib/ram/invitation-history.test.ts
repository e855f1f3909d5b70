// Protects the invitation history as reads record it, on SQLite and PostgreSQL: every invitation seen, once each, its resources and expiry kept after AWS stops listing them, and when its status last changed.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { TEST_DATABASES, useTestDatabase } from '../../tests/support/databases';
import type { InvitationRecord } from './invitations';

type Modules = { store: typeof import('../state/database'); history: typeof import('./invitation-history') };
const opened: Modules[] = [];

async function start(): Promise<Modules> {
  vi.resetModules();
  const modules = { store: await import('../state/database'), history: await import('./invitation-history') };
  opened.push(modules);
  return modules;
}

beforeAll(() => {
  Object.assign(process.env, { CROSSING_MODE: 'sandbox', AWS_ENDPOINT_URL: 'http://127.0.0.1:9' });
});

afterEach(async () => {
  for (const m of opened.splice(0)) await m.store.closeState();
});

const invitation = (n: number, over: Partial<InvitationRecord> = {}): InvitationRecord => ({
  arn: `arn:aws:ram:us-east-1:111111111111:resource-share-invitation/${String(n).padStart(8, '0')}`,
  resourceShareArn: `arn:aws:ram:us-east-1:111111111111:resource-share/${n}`,
  shareName: `share-${n}`,
  senderAccountId: '111111111111',
  receiverAccountId: '222222222222',
  region: 'us-east-1',
  status: 'PENDING',
  invitedAt: Date.parse('2026-12-01T00:00:00Z'),
  expiresAt: Date.parse('2026-12-08T00:00:00Z'),
  resources: [{ arn: `arn:aws:ec2:us-east-1:111111111111:subnet/subnet-${n}`, type: 'ec2:Subnet' }],
  ...over,
});

describe.each(TEST_DATABASES)('the invitation history on $name', ({ dialect, skip }) => {
  it.skipIf(skip)('records a read of 1,200 invitations, each once, the last sighting winning', async () => {
    await useTestDatabase(dialect, 'crossing-history-');
    const { history } = await start();
    const many = Array.from({ length: 1_200 }, (_, n) => invitation(n));
    await history.recordSeen([...many, invitation(7, { shareName: 'renamed' })], new Date('2026-12-02T00:00:00Z'));
    const listed = await history.listHistory({}, 2_000);
    expect(listed).toHaveLength(1_200);
    expect(listed.find((h) => h.arn === many[7].arn)?.shareName).toBe('renamed');
  });

  it.skipIf(skip)('keeps resources and expiry once AWS stops listing them, and dates a status from its change', async () => {
    await useTestDatabase(dialect, 'crossing-history-');
    const { history } = await start();
    await history.recordSeen([invitation(1)], new Date('2026-12-02T00:00:00Z'));
    await history.recordSeen([invitation(1)], new Date('2026-12-03T00:00:00Z'));
    await history.recordSeen([invitation(1, { status: 'ACCEPTED', resources: undefined, expiresAt: undefined })], new Date('2026-12-04T00:00:00Z'));
    const [entry] = await history.listHistory();
    expect(entry).toMatchObject({
      status: 'ACCEPTED',
      statusSince: '2026-12-04T00:00:00.000Z',
      firstSeenAt: '2026-12-02T00:00:00.000Z',
      lastSeenAt: '2026-12-04T00:00:00.000Z',
      expiresAt: '2026-12-08T00:00:00.000Z',
      resources: [{ arn: 'arn:aws:ec2:us-east-1:111111111111:subnet/subnet-1', type: 'ec2:Subnet' }],
    });
  });
});
