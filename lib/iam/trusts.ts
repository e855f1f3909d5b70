// Every cross-account trust in the organization: in each account, the roles whose trust policy names a
// principal of another account (IAM is global, so one Region per account), with failures kept and explained.
// At most a minute old (single-flight memo, lib/cache/memo.ts); forgotten when the console changes a trust.
import type { ConsoleContext } from '../aws/identity';
import { fanOut } from '../aws/fan-out';
import { memo } from '../cache/memo';
import { config } from '../config';
import { organizationAccounts } from '../organizations/accounts';
import { accountOfPrincipal } from './policy';
import { listRoles } from './read';
import { trustedPrincipals, type TrustedPrincipal } from './trust';

export interface CrossAccountTrust {
  accountId: string;
  accountName: string;
  roleName: string;
  roleArn: string;
  principal: TrustedPrincipal;
  principalAccount?: string;
  /** The trusted principal's account name, or undefined when it is outside the organization. */
  principalAccountName?: string;
}

export interface CrossAccountTrusts {
  trusts: CrossAccountTrust[];
  failures: { accountId: string; error: string }[];
}

// One read of every account's roles serves every view for a minute (and concurrent views share it): on a large
// organization it is thousands of calls. A change the console makes to a trust forgets it.
const recent = memo<CrossAccountTrusts>('cross-account-trusts', 60_000);

export function crossAccountTrusts(context: ConsoleContext): Promise<CrossAccountTrusts> {
  return recent.get(`${context.accountId}|${context.organization?.id ?? 'none'}`, () => readCrossAccountTrusts(context));
}

/** After the console changed a trust policy: the list reads IAM again. */
export function forgetCrossAccountTrusts(): void {
  recent.invalidate();
}

async function readCrossAccountTrusts(context: ConsoleContext): Promise<CrossAccountTrusts> {
  const accounts = await organizationAccounts(context);
  const names = new Map(accounts.map((a) => [a.id, a.name]));
  const region = config().region;
  const results = await fanOut(
    accounts.map((a) => ({ accountId: a.id, region })),
    (target) => listRoles(target.accountId),
    { operation: 'iam:ListRoles' },
  );
  const trusts: CrossAccountTrust[] = [];
  const failures: { accountId: string; error: string }[] = [];
  for (const result of results) {
    if (!result.ok) {
      failures.push({ accountId: result.accountId, error: result.error });
      continue;
    }
    for (const role of result.value) {
      for (const principal of trustedPrincipals(role.trust)) {
        const principalAccount = principal.principal === '*' ? undefined : accountOfPrincipal(principal.principal);
        if (principalAccount === result.accountId) continue;
        trusts.push({
          accountId: result.accountId,
          accountName: names.get(result.accountId) ?? result.accountId,
          roleName: role.name,
          roleArn: role.arn,
          principal,
          principalAccount,
          principalAccountName: principalAccount ? names.get(principalAccount) : undefined,
        });
      }
    }
  }
  trusts.sort((a, b) => a.accountName.localeCompare(b.accountName) || a.roleName.localeCompare(b.roleName));
  return { trusts, failures };
}
