// The console's snapshot source: the organization snapshot cache wired to the console's configuration,
// its Organizations client and its identity. Server only.
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { config } from '../config';
import { getClient } from '../aws/clients';
import { getConsoleContext, type ConsoleContext } from '../aws/identity';
import type { SnapshotSource, SnapshotStatus } from './cache';
import type { SnapshotInfo } from './types';

export function organizationsClient(): OrganizationsClient {
  return getClient(OrganizationsClient, {});
}

/** Where the snapshot comes from: keyed by endpoint, console account and organization, so a switch never shows another org. */
export async function organizationSource(context?: ConsoleContext): Promise<SnapshotSource> {
  const ctx = context ?? (await getConsoleContext());
  const c = config();
  return {
    key: [c.endpoint ?? 'aws', ctx.accountId, ctx.organization?.id ?? 'none'].join('|'),
    client: organizationsClient,
    dataDir: c.dataDir,
    maxAgeMs: c.orgSnapshotMaxAgeSeconds * 1000,
  };
}

/** Whether the console's identity may read the organization's structure, and if not, what to tell the admin. */
export function organizationAccessProblem(ctx: ConsoleContext): string | undefined {
  switch (ctx.standing) {
    case 'management':
    case 'delegated-admin':
      return undefined;
    case 'no-organization':
      return `The console's identity (${ctx.arn}) is in account ${ctx.accountId}, which is not in an AWS Organization. Create an organization, or run the console with an identity in the management account.`;
    case 'unknown':
      return `The console cannot tell where it stands in AWS Organizations: ${ctx.organizationError ?? 'the organization could not be read.'}`;
    case 'member':
      return (
        `The console's identity (${ctx.arn}) is in account ${ctx.accountId}, a member account` +
        (ctx.organization ? ` of ${ctx.organization.id} (management account ${ctx.organization.managementAccountId})` : '') +
        '. Only the management account or a delegated administrator for AWS Organizations can list the organization: run the console with an identity in the management account, or register this account as a delegated administrator.' +
        (ctx.organizationError ? ` (${ctx.organizationError})` : '')
      );
  }
}

/** What the tree's status line shows about a snapshot. */
export function snapshotInfo(status: SnapshotStatus): SnapshotInfo {
  return {
    fetchedAt: status.snapshot.fetchedAt,
    complete: status.snapshot.complete,
    refreshing: status.refreshing,
    nodeCount: Object.keys(status.snapshot.nodes).length,
    lastError: status.lastError,
  };
}
