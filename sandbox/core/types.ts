// The contract between the sandbox's core (transport, signatures, wire formats, throttling) and
// its services (state and rules). A service never sees HTTP; the core never knows a service's
// rules, so it authorizes through an `Authorizer` it is given (IAM's, see iam/authz.ts).
import type { AwsError } from './errors.js';

/** Wire protocol, as botocore's `metadata.protocol` names it. */
export type Protocol = 'query' | 'ec2' | 'json' | 'rest-json';

/**
 * A member of a request as the protocol parsers give it (JSON.parse's result, or the query parser's strings, lists
 * and maps): checked against the AWS model's shapes before any handler runs, so handlers read it as the model says.
 */
export type WireValue = ReturnType<typeof JSON.parse>;

/** A request's members, by name. */
export type WireInput = Record<string, WireValue>;

/** An AWS account that exists in the sandbox's world, inside the organization or not. */
export interface Account {
  id: string;
  name: string;
  email: string;
  createdAt: Date;
}

/** Who signed a request, as STS GetCallerIdentity would describe it. */
export type PrincipalIdentity =
  | { type: 'root'; accountId: string; arn: string }
  | { type: 'user'; accountId: string; arn: string; userName: string; userId: string }
  | {
      type: 'assumed-role';
      accountId: string;
      /** arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION */
      arn: string;
      /** arn:aws:iam::ACCOUNT:role/PATH/ROLE */
      roleArn: string;
      roleName: string;
      roleId: string;
      sessionName: string;
      /** Credentials obtained by a role session assuming another role (role chaining). */
      chained: boolean;
    };

/** A key pair the sandbox accepts: an IAM user's access key, or an STS session's. */
export interface CredentialRecord {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** Epoch milliseconds on the sandbox clock; absent for long-term keys. */
  expiresAt?: number;
  status: 'Active' | 'Inactive';
  identity: PrincipalIdentity;
}

/**
 * The whole sandbox state: plain data (objects, arrays, Maps, Dates) so that it can be exported,
 * reset and saved with `--state FILE`. Logic lives in functions, never in methods.
 */
export interface World {
  seed: string;
  /** Sandbox clock = wall clock + offset; `POST /_sandbox/clock` moves the offset. */
  clockOffsetMs: number;
  /** Counter behind deterministic IDs (see core/world.ts newId). */
  idCounter: number;
  accounts: Map<string, Account>;
  credentials: Map<string, CredentialRecord>;
  /** Access key of the console's identity, the one `npm run sandbox` prints (set by the seed). */
  consoleAccessKeyId?: string;
  /** Each service's state slice, keyed by service folder name; see that folder's models.ts. */
  services: Record<string, unknown>;
}

export interface AuthorizeOptions {
  /** Resource-based policy of the resource (e.g. a role's trust policy for sts:AssumeRole). */
  resourcePolicy?: unknown;
  /** Owner account of the resource; default: parsed from the ARN, else the caller's account. */
  resourceAccount?: string;
  /** Extra request context keys (aws:* or service keys). */
  context?: Record<string, string | string[]>;
}

/** One authorization question: may `caller` perform `action` on `resource`? */
export interface AuthzRequest extends AuthorizeOptions {
  caller: PrincipalIdentity;
  action: string;
  resource: string;
  /** Region from the SigV4 credential scope (`aws:RequestedRegion`). */
  region: string;
}

/**
 * How the core authorizes requests without knowing any policy: given to it by whoever starts the
 * sandbox (the server passes IAM's, iam/authz.ts). Resolves to undefined when the request is
 * allowed, else to AWS's sentence for the denial, which the core answers as the protocol's AccessDenied.
 */
export type Authorizer = (world: World, request: AuthzRequest) => Promise<string | undefined>;

export interface RequestContext {
  world: World;
  requestId: string;
  /** Region from the SigV4 credential scope. */
  region: string;
  /** Signing name from the credential scope ('iam', 'sts', 'ram', ...). */
  service: string;
  operation: string;
  caller: PrincipalIdentity;
  credential: CredentialRecord;
  /** Authorize one more action than the operation's own (e.g. iam:PassRole); throws AccessDenied. */
  authorize(action: string, resource: string, options?: AuthorizeOptions): Promise<void>;
}

export interface OperationSpec<I = WireValue, O = WireValue> {
  /**
   * IAM action checked before the handler runs. Default `${iamPrefix}:${OperationName}`.
   * `null` means the operation is never denied (sts:GetCallerIdentity).
   */
  action?: string | null;
  /** The ARN(s) the action is on; default '*'. An ARN for an action that only takes '*' is fine: core falls back. */
  resource?: (ctx: RequestContext, input: I) => string | string[];
  /** Input: the operation's botocore input shape as plain data; output: its output shape. */
  handler: (ctx: RequestContext, input: I) => O | Promise<O>;
}

/** A botocore service model (documentation stripped), as stored in sandbox/models/. */
export interface ServiceModel {
  version?: string;
  metadata: {
    apiVersion: string;
    endpointPrefix: string;
    protocol: Protocol;
    signingName?: string;
    targetPrefix?: string;
    jsonVersion?: string;
    xmlNamespace?: string;
    serviceId?: string;
    [key: string]: unknown;
  };
  operations: Record<string, ModelOperation>;
  shapes: Record<string, Shape>;
}

export interface ModelOperation {
  name: string;
  http: { method: string; requestUri: string; responseCode?: number };
  input?: { shape: string; locationName?: string };
  output?: { shape: string; resultWrapper?: string };
  errors?: { shape: string }[];
}

export interface ShapeRef {
  shape: string;
  location?: 'uri' | 'querystring' | 'header' | 'headers' | 'statusCode';
  locationName?: string;
  queryName?: string;
  flattened?: boolean;
  xmlNamespace?: unknown;
  idempotencyToken?: boolean;
  timestampFormat?: string;
  [key: string]: unknown;
}

export interface Shape {
  type: 'structure' | 'list' | 'map' | 'string' | 'integer' | 'long' | 'boolean' | 'timestamp' | 'blob' | 'double' | 'float';
  members?: Record<string, ShapeRef>;
  required?: string[];
  member?: ShapeRef;
  key?: ShapeRef;
  value?: ShapeRef;
  flattened?: boolean;
  enum?: string[];
  min?: number;
  max?: number;
  pattern?: string;
  timestampFormat?: string;
  error?: { code?: string; httpStatusCode?: number; senderFault?: boolean };
  exception?: boolean;
  locationName?: string;
  [key: string]: unknown;
}

export interface ServiceDefinition {
  /** Folder name under sandbox/ and key of the state slice in World.services. */
  name: string;
  /** Service name in the SigV4 credential scope. */
  signingName: string;
  /** Prefix of the service's IAM actions ('iam', 'organizations', 'license-manager', ...). */
  iamPrefix: string;
  model: ServiceModel;
  operations: Record<string, OperationSpec>;
  /**
   * The service's error for a request missing members the model marks required (core/validate.ts
   * finds them): `message` is AWS's "N validation error(s) detected: Value null at 'roleName' …",
   * `missing` the members' paths (`roleName`, `entries.1.member.cidr`).
   * Default: `ValidationError` (query), `ValidationException` (other protocols).
   */
  validationError?: (message: string, missing: string[]) => AwsError;
}
