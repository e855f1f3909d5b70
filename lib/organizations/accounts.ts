// The organization's accounts as the features that act across them need them: ID, name, and where each
// sits (its OU path), from the cached organization snapshot.
import { setTimeout as sleep } from 'node:timers/promises';
import type { ConsoleContext } from '../aws/identity';
import { derived } from '../cache/derived';
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

/**
 * The snapshot's accounts by name; worked out once per complete snapshot (10,000 paths and a sort per page otherwise),
 * and at most once a second for one still being crawled (it gains accounts).
 */
export function accountsOf(snapshot: OrganizationSnapshot): readonly OrganizationAccount[] {
  const list = () =>
    Object.values(snapshot.nodes)
      .filter((node) => node.type === 'ACCOUNT')
      .map((node) => ({ id: node.id, name: node.name, path: ancestorsOf(snapshot, node.id).map((a) => a.name).join(' / '), status: node.status }))
      .sort((a, b) => a.name.localeCompare(b.name));
  return derived(snapshot, 'accounts', list, snapshot.complete ? Infinity : 1_000);
}

/** The accounts among `names` (organizationNames: accounts and OUs), by name; once per names, not per view. */
export function namedAccounts(names: Record<string, string>): readonly { id: string; name: string }[] {
  const list = () =>
    Object.entries(names)
      .filter(([id]) => /^\d{12}$/.test(id))
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name));
  return derived(names, 'accounts-by-name', list, Infinity);
}

/**
 * The OU `typed` names (its ID, ou-…, or its name, exactly, ignoring case) and every account under it now, at
 * any depth, from the organization snapshot. Undefined when no OU matches; several OUs of that name are refused.
 */
export function accountsUnderOu(snapshot: OrganizationSnapshot, typed: string): { ou: { id: string; name: string }; accounts: OrganizationAccount[] } | { error: string } | undefined {
  const value = typed.trim().toLowerCase();
  const ous = Object.values(snapshot.nodes).filter((n) => n.type === 'ORGANIZATIONAL_UNIT' && (n.id === value || n.name.toLowerCase() === value));
  if (ous.length === 0) return undefined;
  if (ous.length > 1) return { error: `"${typed.trim()}" names ${ous.length} OUs: ${ous.map((o) => `${o.name} (${o.id})`).join(', ')}. Type the OU's ID.` };
  const [ou] = ous;
  const accounts = accountsOf(snapshot).filter((a) => a.status !== 'SUSPENDED' && ancestorsOf(snapshot, a.id).some((n) => n.id === ou.id));
  return { ou: { id: ou.id, name: ou.name }, accounts };
}

/** The organization's snapshot, complete (waiting for a cold crawl), when the console can list it: the management account or a delegated administrator. */
export async function completeOrganization(context: ConsoleContext): Promise<OrganizationSnapshot | undefined> {
  if (context.standing !== 'management' && context.standing !== 'delegated-admin') return undefined;
  const source = await organizationSource(context);
  const { snapshot } = await getOrganizationSnapshot(source);
  return snapshot.complete ? snapshot : completeSnapshot(source);
}

/**
 * Every account of the organization, or only the console's own account when the console cannot list the
 * organization (a member account, or no organization).
 */
export async function organizationAccounts(context: ConsoleContext): Promise<readonly OrganizationAccount[]> {
  const snapshot = await completeOrganization(context);
  return snapshot ? accountsOf(snapshot) : [{ id: context.accountId, name: context.accountId, path: '' }];
}

/**
 * The organization snapshot as far as it is read, without waiting for a cold crawl to finish (pages show what is
 * known and say the rest is being read); undefined when the console cannot list the organization.
 */
export async function currentOrganization(context: ConsoleContext): Promise<OrganizationSnapshot | undefined> {
  if (context.standing !== 'management' && context.standing !== 'delegated-admin') return undefined;
  return (await getOrganizationSnapshot(await organizationSource(context))).snapshot;
}

// How often a running crawl is looked at for accounts it has found since.
const NEW_ACCOUNTS_EVERY_MS = 1_000;

/**
 * The organization's accounts in batches as its reading finds them (at once from a complete one): an
 * organization-wide read starts on the first accounts while a cold crawl of 10,000 lists the rest. Only the
 * console's own account when it cannot list the organization; a crawl that fails ends the batches with its error.
 */
export async function* organizationAccountsAsRead(context: ConsoleContext): AsyncGenerator<Pick<OrganizationAccount, 'id' | 'status'>[]> {
  if (context.standing !== 'management' && context.standing !== 'delegated-admin') {
    yield [{ id: context.accountId }];
    return;
  }
  const source = await organizationSource(context);
  const seen = new Set<string>();
  const complete = completeSnapshot(source);
  // Met in the race below; a consumer that stops early must not leave its failure unhandled.
  complete.catch(() => undefined);
  const fresh = (snapshot: OrganizationSnapshot) => {
    const accounts = Object.values(snapshot.nodes).filter((n) => n.type === 'ACCOUNT' && !seen.has(n.id));
    for (const a of accounts) seen.add(a.id);
    return accounts.map((a) => ({ id: a.id, status: a.status }));
  };
  for (;;) {
    const { snapshot } = await getOrganizationSnapshot(source);
    const found = fresh(snapshot);
    if (found.length) yield found;
    if (snapshot.complete) return;
    const done = await Promise.race([complete, sleep(NEW_ACCOUNTS_EVERY_MS, undefined, { ref: false })]);
    if (done) {
      const rest = fresh(done);
      if (rest.length) yield rest;
      return;
    }
  }
}

/** Names of the organization's accounts, OUs and the organization itself, from the organization snapshot as far as it is read. */
export async function organizationNames(context: ConsoleContext): Promise<Record<string, string>> {
  if (context.standing !== 'management' && context.standing !== 'delegated-admin') return { [context.accountId]: context.accountId };
  const { snapshot } = await getOrganizationSnapshot(await organizationSource(context));
  // Once per complete snapshot; a snapshot still being crawled gains nodes: its names are made again each second.
  return derived(
    snapshot,
    `names:${context.accountId}:${snapshot.complete}`,
    () => {
      const names: Record<string, string> = { [context.accountId]: context.accountId };
      for (const node of Object.values(snapshot.nodes)) if (node.type !== 'ROOT') names[node.id] = node.name;
      return names;
    },
    snapshot.complete ? Infinity : 1_000,
  );
}
