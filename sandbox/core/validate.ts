// Required members, checked from the model before any handler runs (the only such check), so a
// handler never sees a missing required value; the error is AWS's, or the service's own.
import { AwsError } from './errors.js';
import type { ServiceDefinition, ServiceModel, ShapeRef } from './types.js';

const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

function missingMembers(model: ServiceModel, ref: ShapeRef, value: unknown, path: string, out: string[]): void {
  if (value === undefined || value === null) return;
  const shape = model.shapes[ref.shape];
  if (shape.type === 'structure') {
    const object = value as Record<string, unknown>;
    for (const name of shape.required ?? []) {
      if (object[name] === undefined || object[name] === null) out.push(`${path}${lowerFirst(name)}`);
    }
    for (const [name, member] of Object.entries(shape.members ?? {})) missingMembers(model, member, object[name], `${path}${lowerFirst(name)}.`, out);
  } else if (shape.type === 'list' && Array.isArray(value)) {
    value.forEach((item, i) => missingMembers(model, shape.member!, item, `${path}${i + 1}.member.`, out));
  } else if (shape.type === 'map' && typeof value === 'object') {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) missingMembers(model, shape.value!, item, `${path}${key}.`, out);
  }
}

/** Throws the service's validation error (`ServiceDefinition.validationError`) when a required member is absent. */
export function checkRequired(service: ServiceDefinition, operation: string, input: Record<string, unknown>): void {
  const ref = service.model.operations[operation]?.input;
  if (!ref) return;
  const missing: string[] = [];
  missingMembers(service.model, ref, input, '', missing);
  if (missing.length === 0) return;
  const message =
    `${missing.length} validation error${missing.length > 1 ? 's' : ''} detected: ` +
    missing.map((path) => `Value null at '${path}' failed to satisfy constraint: Member must not be null`).join('; ');
  throw service.validationError?.(message, missing) ?? defaultValidationError(service.model, message);
}

function defaultValidationError(model: ServiceModel, message: string): AwsError {
  return model.metadata.protocol === 'query' ? new AwsError('ValidationError', message) : new AwsError('ValidationException', message);
}
