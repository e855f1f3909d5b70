// Which Regions an organization-wide read covers in one account: CROSSING_REGIONS when set; otherwise the
// Regions enabled for the account (EC2 DescribeRegions with AllRegions: an opt-in Region the account has not
// enabled answers nothing but errors), narrowed for RAM to the Regions the organization is seen to use.
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { getClient } from './clients';

/** The Regions enabled for the account: opted in, or not needing it. One call. */
export async function enabledRegions(accountId: string, region: string): Promise<string[]> {
  const { Regions = [] } = await getClient(EC2Client, { accountId, region }).send(new DescribeRegionsCommand({ AllRegions: true }));
  return Regions.filter((r) => r.RegionName && r.OptInStatus !== 'not-opted-in')
    .map((r) => r.RegionName!)
    .sort();
}

export interface RegionChoice {
  /** CROSSING_REGIONS: read exactly these everywhere. */
  pinned?: string[];
  /** The account's enabled Regions; undefined: unknown (then `fallback`). */
  enabled?: string[];
  /** The Regions enabled by default in every account. */
  fallback: string[];
  /** Regions where the organization is seen to use the service; undefined: not known yet (read every enabled one). */
  used?: ReadonlySet<string>;
}

export function regionsToRead({ pinned, enabled, fallback, used }: RegionChoice): string[] {
  if (pinned) return pinned;
  const base = enabled ?? fallback;
  return used ? base.filter((r) => used.has(r)) : base;
}
