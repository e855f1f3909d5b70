// awsQuery (IAM, STS): form-encoded `Action=...&Member.member.N=...` in, XML out. The EC2
// dialect (ec2.ts) reuses the same reader and writer with its own naming rules.
import { AwsError } from '../errors.js';
import type { ModelOperation, ServiceModel, Shape, ShapeRef } from '../types.js';
import {
  escapeXml,
  parseScalar,
  scalarText,
  wireError,
  type ProtocolCodec,
  type WireRequest,
  type WireResponse,
} from './common.js';

interface ParamNode {
  value?: string;
  children?: Map<string, ParamNode>;
}

/** How a query dialect names parameters and list items. */
export interface QueryDialect {
  /** Parameter name of a structure member. */
  paramName(ref: ShapeRef, memberName: string): string;
  /** Whether lists are always `Name.N` (EC2) rather than `Name.member.N`. */
  flatLists: boolean;
  /** Element name of list items that name none. */
  listItem: string;
}

const params = new WeakMap<WireRequest, URLSearchParams>();

/** Query string and form body together, parsed once per request. */
export function queryParams(request: WireRequest): URLSearchParams {
  let merged = params.get(request);
  if (!merged) {
    merged = new URLSearchParams(request.query);
    if (request.body.length > 0) for (const [key, value] of new URLSearchParams(request.body.toString('utf8'))) merged.append(key, value);
    params.set(request, merged);
  }
  return merged;
}

function paramTree(search: URLSearchParams): ParamNode {
  const root: ParamNode = {};
  for (const [key, value] of search) {
    let node = root;
    for (const part of key.split('.')) {
      node.children ??= new Map();
      let child = node.children.get(part);
      if (!child) node.children.set(part, (child = {}));
      node = child;
    }
    node.value = value;
  }
  return root;
}

/** Children named 1, 2, 3... in numeric order. */
function numbered(node: ParamNode | undefined): ParamNode[] {
  if (!node?.children) return [];
  return [...node.children.entries()]
    .filter(([key]) => /^\d+$/.test(key))
    .sort((a, b) => Number(a[0]) - Number(b[0]))
    .map(([, child]) => child);
}

export class QueryReader {
  constructor(
    private readonly model: ServiceModel,
    private readonly dialect: QueryDialect,
  ) {}

  structure(shape: Shape, node: ParamNode): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [memberName, ref] of Object.entries(shape.members ?? {})) {
      const child = node.children?.get(this.dialect.paramName(ref, memberName));
      if (child) {
        const value = this.value(ref, child);
        if (value !== undefined) out[memberName] = value;
      }
    }
    return out;
  }

  private value(ref: ShapeRef, node: ParamNode): unknown {
    const shape = this.model.shapes[ref.shape];
    switch (shape.type) {
      case 'structure':
        return this.structure(shape, node);
      case 'list': {
        const member = shape.member!;
        const flattened = this.dialect.flatLists || ref.flattened || shape.flattened;
        // `Name=` with no items is how query protocols send an empty list.
        if (!node.children && node.value === '') return [];
        const items = flattened ? numbered(node) : numbered(node.children?.get(member.locationName ?? 'member'));
        return items.map((item) => this.value(member, item));
      }
      case 'map': {
        const entries = ref.flattened || shape.flattened ? numbered(node) : numbered(node.children?.get('entry'));
        const out: Record<string, unknown> = {};
        for (const entry of entries) {
          const key = entry.children?.get(shape.key?.locationName ?? 'key')?.value;
          const value = entry.children?.get(shape.value?.locationName ?? 'value');
          if (key !== undefined && value) out[key] = this.value(shape.value!, value);
        }
        return out;
      }
      default:
        return node.value === undefined ? undefined : parseScalar(shape, node.value);
    }
  }

  input(operation: ModelOperation, search: URLSearchParams): Record<string, unknown> {
    if (!operation.input) return {};
    return this.structure(this.model.shapes[operation.input.shape], paramTree(search));
  }
}

// A structure's members as [name, ref, element name], worked out once per shape: every response walks them.
const memberLists = new WeakMap<Shape, [string, ShapeRef, string][]>();

function memberList(shape: Shape): [string, ShapeRef, string][] {
  let list = memberLists.get(shape);
  if (!list) {
    list = Object.entries(shape.members ?? {}).map(([memberName, ref]) => [memberName, ref, ref.locationName ?? memberName]);
    memberLists.set(shape, list);
  }
  return list;
}

export class XmlWriter {
  readonly out: string[] = [];

  constructor(
    private readonly model: ServiceModel,
    private readonly dialect: QueryDialect,
  ) {}

  members(shape: Shape, value: Record<string, unknown>): void {
    for (const [memberName, ref, element] of memberList(shape)) {
      const member = value[memberName];
      if (member !== undefined && member !== null) this.value(ref, element, member);
    }
  }

  value(ref: ShapeRef, name: string, value: unknown): void {
    const shape = this.model.shapes[ref.shape];
    const out = this.out;
    switch (shape.type) {
      case 'structure':
        if (typeof value !== 'object') return;
        out.push(`<${name}>`);
        this.members(shape, value as Record<string, unknown>);
        out.push(`</${name}>`);
        return;
      case 'list': {
        if (!Array.isArray(value)) return;
        const member = shape.member!;
        if (ref.flattened || shape.flattened) {
          for (const item of value) this.value(member, member.locationName ?? name, item);
          return;
        }
        out.push(`<${name}>`);
        for (const item of value) this.value(member, member.locationName ?? this.dialect.listItem, item);
        out.push(`</${name}>`);
        return;
      }
      case 'map': {
        if (typeof value !== 'object') return;
        const flattened = ref.flattened || shape.flattened;
        const keyName = shape.key?.locationName ?? 'key';
        const valueName = shape.value?.locationName ?? 'value';
        if (!flattened) out.push(`<${name}>`);
        for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
          out.push(flattened ? `<${name}>` : '<entry>', `<${keyName}>${escapeXml(key)}</${keyName}>`);
          this.value(shape.value!, valueName, entry);
          out.push(flattened ? `</${name}>` : '</entry>');
        }
        if (!flattened) out.push(`</${name}>`);
        return;
      }
      default:
        out.push(`<${name}>${escapeXml(scalarText(shape, ref, value, 'iso8601'))}</${name}>`);
    }
  }

  /** Extra members of an error shape (`fields`), or plain text when the shape does not model them. */
  fields(shape: Shape | undefined, fields: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(fields)) {
      if (value === undefined || value === null) continue;
      const ref = shape?.members?.[key];
      if (ref) this.value(ref, ref.locationName ?? key, value);
      else this.out.push(`<${key}>${escapeXml(String(value))}</${key}>`);
    }
  }
}

const QUERY_DIALECT: QueryDialect = {
  paramName: (ref, memberName) => ref.locationName ?? memberName,
  flatLists: false,
  listItem: 'member',
};

function xmlResponse(status: number, body: string, requestId: string): WireResponse {
  return { status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body };
}

export const queryCodec: ProtocolCodec = {
  resolve(model, request) {
    const action = queryParams(request).get('Action');
    const operation = action ? model.operations[action] : undefined;
    return operation ? { operation } : undefined;
  },
  requestedName: (request) => queryParams(request).get('Action') ?? '',
  unknownOperation(request) {
    const action = queryParams(request).get('Action');
    return action
      ? new AwsError('InvalidAction', `Could not find operation ${action} for version ${queryParams(request).get('Version') ?? 'NO_VERSION_SPECIFIED'}`)
      : new AwsError('MissingAction', 'Missing Action');
  },
  parseInput(model, { operation }, request) {
    return new QueryReader(model, QUERY_DIALECT).input(operation, queryParams(request));
  },
  serializeOutput(model, operation, output, requestId) {
    const writer = new XmlWriter(model, QUERY_DIALECT);
    const name = operation.name;
    writer.out.push(`<${name}Response xmlns="${model.metadata.xmlNamespace}">`);
    if (operation.output) {
      const wrapper = operation.output.resultWrapper ?? `${name}Result`;
      writer.out.push(`<${wrapper}>`);
      if (output && typeof output === 'object') writer.members(model.shapes[operation.output.shape], output as Record<string, unknown>);
      writer.out.push(`</${wrapper}>`);
    }
    writer.out.push(`<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${name}Response>`);
    return xmlResponse(200, writer.out.join(''), requestId);
  },
  serializeError(model, error, requestId) {
    const { code, status, shape } = wireError(model, error);
    const writer = new XmlWriter(model, QUERY_DIALECT);
    writer.out.push(
      `<ErrorResponse xmlns="${model.metadata.xmlNamespace}"><Error><Type>${error.sender ? 'Sender' : 'Receiver'}</Type>`,
      `<Code>${escapeXml(code)}</Code><Message>${escapeXml(error.message)}</Message>`,
    );
    writer.fields(shape, error.fields);
    writer.out.push(`</Error><RequestId>${requestId}</RequestId></ErrorResponse>`);
    return xmlResponse(status, writer.out.join(''), requestId);
  },
};
