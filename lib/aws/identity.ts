// Where the console stands: its own identity and its place in the organization, detected with
// GetCallerIdentity and DescribeOrganization and cached briefly (every page's header shows it).
import { DescribeOrganizationCommand, ListRootsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { getCallerIdentity, getClient } from './clients';
import { awsErrorCode, explainAwsError, failureKind, type FailureKind } from './errors';
import { config } from '../config';

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

const TTL_MS = 30_000;
const cache = new Map<string, { at: number; value: Promise<ConsoleContext> }>();

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

/** The console's identity and standing for `region` (default: the configured Region), cached for 30 s. */
export function getConsoleContext(options: { region?: string } = {}): Promise<ConsoleContext> {
  const region = options.region ?? config().region;
  const hit = cache.get(region);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
  const value = detect(region);
  cache.set(region, { at: Date.now(), value });
  value.catch(() => cache.get(region)?.value === value && cache.delete(region));
  return value;
}

/** Drop the cached context after a change that affects it (e.g. enabling all features). */
export function invalidateConsoleContext(): void {
  cache.clear();
}
