// The organization's IAM snapshot, as read (no caching here: snapshot-source.ts wires it to the cache): for
// every account, GetAccountAuthorizationDetails through the SDK's paginator — roles with trust policies,
// inline and attached policies, boundaries and RoleLastUsed; users and groups with theirs; managed policies'
// default versions — and the organization's SCPs and RCPs with their targets. Kept compact for 10,000
// accounts: every policy document is interned once (most are shared: AWS managed policies, the member
// role's trust), entities keep only what the access paths read, never the SDK's objects.
import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  IAMClient,
  paginateGetAccountAuthorizationDetails,
  type AttachedPolicy,
  type PolicyDetail,
} from '@aws-sdk/client-iam';
import {
  DescribePolicyCommand,
  OrganizationsClient,
  paginateListPolicies,
  paginateListTargetsForPolicy,
  type PolicyType,
} from '@aws-sdk/client-organizations';
import { getCallerIdentity, getClient } from '../aws/clients';
import { accountTargets, fanOut } from '../aws/fan-out';

export interface IamEntityPolicies {
  /** Inline policies: name and interned document. */
  inline: { name: string; document: number }[];
  /** Attached managed policy ARNs. */
  attached: string[];
  boundary?: string;
}

export interface IamRole extends IamEntityPolicies {
  name: string;
  arn: string;
  path: string;
  trust: number;
  /** Epoch ms, from RoleLastUsed. */
  lastUsed?: number;
  lastUsedRegion?: string;
}

export interface IamUser extends IamEntityPolicies {
  name: string;
  arn: string;
  groups: string[];
}

export interface IamGroup extends IamEntityPolicies {
  name: string;
  arn: string;
}

export interface AccountIam {
  accountId: string;
  /** Epoch ms the read finished. */
  readAt: number;
  /** Why the account could not be read, explained for admins. */
  error?: string;
  roles: IamRole[];
  users: IamUser[];
  groups: IamGroup[];
}

export interface OrganizationPolicy {
  id: string;
  name: string;
  awsManaged: boolean;
  document: number;
  /** Root, OU and account IDs it is attached to. */
  targets: string[];
}

export interface OrganizationPolicies {
  /** undefined: the policy type is not enabled (nothing of that type applies). */
  scps?: OrganizationPolicy[];
  rcps?: OrganizationPolicy[];
  /** Why they could not be read (the console's identity is not the management account, …). */
  error?: string;
}

export interface IamSnapshot {
  key: string;
  /** Epoch ms the build started. */
  fetchedAt: number;
  complete: boolean;
  accountCount: number;
  /** Interned policy documents (JSON text); entities refer to them by index. */
  documents: string[];
  /** Managed policy ARN → its default version's document. */
  managedPolicies: Record<string, number>;
  accounts: Record<string, AccountIam>;
  organizationPolicies: OrganizationPolicies;
  /** IAM and Organizations calls (pages) made, retries excluded. */
  calls: number;
  /** Bumped by every account put in (what was computed from it is stale). */
  revision: number;
}

/** Interns documents into a snapshot's table; one per snapshot (rebuilt from the table for a loaded one). */
export class DocumentTable {
  private readonly index = new Map<string, number>();
  constructor(readonly documents: string[]) {
    documents.forEach((text, i) => this.index.set(text, i));
  }
  /** IAM answers URL-encoded JSON: stored decoded and re-serialized, so equal documents share one entry. */
  intern(raw: string | undefined): number {
    let text = raw ?? '{"Version":"2012-10-17","Statement":[]}';
    if (!text.trimStart().startsWith('{')) text = decodeURIComponent(text);
    try {
      text = JSON.stringify(JSON.parse(text));
    } catch {
      // Kept as IAM returned it; the paths treat it as unreadable.
    }
    let id = this.index.get(text);
    if (id === undefined) {
      id = this.documents.push(text) - 1;
      this.index.set(text, id);
    }
    return id;
  }
}

const tables = new WeakMap<IamSnapshot, DocumentTable>();
export function documentTable(snapshot: IamSnapshot): DocumentTable {
  let table = tables.get(snapshot);
  if (!table) tables.set(snapshot, (table = new DocumentTable(snapshot.documents)));
  return table;
}

export function emptyIamSnapshot(key: string, fetchedAt: number): IamSnapshot {
  return { key, fetchedAt, complete: false, accountCount: 0, documents: [], managedPolicies: {}, accounts: {}, organizationPolicies: {}, calls: 0, revision: 0 };
}

// The largest page GetAccountAuthorizationDetails allows (MaxItems 1..1000).
export const AUTHORIZATION_DETAILS_PAGE = 1000;

const attachedArns = (list: AttachedPolicy[] | undefined) => (list ?? []).map((p) => p.PolicyArn!).filter(Boolean);

/** One account's IAM through GetAccountAuthorizationDetails; managed policies' default versions go to `managed`. */
export async function readAccountIam(
  accountId: string,
  table: DocumentTable,
  managed: Record<string, number>,
  count: () => void = () => {},
): Promise<AccountIam> {
  const own = (await getCallerIdentity()).accountId;
  const client = own === accountId ? getClient(IAMClient) : getClient(IAMClient, { accountId });
  const account: AccountIam = { accountId, readAt: 0, roles: [], users: [], groups: [] };
  const inline = (list: { PolicyName?: string; PolicyDocument?: string }[] | undefined) => (list ?? []).map((p) => ({ name: p.PolicyName ?? '', document: table.intern(p.PolicyDocument) }));
  // AWS managed policies are the same in every account (and the largest part of an answer, every version
  // included): they are read once for the organization (readAwsManagedPolicies), not per account.
  const pages = paginateGetAccountAuthorizationDetails({ client, pageSize: AUTHORIZATION_DETAILS_PAGE }, { Filter: ['User', 'Role', 'Group', 'LocalManagedPolicy'] });
  for await (const page of pages) {
    count();
    for (const r of page.RoleDetailList ?? []) {
      // Service-linked roles: only their service assumes them.
      if (r.Path?.startsWith('/aws-service-role/')) continue;
      account.roles.push({
        name: r.RoleName!,
        arn: r.Arn!,
        path: r.Path ?? '/',
        trust: table.intern(r.AssumeRolePolicyDocument),
        inline: inline(r.RolePolicyList as PolicyDetail[]),
        attached: attachedArns(r.AttachedManagedPolicies),
        boundary: r.PermissionsBoundary?.PermissionsBoundaryArn,
        lastUsed: r.RoleLastUsed?.LastUsedDate?.getTime(),
        lastUsedRegion: r.RoleLastUsed?.Region,
      });
    }
    for (const u of page.UserDetailList ?? []) {
      account.users.push({ name: u.UserName!, arn: u.Arn!, groups: u.GroupList ?? [], inline: inline(u.UserPolicyList), attached: attachedArns(u.AttachedManagedPolicies), boundary: u.PermissionsBoundary?.PermissionsBoundaryArn });
    }
    for (const g of page.GroupDetailList ?? []) {
      account.groups.push({ name: g.GroupName!, arn: g.Arn!, inline: inline(g.GroupPolicyList), attached: attachedArns(g.AttachedManagedPolicies) });
    }
    for (const p of page.Policies ?? []) {
      const version = p.PolicyVersionList?.find((v) => v.IsDefaultVersion) ?? p.PolicyVersionList?.find((v) => v.VersionId === p.DefaultVersionId);
      if (p.Arn && version) managed[p.Arn] = table.intern(version.Document);
    }
  }
  account.readAt = Date.now();
  return account;
}

const isAwsManaged = (arn: string) => /^arn:aws[\w-]*:iam::aws:policy\//.test(arn);

/** The AWS managed policies an account's entities use (attached or as a boundary). */
export function awsManagedIn(account: AccountIam): string[] {
  const arns = new Set<string>();
  for (const e of [...account.roles, ...account.users, ...account.groups]) {
    for (const arn of e.attached) if (isAwsManaged(arn)) arns.add(arn);
    if (e.boundary && isAwsManaged(e.boundary)) arns.add(e.boundary);
  }
  return [...arns];
}

/** Default versions of the AWS managed policies not yet in `managed`, read in the console's own account (GetPolicy, GetPolicyVersion). */
export async function readAwsManagedPolicies(arns: string[], table: DocumentTable, managed: Record<string, number>, count: () => void = () => {}): Promise<void> {
  const client = getClient(IAMClient);
  const queue = arns.filter((arn) => managed[arn] === undefined);
  const lane = async () => {
    for (let arn = queue.shift(); arn !== undefined; arn = queue.shift()) {
      const policy = await client.send(new GetPolicyCommand({ PolicyArn: arn }));
      count();
      const version = await client.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: policy.Policy!.DefaultVersionId! }));
      count();
      managed[arn] = table.intern(version.PolicyVersion?.Document);
    }
  };
  await Promise.all(Array.from({ length: 4 }, lane));
}

const NOT_ENABLED = new Set(['PolicyTypeNotEnabledException', 'PolicyTypeNotAvailableForOrganizationException']);

async function readPolicies(client: OrganizationsClient, type: PolicyType, table: DocumentTable, count: () => void): Promise<OrganizationPolicy[] | undefined> {
  const out: OrganizationPolicy[] = [];
  try {
    for await (const page of paginateListPolicies({ client, pageSize: 20 }, { Filter: type })) {
      count();
      for (const p of page.Policies ?? []) {
        const described = await client.send(new DescribePolicyCommand({ PolicyId: p.Id! }));
        count();
        const targets: string[] = [];
        for await (const t of paginateListTargetsForPolicy({ client, pageSize: 20 }, { PolicyId: p.Id! })) {
          count();
          for (const target of t.Targets ?? []) if (target.TargetId) targets.push(target.TargetId);
        }
        out.push({ id: p.Id!, name: p.Name ?? p.Id!, awsManaged: !!p.AwsManaged, document: table.intern(described.Policy?.Content), targets });
      }
    }
  } catch (error) {
    if (NOT_ENABLED.has((error as Error).name)) return undefined;
    throw error;
  }
  // Listed while the type is off (FullAWSAccess exists in every organization) but attached nowhere: not in force.
  return out.some((p) => p.targets.length > 0) ? out : undefined;
}

/** The organization's SCPs and RCPs with their targets (a handful of calls: policies are few). */
export async function readOrganizationPolicies(table: DocumentTable, count: () => void = () => {}): Promise<OrganizationPolicies> {
  const client = getClient(OrganizationsClient);
  try {
    const [scps, rcps] = await Promise.all([readPolicies(client, 'SERVICE_CONTROL_POLICY', table, count), readPolicies(client, 'RESOURCE_CONTROL_POLICY', table, count)]);
    return { scps, rcps };
  } catch (error) {
    return { error: `The organization's SCPs and RCPs could not be read: ${(error as Error).message}` };
  }
}

/** An account read on its own (a refresh after a change): documents in its own table, to be adopted by each snapshot. */
export interface AccountReading {
  account: AccountIam;
  documents: string[];
  managedPolicies: Record<string, number>;
}

export async function readAccountAlone(accountId: string): Promise<AccountReading> {
  const documents: string[] = [];
  const managedPolicies: Record<string, number> = {};
  const table = new DocumentTable(documents);
  const account = await readAccountIam(accountId, table, managedPolicies).catch(
    (error: unknown): AccountIam => ({ accountId, readAt: Date.now(), error: (error as Error).message, roles: [], users: [], groups: [] }),
  );
  // A change may attach an AWS managed policy the organization did not use before.
  await readAwsManagedPolicies(awsManagedIn(account), table, managedPolicies).catch(() => undefined);
  return { account, documents, managedPolicies };
}

/** Puts an account read alone into a snapshot, its documents interned into the snapshot's table. */
export function adoptAccount(snapshot: IamSnapshot, reading: AccountReading): void {
  const table = documentTable(snapshot);
  const id = (local: number) => table.intern(reading.documents[local]);
  const policies = <E extends IamEntityPolicies>(e: E): E => ({ ...e, inline: e.inline.map((p) => ({ name: p.name, document: id(p.document) })) });
  for (const [arn, local] of Object.entries(reading.managedPolicies)) snapshot.managedPolicies[arn] = id(local);
  const a = reading.account;
  applyAccount(snapshot, { ...a, roles: a.roles.map((r) => ({ ...policies(r), trust: id(r.trust) })), users: a.users.map(policies), groups: a.groups.map(policies) });
}

/** Puts one account's reading into a snapshot, replacing what it held. */
export function applyAccount(snapshot: IamSnapshot, account: AccountIam): void {
  snapshot.accounts[account.accountId] = account;
  snapshot.revision = (snapshot.revision ?? 0) + 1;
}

export interface IamBuildOptions {
  /** Accounts read at once (default 8). */
  concurrency?: number;
  /** Told of each account as it is read (the snapshot is already updated). */
  onAccount?: (account: AccountIam) => void;
}

/** Fills `snapshot` account by account (bounded fan-out, member sessions fetched ahead in their own lane). */
export async function buildIamSnapshot(snapshot: IamSnapshot, accountIds: AsyncIterable<string[]>, options: IamBuildOptions = {}): Promise<IamSnapshot> {
  const table = documentTable(snapshot);
  const count = () => snapshot.calls++;
  const region = 'us-east-1';
  const policies = readOrganizationPolicies(table, count).then((p) => {
    snapshot.organizationPolicies = p;
    snapshot.revision++;
  });
  // A cold crawl of 10,000 accounts takes minutes: the first accounts are read while it lists the rest.
  const targets = accountTargets(accountIds, region, (listed) => (snapshot.accountCount += listed));
  // IAM is global: one target per account (the Region only names the client).
  await fanOut(
    targets,
    (t) => readAccountIam(t.accountId, table, snapshot.managedPolicies, count),
    {
      operation: 'iam:GetAccountAuthorizationDetails',
      concurrency: options.concurrency ?? 8,
      background: true,
      perAccount: 1,
      onResult: (result) => {
        const account: AccountIam = result.ok ? result.value : { accountId: result.accountId, readAt: Date.now(), error: result.error, roles: [], users: [], groups: [] };
        applyAccount(snapshot, account);
        options.onAccount?.(account);
      },
    },
  );
  await policies;
  const used = new Set(Object.values(snapshot.accounts).flatMap(awsManagedIn));
  await readAwsManagedPolicies([...used], table, snapshot.managedPolicies, count).catch((error: unknown) => {
    snapshot.organizationPolicies.error = `${snapshot.organizationPolicies.error ?? ''} AWS managed policies could not be read: ${(error as Error).message}`.trim();
  });
  snapshot.revision++;
  snapshot.complete = true;
  return snapshot;
}
