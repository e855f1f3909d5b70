// The CloudFormation (YAML) and Terraform (HCL) equivalents of a plan: one template per account and Region.
// A value that comes from a step in another template becomes a parameter (CloudFormation) or a variable
// (Terraform), so each template deploys on its own. Each language's quoting is here, once: every string from
// data is a double-quoted scalar (YAML) or string literal (HCL) with its control characters escaped, so no value
// can be read as another type, an expression or more syntax.
import { stringify, type ScalarTag } from 'yaml';
import { isStepOutputRef } from './build';
import { profileFor } from './cli';
import { isNestedBlock, isUnsupported, type CloudFormationPart, type HclExpression, type IacContext, type TerraformPart, type Unsupported } from './operation-spec';
import { operationSpec } from './catalog';
import { commentText, shellComment, shellOption } from './shell';
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

/** What a quoted string may not hold raw: controls (NEL is a YAML 1.1 line break), line separators, BOM, bidi controls, lone surrogates. */
const ESCAPED = /[\p{Cc}\p{Cs}\u2028\u2029\ufeff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A double-quoted string with `"`, `\\` and ESCAPED characters written as escapes that YAML 1.1 and HCL both read. */
function doubleQuoted(value: string): string {
  let out = '"';
  for (const c of value) {
    if (c === '"' || c === '\\') out += `\\${c}`;
    else if (ESCAPED.test(c)) out += SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    else out += c;
  }
  return `${out}"`;
}

// Every string a double-quoted scalar, read the same by YAML 1.1 (CloudFormation) and 1.2: never yes/no/on/off,
// a number, a date, null, a merge key or an indicator. Only keys that are plain words in both stay bare.
const yamlString: ScalarTag = {
  tag: 'tag:yaml.org,2002:str',
  default: true,
  identify: (value) => typeof value === 'string',
  resolve: (source) => source,
  stringify: (item, ctx) => {
    const value = String(item.value);
    if (ctx.implicitKey && /^[A-Za-z][A-Za-z0-9]*$/.test(value) && !/^(?:y|n|yes|no|on|off|true|false|null)$/i.test(value)) return value;
    return doubleQuoted(value);
  },
};

export function yamlDocument(value: unknown): string {
  return stringify(value, { version: '1.1', lineWidth: 0, customTags: (tags) => [yamlString, ...tags.filter((t) => typeof t === 'string' || t.tag !== 'tag:yaml.org,2002:merge')] });
}

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
    const deploy = [
      'aws cloudformation deploy',
      shellOption('template-file', `crossing-${options.planId}-${group.accountId}-${group.region}.yaml`),
      shellOption('stack-name', `crossing-${options.planId}`),
      shellOption('region', group.region),
      shellOption('profile', profileFor(group.accountId)),
      ...(Object.values(resources).some((r) => r.Type.startsWith('AWS::IAM::')) ? ['--capabilities CAPABILITY_NAMED_IAM'] : []),
    ].join(' ');
    const header = `${shellComment(`Account ${group.accountId}, Region ${group.region}. Deploy with:`)}\n${shellComment(`  ${deploy}`)}\n`;
    return { accountId: group.accountId, region: group.region, text: header + yamlDocument(template), notes };
  });
}

/** An HCL string literal holding exactly `value`: controls escaped, and ${ and %{ doubled so they are text, not templates. */
export function hclString(value: string): string {
  return doubleQuoted(value).replace(/([$%])\{/g, '$1$1{');
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

function hclBlock(head: string, attributes: Record<string, unknown>, indent = ''): string {
  const width = Math.max(0, ...Object.keys(attributes).filter((k) => !isNestedBlock(attributes[k])).map((k) => k.length));
  const inner = `${indent}  `;
  const body = Object.entries(attributes)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => (isNestedBlock(v) ? `${inner}${hclBlock(k, v.$block, inner).trimStart()}` : `${inner}${k.padEnd(width)} = ${hclValue(v, inner)}`));
  return body.length ? `${indent}${head} {\n${body.join('\n')}\n${indent}}` : `${indent}${head} {}`;
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
      `# ${commentText(`Account ${group.accountId}, Region ${group.region} (Crossing plan ${options.planId}).`)}`,
      'terraform {\n  required_providers {\n    aws = {\n      source = "hashicorp/aws"\n    }\n  }\n}',
      hclBlock('provider "aws"', { region: group.region, profile: profileFor(group.accountId) }),
      ...Object.entries(variables).map(([name, description]) => hclBlock(`variable ${hclString(name)}`, { type: { $hcl: 'string' }, description })),
      ...blocks.map((b) => hclBlock(`resource ${hclString(b.type)} ${hclString(b.name)}`, b.attributes)),
    ].join('\n\n');
    return { accountId: group.accountId, region: group.region, text: `${text}\n`, notes };
  });
}
