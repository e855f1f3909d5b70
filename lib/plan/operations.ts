// Every AWS operation a plan may contain, gathered from the service folders that declare them.
import { iamOperations } from '../iam/operations';
import { organizationsOperations } from '../organizations/operations';
import { ramOperations } from '../ram/operations';
import type { OperationSpec } from './operation-spec';

const operations: Record<string, OperationSpec> = { ...ramOperations, ...iamOperations, ...organizationsOperations };

export function operationSpec(operation: string): OperationSpec {
  const spec = operations[operation];
  if (!spec) throw new Error(`No plan operation ${operation}`);
  return spec;
}

export function isPlanOperation(operation: string): boolean {
  return operation in operations;
}
