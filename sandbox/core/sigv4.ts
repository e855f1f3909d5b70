// SigV4 verification: recompute the signature of the request with the stored secret and compare.
// The canonical request follows @smithy/signature-v4 (whose query canonicalization it reuses), with
// synchronous hashing and cached signing keys: this runs on every request.
import { createHmac, hash, timingSafeEqual } from 'node:crypto';
import { getCanonicalQuery } from '@smithy/signature-v4';
import { AwsError } from './errors.js';
import type { WireRequest } from './protocols/common.js';
import type { CredentialRecord, Protocol, World } from './types.js';
import { nowMs } from './world.js';

export interface SigV4Authorization {
  accessKeyId: string;
  /** yyyymmdd of the credential scope. */
  date: string;
  region: string;
  /** Signing name: which service the request is for. */
  service: string;
  signedHeaders: string[];
  signature: string;
}

const AUTHORIZATION = /^AWS4-HMAC-SHA256\s+Credential=([^/,\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request,\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)\s*$/;

export function parseAuthorization(header: string | undefined): SigV4Authorization | undefined {
  const match = header ? AUTHORIZATION.exec(header) : null;
  if (!match) return undefined;
  const [, accessKeyId, date, region, service, signedHeaders, signature] = match;
  return { accessKeyId, date, region, service, signedHeaders: signedHeaders.split(';'), signature };
}

function sha256Hex(data: string | Buffer): string {
  return hash('sha256', data, 'hex');
}

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

// Signing keys change once a day per (secret, region, service): derive each once.
const signingKeys = new Map<string, Buffer>();
const SIGNING_KEY_CACHE_LIMIT = 10_000;

function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  const cacheKey = `${secret}\n${date}\n${region}\n${service}`;
  let key = signingKeys.get(cacheKey);
  if (!key) {
    key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
    if (signingKeys.size >= SIGNING_KEY_CACHE_LIMIT) signingKeys.clear();
    signingKeys.set(cacheKey, key);
  }
  return key;
}

/** RFC 3986 encoding, as SigV4 wants it. */
function escapeUri(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The path as the SDK's signer canonicalizes it: normalized segments, encoded once more (the wire path is already encoded). */
function canonicalPath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const normalized = `${path.startsWith('/') ? '/' : ''}${segments.join('/')}${segments.length > 0 && path.endsWith('/') ? '/' : ''}`;
  return escapeUri(normalized).replace(/%2F/g, '/');
}

// Most header values are already canonical: test once before rewriting.
const NOT_CANONICAL = /[\r\n\t]| {2}|^ | $/;
const canonicalHeaderValue = (value: string) =>
  NOT_CANONICAL.test(value) ? value.replace(/[\r\n]/g, ' ').replace(/[ \t]+/g, ' ').replace(/^ | $/g, '') : value;

/** AWS's error for each signature failure, in the family of names the protocol uses. */
function signatureError(kind: 'unknownKey' | 'mismatch' | 'expired' | 'missing', protocol: Protocol): AwsError {
  const json = protocol === 'json' || protocol === 'rest-json';
  switch (kind) {
    case 'missing':
      return json
        ? new AwsError('MissingAuthenticationTokenException', 'Missing Authentication Token', { status: 403 })
        : new AwsError('MissingAuthenticationToken', 'Request is missing Authentication Token', { status: 403 });
    case 'unknownKey':
      if (protocol === 'ec2') return new AwsError('AuthFailure', 'AWS was not able to validate the provided access credentials', { status: 401 });
      return json
        ? new AwsError('UnrecognizedClientException', 'The security token included in the request is invalid.', { status: 400 })
        : new AwsError('InvalidClientTokenId', 'The security token included in the request is invalid.', { status: 403 });
    case 'mismatch': {
      const message =
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
      return new AwsError(json ? 'InvalidSignatureException' : 'SignatureDoesNotMatch', message, { status: 403 });
    }
    case 'expired':
      return json
        ? new AwsError('ExpiredTokenException', 'The security token included in the request is expired', { status: 400 })
        : new AwsError('ExpiredToken', 'The security token included in the request is expired', { status: 403 });
  }
}

export function missingAuthentication(protocol: Protocol): AwsError {
  return signatureError('missing', protocol);
}

/**
 * The credential that signed the request, after checking the key exists and is active, the
 * session has not expired on the sandbox clock, and the signature matches. Clock skew is not
 * checked: the sandbox clock may be moved far from the client's.
 */
export function verifySignature(world: World, request: WireRequest, auth: SigV4Authorization, protocol: Protocol): CredentialRecord {
  const credential = world.credentials.get(auth.accessKeyId);
  if (!credential || credential.status !== 'Active') throw signatureError('unknownKey', protocol);
  const token = request.headers['x-amz-security-token'];
  if ((credential.sessionToken ?? undefined) !== token) throw signatureError('unknownKey', protocol);

  const amzDate = request.headers['x-amz-date'];
  if (!amzDate || !/^\d{8}T\d{6}Z$/.test(amzDate)) throw signatureError('mismatch', protocol);
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of request.query) {
    const existing = query[key];
    query[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  const canonicalRequest = [
    request.method,
    canonicalPath(request.path),
    getCanonicalQuery({ query } as Parameters<typeof getCanonicalQuery>[0]),
    ...auth.signedHeaders.map((name) => `${name}:${canonicalHeaderValue(request.headers[name] ?? '')}`),
    '',
    auth.signedHeaders.join(';'),
    request.headers['x-amz-content-sha256'] ?? sha256Hex(request.body),
  ].join('\n');
  const scope = `${auth.date}/${auth.region}/${auth.service}/aws4_request`;
  const stringToSign = `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${sha256Hex(canonicalRequest)}`;
  const expected = createHmac('sha256', signingKey(credential.secretAccessKey, auth.date, auth.region, auth.service)).update(stringToSign).digest('hex');
  if (expected.length !== auth.signature.length || !timingSafeEqual(Buffer.from(expected), Buffer.from(auth.signature))) {
    throw signatureError('mismatch', protocol);
  }
  if (credential.expiresAt !== undefined && credential.expiresAt <= nowMs(world)) throw signatureError('expired', protocol);
  return credential;
}
