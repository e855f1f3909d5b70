// The input constraints awsQuery services (IAM, STS) check before anything else, read from the botocore
// model: required members, lengths, ranges, patterns, enums. AWS reports them all at once as
// `ValidationError` "N validation error(s) detected: Value 'x' at 'memberName' failed to satisfy constraint: ...".
import { AwsError } from '../core/errors.js';
import type { OperationSpec, ServiceModel, Shape, ShapeRef } from '../core/types.js';

const patterns = new Map<string, RegExp | null>();

/** botocore patterns are Java regexes matched against the whole value. */
function patternOf(source: string): RegExp | null {
  let regex = patterns.get(source);
  if (regex === undefined) {
    try {
      regex = new RegExp(`^(?:${source})$`, 'u');
    } catch {
      regex = null;
    }
    patterns.set(source, regex);
  }
  return regex;
}

function camel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function quoted(value: unknown): string {
  return value === undefined || value === null ? 'null' : `'${String(value)}'`;
}

function check(model: ServiceModel, shape: Shape, value: unknown, path: string, problems: string[]): void {
  const fail = (constraint: string) =>
    problems.push(`Value ${quoted(value)} at '${path}' failed to satisfy constraint: Member must ${constraint}`);
  switch (shape.type) {
    case 'structure': {
      const object = value as Record<string, unknown>;
      for (const name of shape.required ?? []) {
        if (object[name] === undefined) {
          problems.push(`Value null at '${path ? `${path}.` : ''}${camel(name)}' failed to satisfy constraint: Member must not be null`);
        }
      }
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        if (object[name] !== undefined) checkRef(model, ref, object[name], `${path ? `${path}.` : ''}${camel(name)}`, problems);
      }
      return;
    }
    case 'list': {
      const items = value as unknown[];
      if (shape.min !== undefined && items.length < shape.min) fail(`have length greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && items.length > shape.max) fail(`have length less than or equal to ${shape.max}`);
      items.forEach((item, i) => checkRef(model, shape.member!, item, `${path}.${i + 1}.member`, problems));
      return;
    }
    case 'string': {
      const text = String(value);
      if (shape.min !== undefined && text.length < shape.min) fail(`have length greater than or equal to ${shape.min}`);
      else if (shape.max !== undefined && text.length > shape.max) fail(`have length less than or equal to ${shape.max}`);
      else if (shape.enum && !shape.enum.includes(text)) fail(`satisfy enum value set: [${shape.enum.join(', ')}]`);
      else if (shape.pattern && text.length > 0 && patternOf(shape.pattern)?.test(text) === false) {
        fail(`satisfy regular expression pattern: ${shape.pattern}`);
      }
      return;
    }
    case 'integer':
    case 'long': {
      const n = Number(value);
      if (!Number.isFinite(n)) fail('be a number');
      else if (shape.min !== undefined && n < shape.min) fail(`have value greater than or equal to ${shape.min}`);
      else if (shape.max !== undefined && n > shape.max) fail(`have value less than or equal to ${shape.max}`);
      return;
    }
    default:
      return;
  }
}

function checkRef(model: ServiceModel, ref: ShapeRef, value: unknown, path: string, problems: string[]): void {
  check(model, model.shapes[ref.shape], value, path, problems);
}

export function validateInput(model: ServiceModel, operation: string, input: Record<string, unknown>): void {
  const shapeName = model.operations[operation]?.input?.shape;
  if (!shapeName) return;
  const problems: string[] = [];
  check(model, model.shapes[shapeName], input, '', problems);
  if (problems.length > 0) {
    const count = problems.length === 1 ? '1 validation error' : `${problems.length} validation errors`;
    throw new AwsError('ValidationError', `${count} detected: ${problems.join('; ')}`);
  }
}

/** Wraps each operation's handler so that its input is validated against the model first. */
export function withValidation(model: ServiceModel, operations: Record<string, OperationSpec>): Record<string, OperationSpec> {
  return Object.fromEntries(
    Object.entries(operations).map(([name, spec]) => [
      name,
      {
        ...spec,
        handler: (ctx, input) => {
          validateInput(model, name, input as Record<string, unknown>);
          return spec.handler(ctx, input);
        },
      } satisfies OperationSpec,
    ]),
  );
}
