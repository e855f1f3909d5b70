// What building a cross-account plan reads first: the organization's accounts, the destination role (if it
// exists), both accounts' IAM quotas (GetAccountSummary) and the source principal's other inline policies.
import { GetRolePolicyCommand, GetUserPolicyCommand, IAMClient } from '@aws-sdk/client-iam';
import { getClient } from '../aws/clients';
import type { ConsoleContext } from '../aws/identity';
import { organizationAccounts } from '../organizations/accounts';
import { roleArnOf, sourcePolicyName, type AccessFacts } from './access';
import type { PolicyDocument } from './policy';
import { accountQuotas, otherInlineSize, roleDetails } from './read';
import { unlessMissing } from './roles';
import { isWholeAccount, normalizePrincipal } from './trust';
import { parsePrincipalArn, type AccessRequest } from './validation';

/** What removing a principal's access takes: its trust (and, where Crossing made one, the source's inline policy). */
export interface RemovalFacts {
  /** With what deleting the role needs (its inline and managed policies), when it was read from IAM. */
  role: { arn: string; name: string; trust: PolicyDocument; inlinePolicyNames?: string[]; attachedPolicyArns?: string[] };
  accountNames: Record<string, string>;
  /** The source's inline policy Crossing made, where it exists and the console can delete it. */
  sourcePolicy?: { kind: 'user' | 'role'; name: string; policyName: string };
}

export async function accountNamesOf(context: ConsoleContext): Promise<Record<string, string>> {
  return Object.fromEntries((await organizationAccounts(context)).map((a) => [a.id, a.name]));
}

export async function readAccessFacts(request: AccessRequest, context: ConsoleContext): Promise<AccessFacts> {
  const accountNames = await accountNamesOf(context);
  const { source, destination } = request;
  const sourceReachable = source.accountId in accountNames;
  const role = await roleDetails(destination.accountId, destination.role.name);
  const wantsSourceChange = sourceReachable && source.principal !== 'account';
  const roleArn = role?.arn ?? roleArnOf(destination.accountId, destination.role.kind === 'new' ? destination.role.path : '/', destination.role.name);
  const [destinationQuotas, sourceQuotas, sourceOtherInlineSize] = await Promise.all([
    accountQuotas(destination.accountId),
    wantsSourceChange ? accountQuotas(source.accountId) : undefined,
    wantsSourceChange ? otherInlineSize(source.principal, sourcePolicyName(roleArn)) : undefined,
  ]);
  return {
    organizationId: context.organization?.id,
    accountNames,
    sourceReachable,
    existingRole: role && { arn: role.arn, path: role.path, trust: role.trust },
    destinationQuotas,
    sourceQuotas,
    sourceOtherInlineSize,
  };
}

/** The facts for the same request in each destination account (one plan over several accounts), read together. */
export async function readMultiAccessFacts(request: AccessRequest, accountIds: string[], context: ConsoleContext): Promise<Record<string, AccessFacts>> {
  const read = await Promise.all(accountIds.map((accountId) => readAccessFacts({ ...request, destination: { ...request.destination, accountId } }, context)));
  return Object.fromEntries(accountIds.map((id, i) => [id, read[i]]));
}

/** Whether the source still holds the inline policy Crossing made for this role (so removal deletes it too). */
async function crossingSourcePolicy(principal: string, roleArn: string, accountNames: Record<string, string>): Promise<RemovalFacts['sourcePolicy']> {
  const parsed = parsePrincipalArn(principal);
  if (!parsed || !(parsed.accountId in accountNames)) return undefined;
  const policyName = sourcePolicyName(roleArn);
  const iam = getClient(IAMClient, { accountId: parsed.accountId });
  const held = await unlessMissing<object>(
    parsed.kind === 'user'
      ? iam.send(new GetUserPolicyCommand({ UserName: parsed.name, PolicyName: policyName }))
      : iam.send(new GetRolePolicyCommand({ RoleName: parsed.name, PolicyName: policyName })),
  );
  return held && { kind: parsed.kind, name: parsed.name, policyName };
}

export async function readRemovalFacts(roleArn: string, principal: string, context: ConsoleContext): Promise<RemovalFacts | undefined> {
  const [, , , , accountId, resource] = roleArn.split(':');
  const role = await roleDetails(accountId, resource.split('/').pop()!);
  if (!role) return undefined;
  const accountNames = await accountNamesOf(context);
  const target = normalizePrincipal(principal);
  return {
    role: { arn: role.arn, name: role.name, trust: role.trust, inlinePolicyNames: role.inlinePolicyNames, attachedPolicyArns: role.attachedPolicies.map((p) => p.arn) },
    accountNames,
    sourcePolicy: isWholeAccount(target) ? undefined : await crossingSourcePolicy(target, role.arn, accountNames),
  };
}
