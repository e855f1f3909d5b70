// For the resource services' tests (EC2, Route 53 Resolver, License Manager, ACM PCA): act as an
// account's root user without IAM or STS, an empty world with a client in the console's account
// and one in another account, and the error a call fails with.
import { afterAll, beforeAll } from 'vitest';
import type { World } from '../core/types.js';
import { startSandbox, type SandboxCredentials, type TestSandbox } from '../testing.js';

/** An account of the empty world other than the console's, to check per-account isolation. */
export const OTHER_ACCOUNT = '222222222222';

/** Registers (once) a root access key for the account and returns it. */
export function rootCredentials(world: World, accountId: string): SandboxCredentials {
  const accessKeyId = `AKIAROOT${accountId}`;
  const secretAccessKey = `root-secret-${accountId}`;
  world.credentials.set(accessKeyId, {
    accessKeyId,
    secretAccessKey,
    status: 'Active',
    identity: { type: 'root', accountId, arn: `arn:aws:iam::${accountId}:root` },
  });
  return { accessKeyId, secretAccessKey };
}

export interface TwoAccountSandbox<C> {
  sb: TestSandbox;
  /** Signed as the console identity. */
  client: C;
  /** Signed as OTHER_ACCOUNT's root user. */
  other: C;
}

/**
 * Starts an empty-world sandbox before the file's tests and closes it (and the clients) after;
 * `use` receives the sandbox and the two clients once they exist.
 */
export function twoAccountSandbox<C extends { destroy(): void }>(
  Client: new (config: ReturnType<TestSandbox['clientConfig']>) => C,
  use: (started: TwoAccountSandbox<C>) => void,
): void {
  let sb: TestSandbox | undefined;
  let client: C | undefined;
  let other: C | undefined;
  beforeAll(async () => {
    sb = await startSandbox({ seed: 'empty' });
    client = new Client(sb.clientConfig());
    other = new Client(sb.clientConfig(rootCredentials(sb.world, OTHER_ACCOUNT)));
    use({ sb, client, other });
  });
  afterAll(async () => {
    client?.destroy();
    other?.destroy();
    await sb?.close();
  });
}

/** The error an SDK call fails with; fails the test when the call succeeds. */
export async function errorOf(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { name: string; message: string };
  }
  throw new Error('expected the call to fail');
}
