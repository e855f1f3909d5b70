// The console's configuration, read once from the environment and validated, so a typo fails at start
// with a clear message instead of an AWS call going somewhere unexpected.
import path from 'node:path';
import { z } from 'zod';
import { parseTrustedProxies, type TrustedProxies } from './net/address';

const regionPattern = /^[a-z]{2}(-[a-z]+)+-\d$/;

const schema = z
  .object({
    // Real AWS is only ever used when asked for by name.
    CROSSING_MODE: z.enum(['sandbox', 'aws']).default('sandbox'),
    AWS_REGION: z.string().regex(regionPattern, 'must be a Region code such as us-east-1').optional(),
    AWS_DEFAULT_REGION: z.string().regex(regionPattern).optional(),
    AWS_ENDPOINT_URL: z.url().optional(),
    CROSSING_REGIONS: z.string().optional(),
    CROSSING_MEMBER_ROLE: z
      .string()
      .regex(/^[\w+=,.@/-]{1,64}$/, 'must be an IAM role name (optionally with a path)')
      .default('OrganizationAccountAccessRole'),
    CROSSING_DATA_DIR: z.string().min(1).default('./data'),
    CROSSING_DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a PostgreSQL URL such as postgres://user@host:5432/crossing (unset: SQLite in the data dir)')
      .optional(),
    // Without CROSSING_DATABASE_URL, PGHOST (with the other standard PG* variables) also selects PostgreSQL.
    PGHOST: z.string().optional(),
    CROSSING_DATABASE_SSLMODE: z.enum(['disable', 'require', 'verify-full']).optional(),
    CROSSING_DATABASE_CA_FILE: z.string().min(1).optional(),
    CROSSING_DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    CROSSING_SESSION_NAME: z.string().regex(/^[\w+=,.@-]{2,64}$/).default('crossing-console'),
    CROSSING_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
    CROSSING_ORG_SNAPSHOT_MAX_AGE_SECONDS: z.coerce.number().int().positive().default(300),
    // One full read of a 10,000-account organization is ~10,000 calls per Region read, about 10 minutes within
    // the throttles: read again every 30 minutes by default (answers and the console's own changes are re-read at once).
    CROSSING_INVITATIONS_MAX_AGE_SECONDS: z.coerce.number().int().min(60).default(1800),
    CROSSING_RECEIVED_SHARES_MAX_AGE_SECONDS: z.coerce.number().int().min(60).default(3600),
    AUTH_OIDC_ISSUER: z.url().optional(),
    AUTH_OIDC_CLIENT_ID: z.string().optional(),
    AUTH_OIDC_CLIENT_SECRET: z.string().optional(),
    AUTH_OIDC_NAME: z.string().default('Single sign-on'),
    AUTH_OIDC_GROUPS_CLAIM: z.string().default('groups'),
    AUTH_OIDC_ADMIN_GROUPS: z.string().default('crossing-admins'),
    AUTH_OIDC_VIEWER_GROUPS: z.string().optional(),
    AUTH_OIDC_REQUESTER_GROUPS: z.string().optional(),
    // Access requests (lib/requests): how many distinct people approve, four eyes for admins, approvers per OU.
    CROSSING_REQUEST_APPROVALS: z.coerce.number().int().min(1, 'must be at least 1').max(10, 'must be at most 10').default(1),
    CROSSING_REQUEST_FOUR_EYES: z.enum(['true', 'false'], 'must be true or false').default('false'),
    CROSSING_REQUEST_APPLY: z.enum(['on-approval', 'by-approver'], 'must be on-approval (the console applies on the final approval) or by-approver').default('on-approval'),
    CROSSING_REQUEST_OU_APPROVERS: z
      .string()
      .optional()
      .transform((value, ctx) => {
        try {
          return parseOuApprovers(value);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: (error as Error).message });
          return z.NEVER;
        }
      }),
    CROSSING_WEBHOOK_URL: z
      .url('must be an http(s) URL')
      .refine((value) => /^https?:$/.test(new URL(value).protocol), 'must be an http(s) URL')
      .optional(),
    // Slack-compatible incoming webhooks other than hooks.slack.com (Mattermost, Rocket.Chat): send a `text` too.
    CROSSING_WEBHOOK_SLACK: z.enum(['true', 'false'], 'must be true or false').optional(),
    CROSSING_SESSION_MAX_AGE_SECONDS: z.coerce.number().int().min(300).max(30 * 24 * 3600).default(8 * 3600),
    // Last-seen times are written at most once a minute, so a shorter idle timeout could not be kept.
    CROSSING_SESSION_IDLE_TIMEOUT_SECONDS: z.coerce.number().int().min(120).default(3600),
    CROSSING_TRUSTED_PROXIES: z
      .string()
      .optional()
      .transform((value, ctx) => {
        try {
          return parseTrustedProxies(value);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: (error as Error).message });
          return z.NEVER;
        }
      }),
    // next-auth reads it itself; the console compares request origins with it.
    AUTH_URL: z.url().optional(),
    // Read by lib/log.ts itself (logging must work before and without a valid configuration); checked here so a typo fails at start.
    CROSSING_LOG_FORMAT: z.enum(['text', 'json']).default('text'),
  })
  .superRefine((env, ctx) => {
    if (env.CROSSING_MODE === 'sandbox' && !env.AWS_ENDPOINT_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['AWS_ENDPOINT_URL'],
        message: 'sandbox mode needs the sandbox endpoint (npm start sets it); set CROSSING_MODE=aws to use real AWS',
      });
    }
  });

export const DEFAULT_REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'sa-east-1',
  'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-north-1',
  'ap-south-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-southeast-1', 'ap-southeast-2',
];

export interface CrossingConfig {
  mode: 'sandbox' | 'aws';
  /** Default Region (the header's selector can pick another one per browser). */
  region: string;
  /** Regions offered by the selector. */
  regions: string[];
  /** CROSSING_REGIONS was set: organization-wide reads cover exactly `regions`, not the Regions found in use. */
  regionsPinned: boolean;
  /** Custom endpoint (the sandbox, or an AWS-compatible endpoint); undefined on real AWS. */
  endpoint?: string;
  /** Role assumed in member accounts. */
  memberRole: string;
  /** Absolute path of the data directory (users file, audit log, caches). */
  dataDir: string;
  /** Where the console's state (audit log, sessions, …) is kept: lib/state/database.ts. */
  database: DatabaseConfig;
  sessionName: string;
  maxAttempts: number;
  /** Age after which the cached organization snapshot is refreshed in the background. */
  orgSnapshotMaxAgeSeconds: number;
  /** Age after which the organization's invitations are read again in the background. */
  invitationsMaxAgeSeconds: number;
  /** Age after which the shares every account receives (Shared with me) are read again in the background. */
  receivedSharesMaxAgeSeconds: number;
  oidc?: {
    issuer: string;
    clientId: string;
    clientSecret: string;
    name: string;
    groupsClaim: string;
    adminGroups: string[];
    /** Undefined: every signed-in OIDC user who is not an admin is a viewer. */
    viewerGroups?: string[];
    /** Groups whose members sign in as requesters (before viewers, after admins). */
    requesterGroups: string[];
  };
  requests: RequestsConfig;
  webhook?: { url: string; slack: boolean };
  session: {
    /** Seconds from sign-in after which a session ends, however active. */
    maxAgeSeconds: number;
    /** Seconds without a request after which a session ends. */
    idleTimeoutSeconds: number;
  };
  /** Peers whose X-Forwarded-For, -Host and -Proto are believed. */
  trustedProxies: TrustedProxies;
  /** AUTH_URL's origin: where browsers reach the console, when it cannot tell from the request. */
  publicOrigin?: string;
}

export interface RequestsConfig {
  /** Distinct approvals a request needs. */
  approvals: number;
  /** Admins' own changes need another admin's approval before Apply. */
  fourEyes: boolean;
  /** on-approval: the console applies the plan on the final approval; by-approver: it waits for an approver's Apply. */
  apply: 'on-approval' | 'by-approver';
  /** OIDC group → OU paths (IDs from the root, `r-ab12/ou-ab12-11111111`) whose accounts its members may approve changes to. */
  ouApprovers: Record<string, string[]>;
}

const OU_PATH = /^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})(\/ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})*$/;

/** `group=r-ab12/ou-ab12-11111111;other=ou-ab12-22222222` → { group: [...], other: [...] }. */
export function parseOuApprovers(value: string | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const entry of (value ?? '').split(';').map((s) => s.trim()).filter(Boolean)) {
    const [group, paths, ...rest] = entry.split('=');
    if (!group?.trim() || !paths?.trim() || rest.length) throw new Error(`"${entry}" must read group=OU path (several: separated by ;)`);
    for (const p of paths.split(',').map((s) => s.trim()).filter(Boolean)) {
      if (!OU_PATH.test(p)) throw new Error(`"${p}" is not an OU path: OU IDs from the root separated by /, such as r-ab12/ou-ab12-11111111`);
      (out[group.trim()] ??= []).push(p);
    }
  }
  return out;
}

export type DatabaseConfig =
  | { dialect: 'sqlite'; file: string }
  | {
      dialect: 'postgres';
      /** Undefined: the standard PG* variables alone. */
      url?: string;
      /** Undefined: as the URL's sslmode or PGSSLMODE say (libpq's names). */
      sslMode?: 'disable' | 'require' | 'verify-full';
      /** PEM file of the certificate authorities trusted for verify-full (default: Node's). */
      caFile?: string;
      poolSize: number;
    };

const list = (value: string) => value.split(',').map((s) => s.trim()).filter(Boolean);

export class ConfigError extends Error {}

export function parseConfig(env: Record<string, string | undefined>): CrossingConfig {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid Crossing configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const region = e.AWS_REGION ?? e.AWS_DEFAULT_REGION ?? 'us-east-1';
  const regions = e.CROSSING_REGIONS ? list(e.CROSSING_REGIONS) : DEFAULT_REGIONS;
  const oidcParts = [e.AUTH_OIDC_ISSUER, e.AUTH_OIDC_CLIENT_ID, e.AUTH_OIDC_CLIENT_SECRET];
  if (oidcParts.some(Boolean) && !oidcParts.every(Boolean)) {
    throw new ConfigError('Invalid Crossing configuration: AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET go together');
  }
  return {
    mode: e.CROSSING_MODE,
    region,
    regions: regions.includes(region) ? regions : [region, ...regions],
    regionsPinned: !!e.CROSSING_REGIONS,
    endpoint: e.AWS_ENDPOINT_URL,
    memberRole: e.CROSSING_MEMBER_ROLE,
    dataDir: dataDir({ CROSSING_DATA_DIR: e.CROSSING_DATA_DIR }),
    database:
      e.CROSSING_DATABASE_URL || e.PGHOST
        ? {
            dialect: 'postgres',
            url: e.CROSSING_DATABASE_URL,
            sslMode: e.CROSSING_DATABASE_SSLMODE,
            caFile: e.CROSSING_DATABASE_CA_FILE && path.resolve(/*turbopackIgnore: true*/ e.CROSSING_DATABASE_CA_FILE),
            poolSize: e.CROSSING_DATABASE_POOL_SIZE,
          }
        : { dialect: 'sqlite', file: path.join(dataDir({ CROSSING_DATA_DIR: e.CROSSING_DATA_DIR }), 'crossing.sqlite') },
    sessionName: e.CROSSING_SESSION_NAME,
    maxAttempts: e.CROSSING_MAX_ATTEMPTS,
    orgSnapshotMaxAgeSeconds: e.CROSSING_ORG_SNAPSHOT_MAX_AGE_SECONDS,
    invitationsMaxAgeSeconds: e.CROSSING_INVITATIONS_MAX_AGE_SECONDS,
    receivedSharesMaxAgeSeconds: e.CROSSING_RECEIVED_SHARES_MAX_AGE_SECONDS,
    oidc: e.AUTH_OIDC_ISSUER
      ? {
          issuer: e.AUTH_OIDC_ISSUER,
          clientId: e.AUTH_OIDC_CLIENT_ID!,
          clientSecret: e.AUTH_OIDC_CLIENT_SECRET!,
          name: e.AUTH_OIDC_NAME,
          groupsClaim: e.AUTH_OIDC_GROUPS_CLAIM,
          adminGroups: list(e.AUTH_OIDC_ADMIN_GROUPS),
          viewerGroups: e.AUTH_OIDC_VIEWER_GROUPS ? list(e.AUTH_OIDC_VIEWER_GROUPS) : undefined,
          requesterGroups: e.AUTH_OIDC_REQUESTER_GROUPS ? list(e.AUTH_OIDC_REQUESTER_GROUPS) : [],
        }
      : undefined,
    requests: {
      approvals: e.CROSSING_REQUEST_APPROVALS,
      fourEyes: e.CROSSING_REQUEST_FOUR_EYES === 'true',
      apply: e.CROSSING_REQUEST_APPLY,
      ouApprovers: e.CROSSING_REQUEST_OU_APPROVERS,
    },
    webhook: e.CROSSING_WEBHOOK_URL
      ? { url: e.CROSSING_WEBHOOK_URL, slack: e.CROSSING_WEBHOOK_SLACK ? e.CROSSING_WEBHOOK_SLACK === 'true' : new URL(e.CROSSING_WEBHOOK_URL).hostname === 'hooks.slack.com' }
      : undefined,
    session: {
      maxAgeSeconds: e.CROSSING_SESSION_MAX_AGE_SECONDS,
      idleTimeoutSeconds: Math.min(e.CROSSING_SESSION_IDLE_TIMEOUT_SECONDS, e.CROSSING_SESSION_MAX_AGE_SECONDS),
    },
    trustedProxies: e.CROSSING_TRUSTED_PROXIES,
    publicOrigin: e.AUTH_URL && new URL(e.AUTH_URL).origin,
  };
}

/** The data directory alone (for tools such as user:add that need no AWS settings). */
export function dataDir(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(/*turbopackIgnore: true*/ env.CROSSING_DATA_DIR || './data');
}

let cached: CrossingConfig | undefined;

export function config(): CrossingConfig {
  cached ??= parseConfig(process.env);
  return cached;
}
