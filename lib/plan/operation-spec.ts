// What the plan engine knows about one AWS operation: the SDK client and command that run it, the member
// that makes it idempotent, how to wait for what it starts, how to tell after a crash whether it took effect,
// and its CloudFormation and Terraform forms. Each service's folder in lib/ declares its own operations.
import type { ClientClass } from '../aws/clients';
import type { PlanStep, SettledState } from './types';

// SDK clients and commands are generic over their own input and output types; the engine only passes data.
/* eslint-disable @typescript-eslint/no-explicit-any */
export type AnyClient = { send(command: any, options?: any): Promise<any> };
export type AnyCommand = new (input: any) => any;

/** A Terraform attribute value written as an HCL expression, not a string: aws_ram_resource_share.step1.arn. */
export interface HclExpression {
  $hcl: string;
}

export const hcl = (expression: string): HclExpression => ({ $hcl: expression });

/** A nested block (`resource_share_configuration { … }`) among a Terraform block's attributes, not an object value. */
export const hclNestedBlock = (attributes: Record<string, unknown>) => ({ $block: attributes });
export const isNestedBlock = (value: unknown): value is { $block: Record<string, unknown> } => !!value && typeof value === 'object' && '$block' in value;

/** Resolves a step's input for IaC: references become expressions where the template can express them. */
export type IacResolver = (value: unknown) => unknown;

export interface CloudFormationPart {
  resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
  /** What later steps may refer to: output path → expression ('resourceShare.resourceShareArn' → { Ref }). */
  exports?: Record<string, unknown>;
  /** Instead of new resources: properties to merge into a resource made earlier in the same template. */
  merge?: { logicalId: string; append: Record<string, unknown[]> };
}

export interface TerraformBlock {
  type: string;
  name: string;
  attributes: Record<string, unknown>;
}

export interface TerraformPart {
  blocks: TerraformBlock[];
  exports?: Record<string, string>;
}

export type Unsupported = { unsupported: string };

export interface IacContext {
  step: PlanStep;
  /** 1-based step number, for names: ResourceShare1, step1. */
  number: number;
  resolve: IacResolver;
  /** For merges: the logical ID that made the value a reference points at, if it is in this template. */
  producerOf: (value: unknown) => string | undefined;
}

export interface OperationSpec {
  client: ClientClass<AnyClient>;
  command: AnyCommand;
  /** The input member AWS uses for idempotency; the engine fills it from the plan and step. */
  clientToken?: string;
  /** Errors that mean "already as asked", so a resumed step counts as done (e.g. an invitation already accepted). */
  alreadyDone?: (code: string) => boolean;
  /** Waits for what the call started (RAM associations) within `boundMs`. */
  settle?: (client: AnyClient, input: Record<string, unknown>, output: any, boundMs: number) => Promise<SettledState>;
  /** After a crash: whether the step's change is in AWS, and the output later steps need if it is. */
  check?: (client: AnyClient, input: Record<string, unknown>) => Promise<{ inPlace: boolean; output?: unknown }>;
  cloudFormation: (ctx: IacContext) => CloudFormationPart | Unsupported;
  terraform: (ctx: IacContext) => TerraformPart | Unsupported;
}

export function isUnsupported(part: object): part is Unsupported {
  return 'unsupported' in part;
}
