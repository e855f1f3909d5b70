// The organization's accounts as the features that act across them need them: ID, name, and where each
// sits (its OU path), from the cached organization snapshot.
import type { ConsoleContext } from '../aws/identity';
import { completeSnapshot, getOrganizationSnapshot } from './cache';
import { organizationSource } from './snapshot-source';
import type { OrganizationSnapshot } from './types';
import { ancestorsOf } from './view';

export interface OrganizationAccount {
  id: string;
  name: string;
  /** 'Root / Workloads / Dev'. */
  path: string;
  status?: string;
}

export function accountsOf(snapshot: OrganizationSnapshot): OrganizationAccount[] {
  return Object.values(snapshot.nodes)
    .filter((node) => node.type === 'ACCOUNT')
    .map((node) => ({ id: node.id, name: node.name, path: ancestorsOf(snapshot, node.id).map((a) => a.name).join(' / '), status: node.status }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Every account of the organization (waiting for a cold crawl to finish), or only the console's own account
 * when the console cannot list the organization (a member account, or no organization).
 */
export async function organizationAccounts(context: ConsoleContext): Promise<OrganizationAccount[]> {
  if (context.standing !== 'management' && context.standing !== 'delegated-admin') {
    return [{ id: context.accountId, name: context.accountId, path: '' }];
  }
  const source = await organizationSource(context);
  const { snapshot } = await getOrganizationSnapshot(source);
  return accountsOf(snapshot.complete ? snapshot : await completeSnapshot(source));
}

/** Account names by ID from the snapshot as it is now (no waiting for a crawl); empty when the organization cannot be listed. */
export async function knownAccountNames(context: ConsoleContext): Promise<Record<string, string>> {
  if (context.standing !== 'management' && context.standing !== 'delegated-admin') return {};
  try {
    const { snapshot } = await getOrganizationSnapshot(await organizationSource(context));
    return Object.fromEntries(Object.values(snapshot.nodes).filter((n) => n.type === 'ACCOUNT').map((n) => [n.id, n.name]));
  } catch {
    // Names are a convenience on pages that show IDs anyway.
    return {};
  }
}
