// RAM test clients for any demo account, signed with that account's own credentials: the
// management account's console identity, partner-co's admin, or a member account's
// OrganizationAccountAccessRole assumed through STS, as an administrator would do it; and the
// demo-world sandbox the RAM tests share.
import { RAMClient } from '@aws-sdk/client-ram';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll } from 'vitest';
import { demoResourceArns, type DemoResources } from '../seeds/demo-resources.js';
import { demoSharingArns, type DemoSharingArns } from '../seeds/demo-ram.js';
import { DEMO } from '../seeds/demo-ids.js';
import { startSandbox, type SandboxCredentials, type TestSandbox } from '../testing.js';

export interface DemoSandbox {
  sb: TestSandbox;
  resources: DemoResources;
  sharing: DemoSharingArns;
}

/**
 * Starts a demo-world sandbox before the file's tests and closes it after; `use` receives it with
 * the ARNs the seed gave its resources and its RAM sharing once it is up.
 */
export function demoSandbox(use: (started: DemoSandbox) => void): void {
  let sb: TestSandbox | undefined;
  beforeAll(async () => {
    sb = await startSandbox({ seed: 'demo' });
    use({ sb, resources: demoResourceArns(sb.world), sharing: demoSharingArns(sb.world) });
  });
  afterAll(async () => sb?.close());
}

export async function accountCredentials(sb: TestSandbox, accountId: string): Promise<SandboxCredentials> {
  if (accountId === DEMO.managementAccountId) return sb.consoleCredentials;
  if (accountId === DEMO.accounts['partner-co']) return DEMO.partnerCredentials;
  const sts = new STSClient(sb.clientConfig());
  const { Credentials } = await sts.send(
    new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/${DEMO.roles.memberAccess}`, RoleSessionName: 'ram-test' }),
  );
  return { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken };
}

export async function ramAs(sb: TestSandbox, accountId: string, region = 'us-east-1'): Promise<RAMClient> {
  return new RAMClient(sb.clientConfig(await accountCredentials(sb, accountId), region));
}

/** The error name an SDK call fails with (or 'no error'). */
export async function errorName(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'no error';
  } catch (error) {
    return (error as Error).name;
  }
}
