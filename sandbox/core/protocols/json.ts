// awsJson1_1 (Organizations, Route 53 Resolver, License Manager, ACM PCA): `X-Amz-Target:
// Prefix.Operation` and a JSON body in, JSON out, errors as `{"__type": code}`.
import { AwsError } from '../errors.js';
import type { ServiceModel, Shape, ShapeRef } from '../types.js';
import {
  formatTimestamp,
  messageMember,
  parseTimestamp,
  SerdeError,
  wireError,
  type ProtocolCodec,
  type WireResponse,
} from './common.js';

const jsonKey = (ref: ShapeRef, memberName: string) => (ref.jsonName as string | undefined) ?? ref.locationName ?? memberName;

/** Reads a JSON document into the shape's plain data (Dates, Buffers); unmodeled keys are dropped. */
export function readJson(model: ServiceModel, ref: ShapeRef, value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  const shape = model.shapes[ref.shape];
  switch (shape.type) {
    case 'structure':
      if (typeof value !== 'object' || Array.isArray(value)) throw new SerdeError(`Expected an object for ${ref.shape}`);
      return readJsonMembers(model, shape, value as Record<string, unknown>);
    case 'list':
      if (!Array.isArray(value)) throw new SerdeError(`Expected a list for ${ref.shape}`);
      return value.map((item) => readJson(model, shape.member!, item));
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value)) throw new SerdeError(`Expected a map for ${ref.shape}`);
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = readJson(model, shape.value!, item);
      return out;
    }
    case 'timestamp':
      return parseTimestamp(value);
    case 'blob':
      if (typeof value !== 'string') throw new SerdeError(`Expected base64 text for ${ref.shape}`);
      return Buffer.from(value, 'base64');
    case 'boolean':
      if (typeof value !== 'boolean') throw new SerdeError(`Expected a boolean for ${ref.shape}`);
      return value;
    case 'string':
      if (typeof value !== 'string') throw new SerdeError(`Expected a string for ${ref.shape}`);
      return value;
    default:
      if (typeof value !== 'number') throw new SerdeError(`Expected a number for ${ref.shape}`);
      return value;
  }
}

/** Body members of a structure (rest-json leaves out the ones bound to the URI, query or headers). */
export function readJsonMembers(model: ServiceModel, shape: Shape, value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [memberName, ref] of Object.entries(shape.members ?? {})) {
    if (ref.location) continue;
    const member = readJson(model, ref, value[jsonKey(ref, memberName)]);
    if (member !== undefined) out[memberName] = member;
  }
  return out;
}

/** Writes plain data as the JSON the SDK expects: timestamps as epoch seconds, blobs as base64; only modeled members. */
export function writeJson(model: ServiceModel, ref: ShapeRef, value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  const shape = model.shapes[ref.shape];
  switch (shape.type) {
    case 'structure':
      return typeof value === 'object' ? writeJsonMembers(model, shape, value as Record<string, unknown>) : undefined;
    case 'list':
      return Array.isArray(value) ? value.map((item) => writeJson(model, shape.member!, item)) : undefined;
    case 'map': {
      if (typeof value !== 'object') return undefined;
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = writeJson(model, shape.value!, item);
      return out;
    }
    case 'timestamp':
      return formatTimestamp(value, ref.timestampFormat ?? shape.timestampFormat ?? 'unixTimestamp');
    case 'blob':
      return Buffer.isBuffer(value) ? value.toString('base64') : value;
    default:
      return value;
  }
}

export function writeJsonMembers(model: ServiceModel, shape: Shape, value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [memberName, ref] of Object.entries(shape.members ?? {})) {
    if (ref.location) continue;
    const member = writeJson(model, ref, value[memberName]);
    if (member !== undefined) out[jsonKey(ref, memberName)] = member;
  }
  return out;
}

export function parseJsonBody(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new SerdeError('Could not parse the request body as JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new SerdeError('The request body must be a JSON object');
  return parsed as Record<string, unknown>;
}

/** The error body both JSON protocols share: message under the name the error shape uses, plus its extra members. */
export function jsonErrorBody(model: ServiceModel, shape: Shape | undefined, error: AwsError): Record<string, unknown> {
  const body: Record<string, unknown> = { [messageMember(shape, 'message')]: error.message };
  for (const [key, value] of Object.entries(error.fields)) {
    const ref = shape?.members?.[key];
    body[ref ? jsonKey(ref, key) : key] = ref ? writeJson(model, ref, value) : value;
  }
  return body;
}

function target(headers: Record<string, string | undefined>): string {
  return headers['x-amz-target'] ?? '';
}

function jsonResponse(status: number, body: unknown, requestId: string, extra: Record<string, string> = {}): WireResponse {
  return {
    status,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId, ...extra },
    body: JSON.stringify(body),
  };
}

export const jsonCodec: ProtocolCodec = {
  resolve(model, request) {
    const [prefix, name] = target(request.headers).split('.', 2);
    const operation = prefix === model.metadata.targetPrefix && name ? model.operations[name] : undefined;
    return operation ? { operation } : undefined;
  },
  requestedName: (request) => target(request.headers).split('.').pop() ?? '',
  unknownOperation(request) {
    return new AwsError('UnknownOperationException', `The operation ${target(request.headers) || '(no X-Amz-Target)'} is not recognized.`);
  },
  parseInput(model, { operation }, request) {
    if (!operation.input) return {};
    return readJsonMembers(model, model.shapes[operation.input.shape], parseJsonBody(request.body));
  },
  serializeOutput(model, operation, output, requestId) {
    const body =
      operation.output && output && typeof output === 'object'
        ? writeJsonMembers(model, model.shapes[operation.output.shape], output as Record<string, unknown>)
        : {};
    return jsonResponse(200, body, requestId);
  },
  serializeError(model, error, requestId) {
    const { code, status, shape } = wireError(model, error);
    return jsonResponse(status, { __type: code, ...jsonErrorBody(model, shape, error) }, requestId);
  },
};
