// RAM sharing with AWS Organizations: its status and the preflight checks from the facts file (the plan that
// enables it is lib/ram/enable-sharing.ts). The dashboard's reading is at most 5 seconds old (single-flight memo).
import { paginateListAWSServiceAccessForOrganization, OrganizationsClient } from '@aws-sdk/client-organizations';
import { getClient } from '../aws/clients';
import { explainingReader } from '../aws/errors';
import type { ConsoleContext } from '../aws/identity';
import { memo } from '../cache/memo';
import { findRole } from '../iam/roles';

export const RAM_SERVICE_PRINCIPAL = 'ram.amazonaws.com';
export const RAM_SERVICE_LINKED_ROLE = 'AWSServiceRoleForResourceAccessManager';

export interface PreflightCheck {
  id: 'management-account' | 'all-features' | 'service-linked-role' | 'trusted-access-trap';
  label: string;
  passed: boolean;
  /** What to do when the check fails (or, for the role, what Enable will do). */
  detail: string;
}

export interface SharingStatus {
  /** Sharing works: trusted access for RAM is on and the service-linked role exists. */
  enabled: boolean;
  trustedAccess?: boolean;
  serviceLinkedRole?: boolean;
  checks: PreflightCheck[];
  /** Every check that must pass before Enable can work. */
  canEnable: boolean;
  /** Reads that failed (e.g. access denied), explained. */
  problems: string[];
}

async function trustedAccessEnabled(region: string): Promise<boolean> {
  for await (const page of paginateListAWSServiceAccessForOrganization({ client: getClient(OrganizationsClient, { region }) }, {})) {
    if (page.EnabledServicePrincipals?.some((p) => p.ServicePrincipal === RAM_SERVICE_PRINCIPAL)) return true;
  }
  return false;
}

async function serviceLinkedRolePresent(region: string): Promise<boolean> {
  return (await findRole(RAM_SERVICE_LINKED_ROLE, { region })) !== undefined;
}

/** The sharing status as AWS reads it now. */
export async function getSharingStatus(context: ConsoleContext): Promise<SharingStatus> {
  const problems: string[] = [];
  const { region, accountId } = context;
  const management = context.standing === 'management';
  const read = explainingReader(problems, { accountId, region });
  const [trustedAccess, serviceLinkedRole] = management
    ? await Promise.all([
        read('organizations:ListAWSServiceAccessForOrganization', () => trustedAccessEnabled(region)),
        read('iam:GetRole', () => serviceLinkedRolePresent(region)),
      ])
    : [undefined, undefined];
  const allFeatures = context.organization?.featureSet === 'ALL';
  const checks: PreflightCheck[] = [
    {
      id: 'management-account',
      label: 'Signed in to the management account',
      passed: management,
      detail: management
        ? `The console acts in ${accountId}, the organization's management account.`
        : context.standing === 'unknown'
          ? `Unknown: ${context.organizationError ?? 'the organization could not be read.'}`
          : context.organization
          ? `The console acts in ${accountId}, but only the management account (${context.organization.managementAccountId}) can enable sharing. Run the console with credentials of the management account.`
          : `Account ${accountId} is not in an organization. Create one (or run the console in the management account) first.`,
    },
    {
      id: 'all-features',
      label: 'All features enabled in the organization',
      passed: allFeatures,
      detail: allFeatures
        ? 'The organization has all features enabled.'
        : context.standing === 'unknown'
          ? 'Unknown: the organization could not be read.'
          : context.organization
          ? 'The organization has only consolidated billing. Enable all features in AWS Organizations (every member account must approve).'
          : 'No organization.',
    },
    {
      id: 'service-linked-role',
      label: `Service-linked role ${RAM_SERVICE_LINKED_ROLE} present`,
      passed: serviceLinkedRole === true,
      detail:
        serviceLinkedRole === true
          ? 'RAM can read the organization through its service-linked role.'
          : serviceLinkedRole === false
            ? 'Missing. Enable below creates it (the console identity needs iam:CreateServiceLinkedRole).'
            : 'Unknown: the role could not be read.',
    },
    {
      id: 'trusted-access-trap',
      label: 'Trusted access not enabled from the Organizations side alone',
      passed: !(trustedAccess === true && serviceLinkedRole === false),
      detail:
        trustedAccess === true && serviceLinkedRole === false
          ? 'Trusted access for ram.amazonaws.com was enabled in AWS Organizations, which does not create the service-linked role: sharing within the organization does not work. Use Enable below (ram:EnableSharingWithAwsOrganization) to create the role.'
          : 'Trusted access and the service-linked role agree.',
    },
  ];
  return {
    enabled: trustedAccess === true && serviceLinkedRole === true,
    trustedAccess,
    serviceLinkedRole,
    checks,
    canEnable: management && allFeatures,
    problems,
  };
}

// The dashboard shows the status on every view; Settings and the plan's read-back read it fresh.
const recent = memo<SharingStatus>('sharing-status', 5_000);

/** The sharing status, shared by concurrent page views for a few seconds (one read in flight per account and Region). */
export function recentSharingStatus(context: ConsoleContext): Promise<SharingStatus> {
  return recent.get(`${context.accountId}|${context.region}|${context.standing}`, () => getSharingStatus(context));
}

/** After the console changed sharing: the dashboard's next view reads it again. */
export function forgetRecentSharingStatus(): void {
  recent.invalidate();
}
