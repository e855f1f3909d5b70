// RAM sharing with AWS Organizations: its status and the preflight checks from the facts file (the plan that
// enables it is lib/ram/enable-sharing.ts). The dashboard's reading is a persisted stale-while-revalidate
// snapshot (lib/cache/snapshots.ts): the last reading at once, read again behind it when older than
// CROSSING_ORG_SNAPSHOT_MAX_AGE_SECONDS, and at once after the console enables sharing.
import { paginateListAWSServiceAccessForOrganization, OrganizationsClient } from '@aws-sdk/client-organizations';
import { getClient } from '../aws/clients';
import { explainingReader } from '../aws/errors';
import { getConsoleContext, type ConsoleContext } from '../aws/identity';
import { memo } from '../cache/memo';
import { snapshotStore, type Snapshot, type SnapshotBuild, type SnapshotSource } from '../cache/snapshots';
import { config } from '../config';
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

interface SharingSnapshot extends Snapshot {
  status?: SharingStatus;
}

interface SharingSource extends SnapshotSource {
  context: ConsoleContext;
}

// The dashboard shows the status on every view; Settings and the plan's read-back read it fresh.
const snapshots = snapshotStore<SharingSnapshot, SharingSource, SnapshotBuild<SharingSnapshot>>({
  name: 'sharing-status',
  format: 1,
  build({ key, context }) {
    const snapshot: SharingSnapshot = { key, fetchedAt: Date.now(), complete: false };
    return { snapshot, done: getSharingStatus(context).then((status) => Object.assign(snapshot, { status, complete: true })) };
  },
});

function sharingSource(context: ConsoleContext): SharingSource {
  const c = config();
  return {
    key: ['sharing', c.endpoint ?? 'aws', context.accountId, context.region, context.standing].join('|'),
    context,
    dataDir: c.dataDir,
    maxAgeMs: c.orgSnapshotMaxAgeSeconds * 1000,
  };
}

/** The last reading of the sharing status (read again behind it when old); only the very first reading is waited for (two calls). */
export async function recentSharingStatus(context: ConsoleContext): Promise<SharingStatus> {
  const { snapshot, build } = snapshots.read(sharingSource(context));
  return (snapshot.complete ? snapshot : await build!.done).status!;
}

// Pages show the status as AWS has it now: each view reads it, waiting up to half a second; a reading that takes
// longer (two calls, one to Organizations, about 10 a second for the whole organization, which a crawl uses to the
// full) goes on behind the page, which shows the last one with its time. Views that arrive while a reading runs get
// the one before it, at most a minute old; never one from before the console's own change.
const viewed = memo<SharingStatus>('ram:sharing-status', 0, { previousWhileReadingMs: 60_000 });
const FRESH_WAIT_MS = 500;

/** The sharing status as AWS has it, or (`late`) the last reading when a new one takes longer than half a second. */
export async function viewSharingStatus(context: ConsoleContext): Promise<SharingStatus & { readAt: number; late: boolean }> {
  const { value, at, late } = await viewed.within([context.accountId, context.region, context.standing].join('|'), () => getSharingStatus(context), FRESH_WAIT_MS);
  return { ...value, readAt: at, late };
}

/** After the console changed sharing: the status is read again now, into every reading. */
export async function refreshSharingStatus(): Promise<void> {
  viewed.invalidate();
  const status = await getSharingStatus(await getConsoleContext());
  snapshots.update((snapshot) => {
    snapshot.status = status;
    snapshot.fetchedAt = Date.now();
  });
}
