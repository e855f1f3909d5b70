// The `large` seed's IAM (option `roles`, roles per member account including the member access role; default 1,
// that role alone): a realistic mix for the access paths and their benchmark — roles trusted by another
// member account's role or whole account (with a matching sts:AssumeRole policy on the source's side),
// vendor roles trusted by accounts outside the organization with and without sts:ExternalId, a few `*`
// trusts (most narrowed by aws:PrincipalOrgID), service roles, and roles unused for months (RoleLastUsed).
// Deterministic: the caller passes the seed's PRNG.
import type { World } from '../core/types.js';
import { nowMs } from '../core/world.js';
import { getRole, putRolePolicy } from '../iam/models.js';
import { addAccount, addRole, READ_ONLY_ACCESS } from './common.js';

export const LARGE_IAM = {
  /** Accounts outside the organization that vendor roles trust. */
  vendorAccounts: 25,
  firstVendorAccount: 980_000_000_001,
} as const;

export interface LargeIamInput {
  memberIds: string[];
  organizationId: string;
  /** Roles per member account, the member access role included. */
  roles: number;
  random: () => number;
}

const statement = (principal: unknown, condition?: Record<string, unknown>) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...(condition ? { Condition: condition } : {}) }] });

const DAY_MS = 86_400_000;

export function addLargeIam(world: World, input: LargeIamInput): void {
  const { memberIds, random, organizationId } = input;
  const extra = Math.max(0, input.roles - 1);
  if (extra === 0 || memberIds.length === 0) return;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const vendors = Array.from({ length: LARGE_IAM.vendorAccounts }, (_, i) => String(LARGE_IAM.firstVendorAccount + i));
  vendors.forEach((id, i) => addAccount(world, id, `vendor-${String(i + 1).padStart(2, '0')}`));
  const deployers: string[] = [];
  for (const accountId of memberIds) {
    for (let n = 1; n <= extra; n++) {
      const draw = random();
      const name = `app-${n}`;
      let roleName: string;
      if (draw < 0.5) {
        // In-organization cross-account: a deployer role of another account, or that whole account.
        const source = pick(memberIds);
        const deployer = deployers.length > 0 && random() < 0.6 ? pick(deployers) : undefined;
        roleName = `${name}-CrossAccount`;
        addRole(world, accountId, roleName, statement({ AWS: deployer ?? `arn:aws:iam::${source}:root` }), [READ_ONLY_ACCESS]);
      } else if (draw < 0.65) {
        roleName = `${name}-Deployer`;
        addRole(world, accountId, roleName, statement({ Service: 'codebuild.amazonaws.com' }), [READ_ONLY_ACCESS]);
        putRolePolicy(world, accountId, roleName, 'AssumeCrossAccount', {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::*:role/app-*-CrossAccount' }],
        });
        deployers.push(`arn:aws:iam::${accountId}:role/${roleName}`);
      } else if (draw < 0.8) {
        roleName = `${name}-Vendor`;
        addRole(world, accountId, roleName, statement({ AWS: `arn:aws:iam::${pick(vendors)}:root` }, { StringEquals: { 'sts:ExternalId': `ext-${accountId}-${n}` } }), [READ_ONLY_ACCESS]);
      } else if (draw < 0.85) {
        roleName = `${name}-LegacyVendor`;
        addRole(world, accountId, roleName, statement({ AWS: pick(vendors) }), [READ_ONLY_ACCESS]);
      } else if (draw < 0.87) {
        roleName = `${name}-AnyPrincipal`;
        addRole(world, accountId, roleName, statement('*', random() < 0.8 ? { StringEquals: { 'aws:PrincipalOrgID': organizationId } } : undefined), [READ_ONLY_ACCESS]);
      } else {
        roleName = `${name}-Service`;
        addRole(world, accountId, roleName, statement({ Service: 'lambda.amazonaws.com' }), []);
      }
      // Some roles were last used months ago; the rest never.
      if (random() < 0.3) getRole(world, accountId, roleName).lastUsed = { date: new Date(nowMs(world) - Math.floor(30 + random() * 400) * DAY_MS), region: 'us-east-1' };
    }
  }
}
