// Every cross-account trust in the organization: in each account, the roles whose trust policy names a principal
// of another account, with failures kept and explained. Served from the organization's IAM snapshot (one reading
// for the access paths and the trusts: lib/iam/snapshot-store.ts), so it never waits for the organization — the
// last complete reading at once, a first one as it fills — and a change the console makes to a trust shows as
// soon as the hook re-reads that account into the snapshot.
import type { ConsoleContext } from '../aws/identity';
import { readSoon } from '../cache/snapshots';
import { derivedUntilChanged, identity } from '../cache/derived';
import { organizationNames } from '../organizations/accounts';
import { accountOfPrincipal, parsePolicy } from './policy';
import type { IamSnapshot } from './snapshot';
import { iamSnapshotSource } from './snapshot-source';
import { getIamSnapshot, type IamSnapshotStatus } from './snapshot-store';
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
  /** The IAM snapshot they come from: its age, whether it is complete, and a running read's progress. */
  status: Omit<IamSnapshotStatus, 'snapshot'> & { fetchedAt: number; complete: boolean };
}

// Derived once per snapshot revision (an account re-read after a change bumps it); while a reading fills in, at most
// once a second (20 people on /roles would otherwise each go through every role read so far).
/** The trusts and failures in an IAM snapshot. */
export function trustsIn(snapshot: IamSnapshot, names: Record<string, string>): Omit<CrossAccountTrusts, 'status'> {
  return derivedUntilChanged(snapshot, 'trusts', `${snapshot.revision}|${identity(names)}`, () => computeTrusts(snapshot, names));
}

function computeTrusts(snapshot: IamSnapshot, names: Record<string, string>): Omit<CrossAccountTrusts, 'status'> {
  const trusts: CrossAccountTrust[] = [];
  const failures: { accountId: string; error: string }[] = [];
  for (const account of Object.values(snapshot.accounts)) {
    if (account.error) {
      failures.push({ accountId: account.accountId, error: account.error });
      continue;
    }
    for (const role of account.roles) {
      for (const principal of trustedPrincipals(parsePolicy(snapshot.documents[role.trust]))) {
        const principalAccount = principal.principal === '*' ? undefined : accountOfPrincipal(principal.principal);
        if (principalAccount === account.accountId) continue;
        trusts.push({
          accountId: account.accountId,
          accountName: names[account.accountId] ?? account.accountId,
          roleName: role.name,
          roleArn: role.arn,
          principal,
          principalAccount,
          principalAccountName: principalAccount ? names[principalAccount] : undefined,
        });
      }
    }
  }
  trusts.sort((a, b) => a.accountName.localeCompare(b.accountName) || a.roleName.localeCompare(b.roleName));
  return { trusts, failures };
}

// A first reading (no complete one yet) is given this long to finish before the list shows it partial.
const FIRST_READ_WAIT_MS = 3_000;

/** The organization's cross-account trusts from the IAM snapshot's current reading; never waits for a refresh. */
export async function crossAccountTrusts(context: ConsoleContext): Promise<CrossAccountTrusts> {
  const source = iamSnapshotSource(context);
  const [{ snapshot, ...status }, names] = await Promise.all([readSoon(() => getIamSnapshot(source), () => false, FIRST_READ_WAIT_MS), organizationNames(context)]);
  return { ...trustsIn(snapshot, names), status: { ...status, fetchedAt: snapshot.fetchedAt, complete: snapshot.complete } };
}
