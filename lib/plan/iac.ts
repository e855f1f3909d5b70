// The CloudFormation (YAML) and Terraform (HCL) equivalents of a plan: one template per account and Region.
// A value that comes from a step in another template becomes a parameter (CloudFormation) or a variable
// (Terraform), so each template deploys on its own.
import { stringify } from 'yaml';
import { isStepOutputRef } from './build';
import { profileFor } from './cli';
import { isUnsupported, type CloudFormationPart, type HclExpression, type IacContext, type TerraformPart, type Unsupported } from './operation-spec';
import { operationSpec } from './catalog';
import type { PlanStep, StepOutputRef } from './types';

export interface IacDocument {
  accountId: string;
  region: string;
  /** Undefined when nothing in this account and Region can be expressed in the language. */
  text?: string;
  /** Steps the language cannot express, and why. */
  notes: string[];
}

interface Group {
  accountId: string;
  region: string;
  steps: { step: PlanStep; index: number }[];
}

function groups(steps: PlanStep[]): Group[] {
  const out: Group[] = [];
  steps.forEach((step, index) => {
    let group = out.find((g) => g.accountId === step.accountId && g.region === step.region);
    if (!group) out.push((group = { accountId: step.accountId, region: step.region, steps: [] }));
    group.steps.push({ step, index });
  });
  return out;
}

const pascal = (s: string) => s.replace(/(^|[^A-Za-z0-9])([a-z0-9])/g, (_, _sep, c: string) => c.toUpperCase()).replace(/[^A-Za-z0-9]/g, '');
const snake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9]+/g, '_').toLowerCase();

/** Maps every value in `input` through `leaf` where it is a reference. */
function mapRefs(value: unknown, leaf: (ref: StepOutputRef) => unknown): unknown {
  if (isStepOutputRef(value)) return leaf(value);
  if (Array.isArray(value)) return value.map((v) => mapRefs(v, leaf));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapRefs(v, leaf)]));
  return value;
}

/**
 * Walks one template's steps: each step's part in the language, with references resolved to what an earlier
 * step in the same template exported, or else to a template input (a parameter or variable) that `input` declares.
 */
function walk<Part extends { exports?: Record<string, Expression> }, Expression>(
  group: Group,
  steps: PlanStep[],
  render: (ctx: IacContext) => Part | Unsupported,
  language: { wrap: (expression: Expression) => unknown; input: (ref: StepOutputRef, description: string) => unknown; producers?: Map<number, string> },
): { parts: { part: Part; index: number }[]; notes: string[] } {
  const exported = new Map<number, Record<string, Expression>>();
  const parts: { part: Part; index: number }[] = [];
  const notes: string[] = [];
  for (const { step, index } of group.steps) {
    const part = render({
      step,
      number: index + 1,
      resolve: (value) =>
        mapRefs(value, (ref) => {
          const expression = exported.get(ref.$ref.step)?.[ref.$ref.path];
          if (expression !== undefined) return language.wrap(expression);
          return language.input(ref, `${ref.$ref.path} returned by step ${ref.$ref.step + 1} (${steps[ref.$ref.step].operation})`);
        }),
      producerOf: (value) => (isStepOutputRef(value) ? language.producers?.get(value.$ref.step) : undefined),
    });
    if (isUnsupported(part)) {
      notes.push(`Step ${index + 1} (${step.operation}): ${part.unsupported}`);
      continue;
    }
    if (part.exports) exported.set(index, part.exports);
    parts.push({ part, index });
  }
  return { parts, notes };
}

const lastSegment = (ref: StepOutputRef) => ref.$ref.path.split('.').pop()!;

export function renderCloudFormation(steps: PlanStep[], options: { planId: string; title: string }): IacDocument[] {
  return groups(steps).map((group) => {
    const resources: Record<string, { Type: string; Properties: Record<string, unknown> }> = {};
    const parameters: Record<string, { Type: string; Description: string }> = {};
    const producers = new Map<number, string>();
    const { notes } = walk<CloudFormationPart, unknown>(
      group,
      steps,
      (ctx) => {
        const part = operationSpec(ctx.step.operation).cloudFormation(ctx);
        if (isUnsupported(part)) return part;
        // Applied as each step is rendered: a later step may merge into a resource this one made.
        Object.assign(resources, part.resources);
        const made = Object.keys(part.resources)[0];
        if (made) producers.set(ctx.number - 1, made);
        if (part.merge) {
          const target = resources[part.merge.logicalId].Properties;
          for (const [property, values] of Object.entries(part.merge.append)) target[property] = [...((target[property] as unknown[]) ?? []), ...values];
        }
        return part;
      },
      {
        wrap: (expression) => expression,
        input: (ref, description) => {
          const name = `Step${ref.$ref.step + 1}${pascal(lastSegment(ref))}`;
          parameters[name] = { Type: 'String', Description: description };
          return { Ref: name };
        },
        producers,
      },
    );
    if (Object.keys(resources).length === 0) return { accountId: group.accountId, region: group.region, notes };
    const template = {
      AWSTemplateFormatVersion: '2010-09-09',
      Description: `Crossing plan ${options.planId}: ${options.title}`,
      ...(Object.keys(parameters).length ? { Parameters: parameters } : {}),
      Resources: resources,
    };
    const header =
      `# Account ${group.accountId}, Region ${group.region}. Deploy with:\n` +
      `#   aws cloudformation deploy --template-file crossing-${options.planId}-${group.accountId}-${group.region}.yaml ` +
      `--stack-name crossing-${options.planId} --region ${group.region} --profile ${profileFor(group.accountId)}` +
      (Object.values(resources).some((r) => r.Type.startsWith('AWS::IAM::')) ? ' --capabilities CAPABILITY_NAMED_IAM' : '') +
      '\n';
    return { accountId: group.accountId, region: group.region, text: header + stringify(template, { lineWidth: 0 }), notes };
  });
}

function hclString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\$\{/g, () => '$${').replace(/%\{/g, '%%{')}"`;
}

const isHcl = (value: unknown): value is HclExpression => !!value && typeof value === 'object' && '$hcl' in value;

function hclValue(value: unknown, indent: string): string {
  if (isHcl(value)) return value.$hcl;
  if (typeof value === 'string') return hclString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => hclValue(v, indent)).join(', ')}]`;
  if (value && typeof value === 'object') {
    const inner = `${indent}  `;
    const entries = Object.entries(value).map(([k, v]) => `${inner}${hclString(k)} = ${hclValue(v, inner)}`);
    return entries.length ? `{\n${entries.join('\n')}\n${indent}}` : '{}';
  }
  return 'null';
}

function hclBlock(head: string, attributes: Record<string, unknown>): string {
  const width = Math.max(0, ...Object.keys(attributes).map((k) => k.length));
  const body = Object.entries(attributes)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `  ${k.padEnd(width)} = ${hclValue(v, '  ')}`);
  return body.length ? `${head} {\n${body.join('\n')}\n}` : `${head} {}`;
}

export function renderTerraform(steps: PlanStep[], options: { planId: string }): IacDocument[] {
  return groups(steps).map((group) => {
    const variables: Record<string, string> = {};
    const { parts, notes } = walk<TerraformPart, string>(group, steps, (ctx) => operationSpec(ctx.step.operation).terraform(ctx), {
      wrap: (expression) => ({ $hcl: expression }),
      input: (ref, description) => {
        const name = `step${ref.$ref.step + 1}_${snake(lastSegment(ref))}`;
        variables[name] = description;
        return { $hcl: `var.${name}` };
      },
    });
    const blocks = parts.flatMap(({ part }) => part.blocks);
    if (blocks.length === 0) return { accountId: group.accountId, region: group.region, notes };
    const text = [
      `# Account ${group.accountId}, Region ${group.region} (Crossing plan ${options.planId}).`,
      'terraform {\n  required_providers {\n    aws = {\n      source = "hashicorp/aws"\n    }\n  }\n}',
      hclBlock('provider "aws"', { region: group.region, profile: profileFor(group.accountId) }),
      ...Object.entries(variables).map(([name, description]) => hclBlock(`variable ${hclString(name)}`, { type: { $hcl: 'string' }, description })),
      ...blocks.map((b) => hclBlock(`resource ${hclString(b.type)} ${hclString(b.name)}`, b.attributes)),
    ].join('\n\n');
    return { accountId: group.accountId, region: group.region, text: `${text}\n`, notes };
  });
}
