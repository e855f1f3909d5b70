// Where the console stands: its own identity and its place in the organization, detected with
// GetCallerIdentity and DescribeOrganization and cached briefly (every page's header shows it).
import { DescribeOrganizationCommand, ListRootsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { getCallerIdentity, getClient } from './clients';
import { awsErrorCode, explainAwsError } from './errors';
import { config } from '../config';

export type Standing = 'management' | 'delegated-admin' | 'member' | 'no-organization';

export interface ConsoleContext {
  accountId: string;
  arn: string;
  organization?: { id: string; arn: string; featureSet: 'ALL' | 'CONSOLIDATED_BILLING'; managementAccountId: string };
  standing: Standing;
  /** Set when the organization could not be read (e.g. DescribeOrganization denied); standing is then a guess. */
  organizationError?: string;
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
    return {
      ...base,
      standing: 'member',
      organizationError: explainAwsError(error, { operation: 'organizations:DescribeOrganization', accountId: identity.accountId }),
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
  } catch {
    return { ...base, organization, standing: 'member' };
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
