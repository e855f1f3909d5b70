// The one place AWS SDK clients are built: the console's own identity (default credential chain) or a member
// account reached by assuming the member role, for any service and Region.
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { config } from '../config';
import { processWide } from '../cache/process';
import { isBackground } from '../cache/background-work';
import { whenPagesIdle } from './background';

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

/** Any SDK v3 client class: they all take a config object with region/endpoint/credentials/retry settings. */
export type ClientClass<C> = new (configuration: {
  region?: string;
  endpoint?: string;
  credentials?: AwsCredentials | (() => Promise<AwsCredentials>);
  retryMode?: string;
  maxAttempts?: number;
  requestHandler?: { httpAgent: HttpAgent; httpsAgent: HttpsAgent };
}) => C;

export interface ClientTarget {
  /** Account the client acts in; default (or the console's own account): the console's own identity. */
  accountId?: string;
  /** Default: the configured Region. */
  region?: string;
  /**
   * 'changes': a client of its own for a plan's calls. The SDK's adaptive retry paces each client by the
   * throttling it sees, so a change the admin waits for is not queued behind a background read of the organization.
   */
  lane?: 'reads' | 'changes';
}

/** The console's own clients: a page's reads, a plan's changes, and the background reads' member sessions. */
type Lane = NonNullable<ClientTarget['lane']> | 'background';

/** Raised when the member role cannot be assumed; explainAwsError turns it into an admin-facing message. */
export class MemberAccessError extends Error {
  override readonly name = 'MemberAccessError';
  constructor(
    readonly accountId: string,
    readonly roleArn: string,
    override readonly cause: unknown,
  ) {
    super(`Cannot assume ${roleArn}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

// Session credentials are reused until this long before they expire.
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

const clients = new Map<ClientClass<unknown>, Map<string, unknown>>();
const sessions = new Map<string, Promise<AwsCredentials>>();
let callerIdentity: Promise<{ accountId: string; arn: string; partition: string }> | undefined;

// One keep-alive pool of connections per lane for every client: organization-wide reads make a client per account
// and Region (thousands a minute), and each would otherwise open connections of its own. No cap on sockets, as the
// clients' own pools had none in sum; the fan-outs bound how many calls run.
const agents = processWide('aws-agents', () => new Map<Lane, { httpAgent: HttpAgent; httpsAgent: HttpsAgent }>());

function agentsOf(lane: Lane) {
  let pair = agents.get(lane);
  if (!pair) agents.set(lane, (pair = { httpAgent: new HttpAgent({ keepAlive: true }), httpsAgent: new HttpsAgent({ keepAlive: true }) }));
  return pair;
}

function baseSettings(region: string, lane: Lane) {
  const c = config();
  return { region, endpoint: c.endpoint, retryMode: 'adaptive', maxAttempts: c.maxAttempts, requestHandler: agentsOf(lane) };
}

// Settings the SDK looks up for each new client in the environment and the shared config files, building and
// catching an error for each one left unset (a tenth of the console's time during a read of 10,000 accounts): a
// member account's client takes them from the console's own client of its kind, which looked them up once.
const LOOKED_UP = ['defaultsMode', 'useDualstackEndpoint', 'useFipsEndpoint', 'userAgentAppId', 'authSchemePreference'] as const;

function lookedUpBy(own: unknown): Record<string, unknown> {
  const settings = (own as { config?: Record<string, unknown> }).config ?? {};
  return Object.fromEntries(LOOKED_UP.filter((name) => typeof settings[name] === 'function').map((name) => [name, settings[name]]));
}

function ownStsClient(): STSClient {
  return getOwnClient(STSClient, config().region);
}

// Background work's calls go in a lane of their own (lib/cache/background-work.ts): a page's are not queued behind them.
function getOwnClient<C>(Client: ClientClass<C>, region: string, lane: Lane = isBackground() ? 'background' : 'reads'): C {
  return cachedClient(Client, `self|${region}|${lane}`, () => new Client(baseSettings(region, lane)));
}

// While pages are being served, a background read's call in a member account waits its turn to start, and its
// answer waits its turn to be parsed (./background.ts): parsing the answers of 10,000 accounts is what fills the
// event loop that pages share. The organization's own listing is a few hundred calls and goes on.
function inLane<C>(client: C, lane: Lane): C {
  if (lane !== 'background') return client;
  const stack = (client as Stack).middlewareStack;
  stack.add(
    (next: (args: unknown) => Promise<unknown>) => async (args: unknown) => {
      await whenPagesIdle();
      return next(args);
    },
    { step: 'initialize', name: 'crossingStartWhenPagesIdle' },
  );
  stack.add(
    (next: (args: unknown) => Promise<unknown>) => async (args: unknown) => {
      const answer = await next(args);
      await whenPagesIdle();
      return answer;
    },
    // Inside the deserializer: the raw answer, before it is parsed.
    { step: 'deserialize', name: 'crossingParseWhenPagesIdle', priority: 'low' },
  );
  return client;
}

// Clients of one kind kept at once, the most recently used: one per account and Region is 160,000 RAM clients over a
// 10,000-account organization's 16 Regions (gigabytes); organization-wide reads go account by account, so the recent
// ones are those in use. One dropped while a call runs is collected after it.
export const CLIENTS_KEPT = 1_000;

function cachedClient<C>(Client: ClientClass<C>, key: string, create: () => C): C {
  let byKey = clients.get(Client);
  if (!byKey) clients.set(Client, (byKey = new Map()));
  let client = byKey.get(key) as C | undefined;
  if (client) byKey.delete(key);
  else client = readsAwsClock(create());
  byKey.set(key, client);
  if (byKey.size > CLIENTS_KEPT) byKey.delete(byKey.keys().next().value!);
  return client;
}

// The AWS clock, as the Date header of the latest answer read it (an offset from this host's clock), one per
// process. Expiry countdowns follow it, not the host's clock.
const awsClock = processWide('aws-clock', () => ({ offsetMs: 0 }));

/** Now on the AWS clock (epoch ms): the host's clock corrected by what AWS's answers say. */
export function awsNow(): number {
  return Date.now() + awsClock.offsetMs;
}

/** Now on the AWS clock, read afresh from an answer's Date header (sts:GetCallerIdentity), for a process that is otherwise idle. */
export async function readAwsClock(): Promise<number> {
  await ownStsClient().send(new GetCallerIdentityCommand({}));
  return awsNow();
}

type Stack = { middlewareStack: { add(middleware: unknown, options: { step: string; name: string; priority?: 'high' | 'normal' | 'low' }): void } };
type Answer = { response?: { headers?: Record<string, string> }; $response?: { headers?: Record<string, string> } };

function noteDate(answer: Answer | undefined): void {
  const date = Date.parse(answer?.response?.headers?.date ?? answer?.$response?.headers?.date ?? '');
  // Date has one-second precision: only a larger difference is the other clock's.
  if (Number.isFinite(date) && Math.abs(date - awsNow()) > 1500) awsClock.offsetMs = date - Date.now();
}

function readsAwsClock<C>(client: C): C {
  (client as Stack).middlewareStack.add(
    (next: (args: unknown) => Promise<Answer>) => async (args: unknown) => {
      try {
        const out = await next(args);
        noteDate(out);
        return out;
      } catch (error) {
        noteDate(error as Answer);
        throw error;
      }
    },
    { step: 'deserialize', name: 'crossingAwsClock' },
  );
  return client;
}

// A member session AWS no longer accepts (expired on AWS's clock, its role deleted, its sessions revoked) is
// assumed again, once, instead of failing every call until it would have expired here.
const STALE_SESSION = new Set(['ExpiredToken', 'ExpiredTokenException', 'InvalidClientTokenId', 'UnrecognizedClientException', 'AuthFailure', 'InvalidToken']);

function renewsStaleSession<C>(client: C, accountId: string): C {
  const c = client as Stack & { config: { credentials: (options?: { forceRefresh?: boolean }) => Promise<unknown> } };
  c.middlewareStack.add(
    (next: (args: unknown) => Promise<unknown>) => async (args: unknown) => {
      try {
        return await next(args);
      } catch (error) {
        const code = (error as { name?: string; Code?: string }).Code ?? (error as { name?: string }).name ?? '';
        if (!STALE_SESSION.has(code)) throw error;
        sessions.delete(accountId);
        await c.config.credentials({ forceRefresh: true });
        return next(args);
      }
    },
    { step: 'initialize', name: 'crossingRenewStaleSession' },
  );
  return client;
}

/** The console's own identity (STS GetCallerIdentity), cached for the process's life. */
export function getCallerIdentity(): Promise<{ accountId: string; arn: string; partition: string }> {
  callerIdentity ??= ownStsClient()
    .send(new GetCallerIdentityCommand({}))
    .then((out) => ({ accountId: out.Account!, arn: out.Arn!, partition: out.Arn!.split(':')[1] || 'aws' }))
    .catch((error: unknown) => {
      callerIdentity = undefined;
      throw error;
    });
  return callerIdentity;
}

export async function memberRoleArn(accountId: string): Promise<string> {
  const { partition } = await getCallerIdentity();
  return `arn:${partition}:iam::${accountId}:role/${config().memberRole}`;
}

async function assumeMemberRole(accountId: string): Promise<AwsCredentials> {
  const roleArn = await memberRoleArn(accountId);
  try {
    const out = await ownStsClient().send(
      new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: config().sessionName }),
    );
    const c = out.Credentials!;
    return {
      accessKeyId: c.AccessKeyId!,
      secretAccessKey: c.SecretAccessKey!,
      sessionToken: c.SessionToken,
      expiration: c.Expiration,
    };
  } catch (error) {
    throw new MemberAccessError(accountId, roleArn, error);
  }
}

/** Member-account session credentials, shared by every client of that account until shortly before expiry. */
export function memberCredentials(accountId: string): Promise<AwsCredentials> {
  const cached = sessions.get(accountId);
  if (cached) return cached;
  const pending = assumeMemberRole(accountId).then(
    (credentials) => {
      const expiresIn = (credentials.expiration?.getTime() ?? Date.now() + 3600_000) - Date.now() - REFRESH_MARGIN_MS;
      setTimeout(() => sessions.get(accountId) === pending && sessions.delete(accountId), Math.max(expiresIn, 0)).unref();
      return credentials;
    },
    (error: unknown) => {
      sessions.delete(accountId);
      throw error;
    },
  );
  sessions.set(accountId, pending);
  return pending;
}

/**
 * An SDK v3 client for `accountId` (default: the console's own account) in `region`. Clients are cached per
 * (class, account, Region); member accounts are reached with the member role's session credentials.
 */
export function getClient<C>(Client: ClientClass<C>, target: ClientTarget = {}): C {
  const region = target.region ?? config().region;
  const { accountId, lane = isBackground() ? 'background' : 'reads' } = target;
  if (!accountId) return getOwnClient(Client, region, lane);
  return cachedClient(Client, `${accountId}|${region}|${lane}`, () => {
    const own = getOwnClient(Client, region, lane) as { config?: { credentials?: () => Promise<AwsCredentials> } };
    const client = new Client({
      ...lookedUpBy(own),
      ...baseSettings(region, lane),
      credentials: async () => {
        const identity = await getCallerIdentity();
        if (identity.accountId === accountId && own.config?.credentials) return own.config.credentials();
        return memberCredentials(accountId);
      },
    });
    return inLane(renewsStaleSession(client, accountId), lane);
  });
}

/** Forget every client, session and identity (tests; configuration changes). */
export function resetAwsAccess(): void {
  clients.clear();
  sessions.clear();
  callerIdentity = undefined;
}

/** A client acting with credentials the console obtained for another identity (a live sts:AssumeRole check). */
export function clientWithCredentials<C>(Client: ClientClass<C>, credentials: AwsCredentials, region = config().region): C {
  return new Client({ ...baseSettings(region, 'reads'), credentials });
}
