// What every wire protocol shares: the HTTP exchange as plain data, scalar conversions, XML
// escaping, and the lookup of modeled error shapes.
import { AwsError } from '../errors.js';
import type { ModelOperation, ServiceModel, Shape, ShapeRef } from '../types.js';

export interface WireRequest {
  method: string;
  /** Raw (still percent-encoded) path, without the query string. */
  path: string;
  query: URLSearchParams;
  /** Lower-case header names. */
  headers: Record<string, string | undefined>;
  body: Buffer;
}

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface ResolvedOperation {
  operation: ModelOperation;
  /** rest-json: decoded values of the `{label}`s in the request URI. */
  labels?: Record<string, string>;
}

export interface ProtocolCodec {
  /** The modeled operation the request names; undefined when it names none. */
  resolve(model: ServiceModel, request: WireRequest): ResolvedOperation | undefined;
  /** The operation name the request asked for, for the unknown-operation message. */
  requestedName(request: WireRequest): string;
  unknownOperation(request: WireRequest): AwsError;
  parseInput(model: ServiceModel, resolved: ResolvedOperation, request: WireRequest): Record<string, unknown>;
  serializeOutput(model: ServiceModel, operation: ModelOperation, output: unknown, requestId: string): WireResponse;
  serializeError(model: ServiceModel, error: AwsError, requestId: string): WireResponse;
}

export function parseTimestamp(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value * 1000);
  const text = String(value);
  if (/^-?\d+(\.\d+)?$/.test(text)) return new Date(Number(text) * 1000);
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new SerdeError(`Invalid timestamp: ${text}`);
  return date;
}

export function formatTimestamp(value: unknown, format: string): string | number {
  const date = value instanceof Date ? value : new Date(value as string | number);
  switch (format) {
    case 'unixTimestamp':
      return date.getTime() / 1000;
    case 'rfc822':
      return date.toUTCString();
    default:
      return isoTimestamp(date);
  }
}

/** ISO-8601 as AWS writes it: whole seconds without a fraction, else milliseconds. */
export function isoTimestamp(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

/** Raised while reading a request that does not fit its shape; the dispatcher turns it into the service's validation error. */
export class SerdeError extends Error {}

/** A scalar sent as text (query parameters, URI labels, headers). */
export function parseScalar(shape: Shape, text: string): unknown {
  switch (shape.type) {
    case 'string':
      return text;
    case 'integer':
    case 'long': {
      const n = Number(text);
      if (!Number.isInteger(n) || text.trim() === '') throw new SerdeError(`Invalid integer value: ${text}`);
      return n;
    }
    case 'double':
    case 'float': {
      const n = Number(text);
      if (Number.isNaN(n) || text.trim() === '') throw new SerdeError(`Invalid number value: ${text}`);
      return n;
    }
    case 'boolean':
      if (text !== 'true' && text !== 'false') throw new SerdeError(`Invalid boolean value: ${text}`);
      return text === 'true';
    case 'timestamp':
      return parseTimestamp(text);
    case 'blob':
      return Buffer.from(text, 'base64');
    default:
      throw new SerdeError(`Cannot read a ${shape.type} from text`);
  }
}

/** A scalar written as text (XML, headers); undefined for a value that is not a scalar. */
export function scalarText(shape: Shape, ref: ShapeRef | undefined, value: unknown, defaultTimestamp: string): string {
  switch (shape.type) {
    case 'timestamp':
      return String(formatTimestamp(value, ref?.timestampFormat ?? shape.timestampFormat ?? defaultTimestamp));
    case 'blob':
      return Buffer.isBuffer(value) ? value.toString('base64') : Buffer.from(String(value)).toString('base64');
    default:
      return String(value);
  }
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#xD;', '\n': '&#xA;' };
const XML_SPECIAL = /[&<>"'\r\n]/;
const XML_SPECIAL_ALL = /[&<>"'\r\n]/g;

export function escapeXml(text: string): string {
  return XML_SPECIAL.test(text) ? text.replace(XML_SPECIAL_ALL, (c) => XML_ESCAPES[c]) : text;
}

/** The modeled exception shape for a code, whether the service used the shape name or the wire code. */
export function errorShape(model: ServiceModel, code: string): { name: string; shape: Shape } | undefined {
  let index = errorIndexes.get(model);
  if (!index) {
    index = new Map();
    for (const [name, shape] of Object.entries(model.shapes)) {
      if (!shape.exception) continue;
      index.set(name, { name, shape });
      if (shape.error?.code) index.set(shape.error.code, { name, shape });
    }
    errorIndexes.set(model, index);
  }
  return index.get(code);
}
const errorIndexes = new WeakMap<ServiceModel, Map<string, { name: string; shape: Shape }>>();

/** Code and status as the wire carries them: the model's `error.code`/`httpStatusCode` unless the service chose a status. */
export function wireError(model: ServiceModel, error: AwsError): { code: string; status: number; shape?: Shape } {
  const modeled = errorShape(model, error.code);
  const code = modeled?.shape.error?.code ?? error.code;
  const status = error.explicitStatus ? error.status : (modeled?.shape.error?.httpStatusCode ?? error.status);
  return { code, status, shape: modeled?.shape };
}

/** Name the error shape gives its message member ('Message' or 'message'). */
export function messageMember(shape: Shape | undefined, fallback: string): string {
  if (shape?.members?.Message) return 'Message';
  if (shape?.members?.message) return 'message';
  return fallback;
}
