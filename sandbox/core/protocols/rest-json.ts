// restJson1 (RAM): the operation is the method plus the `requestUri` template; members live in
// the URI, the query string, headers or the JSON body; errors carry `x-amzn-ErrorType`.
import { AwsError } from '../errors.js';
import type { ModelOperation, ServiceModel, Shape } from '../types.js';
import { formatTimestamp, parseScalar, scalarText, wireError, type ProtocolCodec, type WireRequest } from './common.js';
import { jsonErrorBody, parseJsonBody, readJson, readJsonMembers, writeJson, writeJsonMembers } from './json.js';

interface Route {
  operation: ModelOperation;
  method: string;
  /** Path segments: literal text, or a label `{name}` / greedy `{name+}`. */
  segments: { literal?: string; label?: string; greedy?: boolean }[];
  /** Literal query parameters of the template (`/path?type=x`). */
  query: [string, string][];
  literals: number;
}

const routeTables = new WeakMap<ServiceModel, Route[]>();

function routes(model: ServiceModel): Route[] {
  let table = routeTables.get(model);
  if (table) return table;
  table = Object.values(model.operations).map((operation) => {
    const [path, search = ''] = operation.http.requestUri.split('?');
    const segments = path
      .split('/')
      .filter(Boolean)
      .map((part) => {
        const label = /^\{(.+?)(\+)?\}$/.exec(part);
        return label ? { label: label[1], greedy: Boolean(label[2]) } : { literal: part };
      });
    const query = [...new URLSearchParams(search)];
    return { operation, method: operation.http.method, segments, query, literals: segments.filter((s) => s.literal).length + query.length };
  });
  // Most literal parts first, so `/shares/{id}` never shadows `/shares/search`.
  table.sort((a, b) => b.literals - a.literals);
  routeTables.set(model, table);
  return table;
}

function match(route: Route, parts: string[], request: WireRequest): Record<string, string> | undefined {
  if (route.method !== request.method) return undefined;
  const labels: Record<string, string> = {};
  let index = 0;
  for (const segment of route.segments) {
    if (segment.greedy) {
      if (index >= parts.length) return undefined;
      labels[segment.label!] = parts.slice(index).join('/');
      index = parts.length;
      continue;
    }
    const part = parts[index++];
    if (part === undefined) return undefined;
    if (segment.literal !== undefined && segment.literal !== part) return undefined;
    if (segment.label) labels[segment.label] = part;
  }
  if (index !== parts.length) return undefined;
  for (const [key, value] of route.query) {
    if (value === '' ? !request.query.has(key) : request.query.get(key) !== value) return undefined;
  }
  return labels;
}

function pathParts(path: string): string[] {
  return path.split('/').filter(Boolean).map((part) => decodeURIComponent(part));
}

function readLocated(model: ServiceModel, shape: Shape, labels: Record<string, string>, request: WireRequest): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [memberName, ref] of Object.entries(shape.members ?? {})) {
    const member = model.shapes[ref.shape];
    const name = ref.locationName ?? memberName;
    switch (ref.location) {
      case 'uri':
        if (labels[name] !== undefined) out[memberName] = parseScalar(member, labels[name]);
        break;
      case 'querystring':
        if (member.type === 'list') {
          const values = request.query.getAll(name);
          if (values.length > 0) out[memberName] = values.map((value) => parseScalar(model.shapes[member.member!.shape], value));
        } else if (member.type === 'map') {
          const map: Record<string, string> = {};
          for (const [key, value] of request.query) map[key] = value;
          out[memberName] = map;
        } else if (request.query.has(name)) {
          out[memberName] = parseScalar(member, request.query.get(name)!);
        }
        break;
      case 'header': {
        const value = request.headers[name.toLowerCase()];
        if (value !== undefined) out[memberName] = parseScalar(member, value);
        break;
      }
      case 'headers': {
        const prefix = name.toLowerCase();
        const map: Record<string, string> = {};
        for (const [key, value] of Object.entries(request.headers)) if (key.startsWith(prefix) && value !== undefined) map[key.slice(prefix.length)] = value;
        out[memberName] = map;
        break;
      }
    }
  }
  return out;
}

export const restJsonCodec: ProtocolCodec = {
  resolve(model, request) {
    const parts = pathParts(request.path);
    for (const route of routes(model)) {
      const labels = match(route, parts, request);
      if (labels) return { operation: route.operation, labels };
    }
    return undefined;
  },
  requestedName: (request) => `${request.method} ${request.path}`,
  unknownOperation(request) {
    return new AwsError('UnknownOperationException', `No operation matches ${request.method} ${request.path}.`, { status: 404 });
  },
  parseInput(model, { operation, labels = {} }, request) {
    if (!operation.input) return {};
    const shape = model.shapes[operation.input.shape];
    const located = readLocated(model, shape, labels, request);
    const payload = shape.payload as string | undefined;
    if (payload) {
      const ref = shape.members![payload];
      const body = request.body.length > 0 ? readJson(model, ref, parseJsonBody(request.body)) : undefined;
      return body === undefined ? located : { ...located, [payload]: body };
    }
    return { ...readJsonMembers(model, shape, parseJsonBody(request.body)), ...located };
  },
  serializeOutput(model, operation, output, requestId) {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-amzn-requestid': requestId };
    let status = operation.http.responseCode ?? 200;
    let body: unknown = {};
    if (operation.output && output && typeof output === 'object') {
      const shape = model.shapes[operation.output.shape];
      const data = output as Record<string, unknown>;
      for (const [memberName, ref] of Object.entries(shape.members ?? {})) {
        const value = data[memberName];
        if (value === undefined || value === null) continue;
        if (ref.location === 'header') {
          const member = model.shapes[ref.shape];
          headers[(ref.locationName ?? memberName).toLowerCase()] =
            member.type === 'timestamp' ? String(formatTimestamp(value, ref.timestampFormat ?? 'rfc822')) : scalarText(member, ref, value, 'rfc822');
        } else if (ref.location === 'headers') {
          for (const [key, item] of Object.entries(value as Record<string, unknown>)) headers[`${ref.locationName ?? ''}${key}`.toLowerCase()] = String(item);
        } else if (ref.location === 'statusCode') {
          status = Number(value);
        }
      }
      const payload = shape.payload as string | undefined;
      body = payload ? (writeJson(model, shape.members![payload], data[payload]) ?? {}) : writeJsonMembers(model, shape, data);
    }
    return { status, headers, body: JSON.stringify(body) };
  },
  serializeError(model, error, requestId) {
    const { code, status, shape } = wireError(model, error);
    return {
      status,
      headers: { 'content-type': 'application/json', 'x-amzn-errortype': code, 'x-amzn-requestid': requestId },
      body: JSON.stringify(jsonErrorBody(model, shape, error)),
    };
  },
};
