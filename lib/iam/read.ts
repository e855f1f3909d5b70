// Reading IAM across the organization's accounts (through the member role): users and roles to choose a source
// from, roles and managed policies in the destination, quotas, and a principal's live policies (identity
// policies inline, attached and through its groups, and its permissions boundary) for verification.
import {
  GetAccountSummaryCommand,
  GetGroupPolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  IAMClient,
  paginateListAttachedGroupPolicies,
  paginateListAttachedRolePolicies,
  paginateListAttachedUserPolicies,
  paginateListGroupPolicies,
  paginateListGroupsForUser,
  paginateListPolicies,
  paginateListRolePolicies,
  paginateListRoles,
  paginateListUserPolicies,
  paginateListUsers,
  type AttachedPolicy,
  type PolicyScopeType,
} from '@aws-sdk/client-iam';
import { getCallerIdentity, getClient } from '../aws/clients';
import { memo } from '../cache/memo';
import { findRole } from './roles';
import { parsePolicy, policySize, type PolicyDocument } from './policy';
import { parsePrincipalArn } from './validation';

const iamIn = (accountId: string) => getClient(IAMClient, { accountId });

/** Every page's items of an SDK paginator. */
async function all<P, T>(pages: AsyncIterable<P>, items: (page: P) => T[] | undefined): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(...(items(page) ?? []));
  return out;
}

/** The client for `accountId`: the console's own where it is that account (the member role is not there). */
async function clientFor(accountId: string): Promise<IAMClient> {
  const own = (await getCallerIdentity()).accountId;
  return own === accountId ? getClient(IAMClient) : iamIn(accountId);
}

export interface IamPrincipal {
  arn: string;
  name: string;
  kind: 'user' | 'role';
  path: string;
}

export async function listPrincipals(accountId: string): Promise<IamPrincipal[]> {
  const client = await clientFor(accountId);
  const [users, roles] = await Promise.all([
    all(paginateListUsers({ client }, {}), (p) => p.Users),
    all(paginateListRoles({ client }, {}), (p) => p.Roles),
  ]);
  return [
    ...users.map((u) => ({ arn: u.Arn!, name: u.UserName!, kind: 'user' as const, path: u.Path ?? '/' })),
    ...roles.filter((r) => !r.Path?.startsWith('/aws-service-role/')).map((r) => ({ arn: r.Arn!, name: r.RoleName!, kind: 'role' as const, path: r.Path ?? '/' })),
  ];
}

export interface RoleSummary {
  arn: string;
  name: string;
  path: string;
  description?: string;
  trust: PolicyDocument;
}

/** The account's roles with their trust policies (service-linked roles left out: nobody edits their trust). */
export async function listRoles(accountId: string): Promise<RoleSummary[]> {
  const client = await clientFor(accountId);
  const roles = await all(paginateListRoles({ client }, {}), (p) => p.Roles);
  return roles
    .filter((r) => !r.Path?.startsWith('/aws-service-role/'))
    .map((r) => ({ arn: r.Arn!, name: r.RoleName!, path: r.Path ?? '/', description: r.Description || undefined, trust: parsePolicy(r.AssumeRolePolicyDocument) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export interface RoleDetails extends RoleSummary {
  maxSessionDuration: number;
  attachedPolicies: { name: string; arn: string }[];
  inlinePolicyNames: string[];
  permissionsBoundary?: string;
}

export async function roleDetails(accountId: string, roleName: string): Promise<RoleDetails | undefined> {
  const client = await clientFor(accountId);
  const role = await findRole(roleName, { accountId });
  if (!role) return undefined;
  const [attached, inline] = await Promise.all([
    all(paginateListAttachedRolePolicies({ client }, { RoleName: roleName }), (p) => p.AttachedPolicies),
    all(paginateListRolePolicies({ client }, { RoleName: roleName }), (p) => p.PolicyNames),
  ]);
  return {
    arn: role.Arn!,
    name: role.RoleName!,
    path: role.Path ?? '/',
    description: role.Description || undefined,
    trust: parsePolicy(role.AssumeRolePolicyDocument),
    maxSessionDuration: role.MaxSessionDuration ?? 3600,
    attachedPolicies: attached.map((p) => ({ name: p.PolicyName!, arn: p.PolicyArn! })),
    inlinePolicyNames: inline,
    permissionsBoundary: role.PermissionsBoundary?.PermissionsBoundaryArn,
  };
}

// A role's page is four IAM calls through the member role, and IAM answers each account a few calls a second: views
// share one reading for a few seconds, so 20 people on the page wait for one. The console's own IAM changes forget
// them (refreshIamOf); verification and plans read live (roleDetails).
const viewed = memo<RoleDetails | undefined>('iam:role-page', 10_000);

/** The role as its page shows it: read at most once in 10 s per account and role. */
export function viewRole(accountId: string, roleName: string): Promise<RoleDetails | undefined> {
  return viewed.get(`${accountId}|${roleName}`, () => roleDetails(accountId, roleName));
}

/** After the console changed IAM: roles' pages read again. */
export function forgetRoleViews(): void {
  viewed.invalidate();
}

export async function listManagedPolicies(accountId: string, scope: PolicyScopeType): Promise<{ name: string; arn: string; description?: string }[]> {
  const client = await clientFor(accountId);
  const policies = await all(paginateListPolicies({ client }, { Scope: scope }), (p) => p.Policies);
  return policies.map((p) => ({ name: p.PolicyName!, arn: p.Arn!, description: p.Description || undefined })).sort((a, b) => a.name.localeCompare(b.name));
}

export async function accountQuotas(accountId: string): Promise<Record<string, number>> {
  const out = await (await clientFor(accountId)).send(new GetAccountSummaryCommand({}));
  return (out.SummaryMap ?? {}) as Record<string, number>;
}

export interface NamedPolicy {
  /** How the explanation names it: 'inline policy CrossingAssume-… of user alice'. */
  name: string;
  policy: PolicyDocument;
}

async function managedDocument(client: IAMClient, arn: string): Promise<PolicyDocument> {
  const policy = (await client.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy!;
  const version = await client.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: policy.DefaultVersionId! }));
  return parsePolicy(version.PolicyVersion?.Document);
}

const managed = (client: IAMClient, owner: string) => (attached: AttachedPolicy[]) =>
  Promise.all(attached.map(async (p) => ({ name: `managed policy ${p.PolicyName} (${p.PolicyArn}) attached to ${owner}`, policy: await managedDocument(client, p.PolicyArn!) })));

export interface PrincipalPolicies {
  identityPolicies: NamedPolicy[];
  permissionsBoundary?: NamedPolicy;
}

/** A user's or role's live identity policies and boundary, read through the member role of its account. */
export async function principalPolicies(principalArn: string): Promise<PrincipalPolicies> {
  const parsed = parsePrincipalArn(principalArn);
  if (!parsed) throw new Error(`${principalArn} is not a user or role ARN`);
  const client = await clientFor(parsed.accountId);
  const who = `${parsed.kind} ${parsed.name}`;
  if (parsed.kind === 'role') {
    const role = (await client.send(new GetRoleCommand({ RoleName: parsed.name }))).Role!;
    const [attached, inlineNames] = await Promise.all([
      all(paginateListAttachedRolePolicies({ client }, { RoleName: parsed.name }), (p) => p.AttachedPolicies).then(managed(client, who)),
      all(paginateListRolePolicies({ client }, { RoleName: parsed.name }), (p) => p.PolicyNames),
    ]);
    const inline = await Promise.all(
      inlineNames.map(async (name) => ({ name: `inline policy ${name} of ${who}`, policy: parsePolicy((await client.send(new GetRolePolicyCommand({ RoleName: parsed.name, PolicyName: name }))).PolicyDocument) })),
    );
    const boundary = role.PermissionsBoundary?.PermissionsBoundaryArn;
    return { identityPolicies: [...inline, ...attached], permissionsBoundary: boundary ? { name: `permissions boundary ${boundary}`, policy: await managedDocument(client, boundary) } : undefined };
  }
  const user = (await client.send(new GetUserCommand({ UserName: parsed.name }))).User!;
  const [attached, inlineNames, groups] = await Promise.all([
    all(paginateListAttachedUserPolicies({ client }, { UserName: parsed.name }), (p) => p.AttachedPolicies).then(managed(client, who)),
    all(paginateListUserPolicies({ client }, { UserName: parsed.name }), (p) => p.PolicyNames),
    all(paginateListGroupsForUser({ client }, { UserName: parsed.name }), (p) => p.Groups),
  ]);
  const inline = await Promise.all(
    inlineNames.map(async (name) => ({ name: `inline policy ${name} of ${who}`, policy: parsePolicy((await client.send(new GetUserPolicyCommand({ UserName: parsed.name, PolicyName: name }))).PolicyDocument) })),
  );
  const groupPolicies = await Promise.all(
    groups.map(async (group) => {
      const groupName = group.GroupName!;
      const [groupAttached, groupInline] = await Promise.all([
        all(paginateListAttachedGroupPolicies({ client }, { GroupName: groupName }), (p) => p.AttachedPolicies).then(managed(client, `group ${groupName}`)),
        all(paginateListGroupPolicies({ client }, { GroupName: groupName }), (p) => p.PolicyNames),
      ]);
      const groupInlineDocs = await Promise.all(
        groupInline.map(async (name) => ({ name: `inline policy ${name} of group ${groupName}`, policy: parsePolicy((await client.send(new GetGroupPolicyCommand({ GroupName: groupName, PolicyName: name }))).PolicyDocument) })),
      );
      return [...groupInlineDocs, ...groupAttached];
    }),
  );
  const boundary = user.PermissionsBoundary?.PermissionsBoundaryArn;
  return {
    identityPolicies: [...inline, ...attached, ...groupPolicies.flat()],
    permissionsBoundary: boundary ? { name: `permissions boundary ${boundary}`, policy: await managedDocument(client, boundary) } : undefined,
  };
}

/** The size of a principal's inline policies other than `except` (they share one quota). */
export async function otherInlineSize(principalArn: string, except: string): Promise<number> {
  const parsed = parsePrincipalArn(principalArn)!;
  const { identityPolicies } = await principalPolicies(principalArn);
  const prefix = `inline policy `;
  const suffix = ` of ${parsed.kind} ${parsed.name}`;
  return identityPolicies
    .filter((p) => p.name.startsWith(prefix) && p.name.endsWith(suffix) && p.name !== `${prefix}${except}${suffix}`)
    .reduce((n, p) => n + policySize(p.policy), 0);
}
