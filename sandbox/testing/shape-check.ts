// Shape checking for tests: every output the sandbox serializes is checked against the FULL
// botocore model of its service (the extracted EC2 model is a subset), so a handler returning an
// unknown member, a wrong type, a missing required member or an unknown enum value fails the test.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { ResponseEvent } from '../core/runtime.js';
import type { ServiceModel, ShapeRef } from '../core/types.js';

let botocoreData: string | null | undefined;

/** botocore's data folder, or null when Python or botocore is missing. Looked up once per process. */
export function botocoreDataDir(): string | null {
  if (botocoreData === undefined) {
    try {
      const dir = execFileSync('python3', ['-c', 'import botocore,os;print(os.path.dirname(botocore.__file__))'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
      botocoreData = existsSync(path.join(dir, 'data')) ? path.join(dir, 'data') : null;
    } catch {
      botocoreData = null;
    }
  }
  return botocoreData;
}

const fullModels = new Map<string, ServiceModel>();

function fullModel(model: ServiceModel): ServiceModel | undefined {
  const data = botocoreDataDir();
  if (!data) return undefined;
  const name = model.metadata.endpointPrefix;
  let full = fullModels.get(name);
  if (!full) {
    const dir = path.join(data, name);
    if (!existsSync(dir)) return undefined;
    const versions = readdirSync(dir).filter((version) => existsSync(path.join(dir, version, 'service-2.json.gz'))).sort();
    full = JSON.parse(gunzipSync(readFileSync(path.join(dir, versions[versions.length - 1], 'service-2.json.gz'))).toString('utf8')) as ServiceModel;
    fullModels.set(name, full);
  }
  return full;
}

const MAX_VIOLATIONS = 50;

export class ShapeChecker {
  readonly violations: string[] = [];

  observe = (event: ResponseEvent): void => {
    const model = fullModel(event.service.model);
    const outputRef = model?.operations[event.operation]?.output;
    if (!model || !outputRef || this.violations.length >= MAX_VIOLATIONS) return;
    const problems: string[] = [];
    check(model, { shape: outputRef.shape }, event.output ?? {}, '', problems);
    for (const problem of problems) this.violations.push(`${event.service.name} ${event.operation}: ${problem}`);
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) && !Buffer.isBuffer(value);
}

function check(model: ServiceModel, ref: ShapeRef, value: unknown, at: string, problems: string[]): void {
  const shape = model.shapes[ref.shape];
  const where = at || '(output)';
  const expect = (ok: boolean, what: string) => {
    if (!ok) problems.push(`${where}: expected ${what} (${ref.shape}), got ${describe(value)}`);
    return ok;
  };
  switch (shape.type) {
    case 'structure': {
      if (!expect(isPlainObject(value), 'an object')) return;
      const object = value as Record<string, unknown>;
      for (const [key, member] of Object.entries(object)) {
        if (member === undefined || member === null) continue;
        const memberRef = shape.members?.[key];
        if (!memberRef) problems.push(`${at ? `${at}.` : ''}${key}: not a member of ${ref.shape}`);
        else check(model, memberRef, member, at ? `${at}.${key}` : key, problems);
      }
      for (const required of shape.required ?? []) {
        if (object[required] === undefined || object[required] === null) problems.push(`${at ? `${at}.` : ''}${required}: required member of ${ref.shape} is missing`);
      }
      return;
    }
    case 'list':
      if (expect(Array.isArray(value), 'a list')) (value as unknown[]).forEach((item, i) => check(model, shape.member!, item, `${at}[${i}]`, problems));
      return;
    case 'map':
      if (expect(isPlainObject(value), 'a map (plain object)')) {
        for (const [key, item] of Object.entries(value as Record<string, unknown>)) check(model, shape.value!, item, `${at}[${JSON.stringify(key)}]`, problems);
      }
      return;
    case 'string':
      if (expect(typeof value === 'string', 'a string') && shape.enum && !shape.enum.includes(value as string)) {
        problems.push(`${where}: ${JSON.stringify(value)} is not one of ${ref.shape}'s values ${shape.enum.join(', ')}`);
      }
      return;
    case 'integer':
    case 'long':
      expect(Number.isInteger(value), 'an integer');
      return;
    case 'double':
    case 'float':
      expect(typeof value === 'number', 'a number');
      return;
    case 'boolean':
      expect(typeof value === 'boolean', 'a boolean');
      return;
    case 'timestamp':
      expect(value instanceof Date && !Number.isNaN(value.getTime()), 'a Date');
      return;
    case 'blob':
      expect(Buffer.isBuffer(value) || value instanceof Uint8Array || typeof value === 'string', 'a Buffer');
      return;
  }
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a Date';
  if (Buffer.isBuffer(value)) return 'a Buffer';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}
