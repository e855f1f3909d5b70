// One access path explained layer by layer with @cloud-copilot/iam-simulate, as the role page's verification
// does (lib/iam/verify.ts): the source's identity policies and boundary, the SCPs on its account's path, the
// RCPs on the role's account's path and the role's trust policy, each with its deciding statement. The
// request is the one the path's conditions ask for (its ExternalId, MFA where the trust requires it).
import { parsePolicy } from '../iam/policy';
import type { IamSnapshot, OrganizationPolicy } from '../iam/snapshot';
import { evaluateAccess, type Verification } from '../iam/verify';
import type { ScpLevel } from '../organizations/scp-path';
import { documentsOf, principalsOf, type AccessOrganization, type AccessPath } from './paths';

export interface PathExplanation {
  /** Evaluated with iam-simulate; absent where the source is not one principal or account (services, providers, `*`, shares). */
  verification?: Verification;
  /** What the path means in words, for every kind. */
  summary: string;
}

function levels(policies: OrganizationPolicy[] | undefined, iam: IamSnapshot, organization: AccessOrganization, accountId: string, customerOnly: boolean): ScpLevel[] | undefined {
  const member = organization.accounts[accountId];
  if (!policies || !member || accountId === organization.managementAccountId) return undefined;
  return [...member.parents, accountId].map((target) => ({
    targetId: target,
    label: organization.groupNames[target] ?? organization.accounts[target]?.name ?? target,
    policies: policies
      .filter((p) => p.targets.includes(target) && !(customerOnly && p.awsManaged))
      .map((p) => ({ id: p.id, name: p.name, document: JSON.parse(iam.documents[p.document]) as unknown })),
  }));
}

const conditionText = (path: AccessPath) => path.conditions.map((c) => `${c.operator} ${c.key} = ${c.values.join(' or ')}`).join('; ');

export async function explainPath(path: AccessPath, iam: IamSnapshot, organization: AccessOrganization): Promise<PathExplanation> {
  const conditions = path.conditions.length ? ` when ${conditionText(path)}` : '';
  if (path.kind === 'share') {
    const how = path.via === 'organization' ? 'to the whole organization' : path.via === 'ou' ? `to ${path.source.label} and every account under it` : `to ${path.source.label}`;
    return { summary: `Resource share ${path.target.name} of account ${path.destinationAccount} gives ${path.target.detail ?? 'its resources'} ${how}${path.inside ? '' : ', outside the organization'} (${path.statement}).` };
  }
  const role = path.target.name;
  if (path.source.kind === 'service') return { summary: `The AWS service ${path.source.id} may assume ${role}${conditions} (${path.statement}); it acts for whoever uses that service in account ${path.destinationAccount}.` };
  if (path.source.kind === 'federated') return { summary: `Users signed in through ${path.source.label} (${path.source.id}) may assume ${role}${conditions} (${path.statement}).` };
  if (path.source.kind === 'any' || path.source.kind === 'organization') return { summary: `${path.source.label} may assume ${role}${conditions} (${path.statement})${path.blockedBy ? `, but ${path.blockedBy.why}` : ''}.` };
  if (path.source.kind === 'unknown-principal') return { summary: `The trust of ${role} names ${path.source.id}: ${path.blockedBy?.why ?? ''}.` };

  const accountId = path.source.accountId!;
  const doc = documentsOf(iam);
  const principal = path.source.kind === 'principal' ? principalsOf(iam, accountId, doc).find((p) => p.arn === path.source.id) : undefined;
  const member = organization.accounts[accountId];
  const scps = levels(iam.organizationPolicies.scps, iam, organization, accountId, false);
  const external = path.conditions.find((c) => c.key.toLowerCase() === 'sts:externalid');
  const mfa = path.conditions.some((c) => c.key.toLowerCase() === 'aws:multifactorauthpresent');
  const verification = await evaluateAccess({
    principal: principal?.arn ?? (path.source.kind === 'principal' ? path.source.id : `arn:aws:iam::${accountId}:root`),
    roleArn: path.target.arn,
    identityPolicies: principal?.identity.map((p) => ({ name: p.name, policy: p.document })),
    permissionsBoundary: principal?.boundary && { name: principal.boundary.name, policy: principal.boundary.document },
    serviceControlPolicies: accountId === organization.managementAccountId ? 'management' : (scps ?? 'none'),
    resourceControlPolicies: levels(iam.organizationPolicies.rcps, iam, organization, path.destinationAccount, true),
    trust: parsePolicy(iam.documents[iam.accounts[path.destinationAccount]?.roles.find((r) => r.arn === path.target.arn)?.trust ?? -1]),
    organizationId: member ? organization.id : undefined,
    organizationPaths: member && organization.id ? [`${organization.id}/${member.parents.join('/')}/`] : undefined,
    withMfa: mfa,
    externalId: external?.values[0],
  });
  return { verification, summary: verification.summary };
}
