// Where the console stands: its own identity and its place in the organization, detected with
// GetCallerIdentity and DescribeOrganization, read at most every 30 s (every page's header shows it).
import { DescribeOrganizationCommand, ListRootsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { getCallerIdentity, getClient } from './clients';
import { awsErrorCode, explainAwsError, failureKind, type FailureKind } from './errors';
import { config } from '../config';
import { memo } from '../cache/memo';

/** 'unknown': AWS did not say (unreachable, not an AWS answer, credentials refused, access denied). */
export type Standing = 'management' | 'delegated-admin' | 'member' | 'no-organization' | 'unknown';

export interface ConsoleContext {
  accountId: string;
  arn: string;
  organization?: { id: string; arn: string; featureSet: 'ALL' | 'CONSOLIDATED_BILLING'; managementAccountId: string };
  standing: Standing;
  /** Set when the organization could not be read; the standing is then 'unknown', and this says why. */
  organizationError?: string;
  /** What kind of failure left the standing unknown. */
  organizationFailure?: FailureKind;
  mode: 'sandbox' | 'aws';
  region: string;
  endpoint?: string;
}

// Past its 30 s, a page is given the last reading at once and the next one goes on behind it: DescribeOrganization
// shares the management account's Organizations rate with the organization's own reads, whose throttling a page
// would otherwise wait out (a second, in a read of 10,000 accounts).
const contexts = memo<ConsoleContext>('aws:console-context', 30_000);

async function detect(region: string): Promise<ConsoleContext> {
  const { mode, endpoint } = config();
  const identity = await getCallerIdentity();
  const base = { accountId: identity.accountId, arn: identity.arn, mode, region, endpoint };
  const organizations = getClient(OrganizationsClient, { region });
  let described;
  try {
    described = (await organizations.send(new DescribeOrganizationCommand({}))).Organization!;
  } catch (error) {
    if (awsErrorCode(error) === 'AWSOrganizationsNotInUseException') return { ...base, standing: 'no-organization' };
    // Every account in an organization may describe it: any other failure says nothing about where the console stands.
    return {
      ...base,
      standing: 'unknown',
      organizationError: explainAwsError(error, { operation: 'organizations:DescribeOrganization', accountId: identity.accountId }),
      organizationFailure: failureKind(error),
    };
  }
  const organization = {
    id: described.Id!,
    arn: described.Arn!,
    featureSet: described.FeatureSet as 'ALL' | 'CONSOLIDATED_BILLING',
    managementAccountId: described.MasterAccountId!,
  };
  if (organization.managementAccountId === identity.accountId) return { ...base, organization, standing: 'management' };
  // Only the management account and delegated administrators may list the organization's structure.
  try {
    await organizations.send(new ListRootsCommand({}));
    return { ...base, organization, standing: 'delegated-admin' };
  } catch (error) {
    // A member account is refused ListRoots; anything else (the network, throttling) leaves the standing open.
    const kind = failureKind(error);
    if (kind === 'denied' || awsErrorCode(error) === 'AccessDeniedException') return { ...base, organization, standing: 'member' };
    return {
      ...base,
      organization,
      standing: 'unknown',
      organizationError: explainAwsError(error, { operation: 'organizations:ListRoots', accountId: identity.accountId }),
      organizationFailure: kind,
    };
  }
}

/** The console's identity and standing for `region` (default: the configured Region), the last reading once there is one. */
export async function getConsoleContext(options: { region?: string } = {}): Promise<ConsoleContext> {
  const region = options.region ?? config().region;
  return (await contexts.within(region, () => detect(region), 0)).value;
}

/** Drop the cached context after a change that affects it (e.g. enabling all features). */
export function invalidateConsoleContext(): void {
  contexts.invalidate();
}
