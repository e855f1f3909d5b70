// The AWS CLI equivalent of a plan: one command per step, runnable as a shell script, with --region and a
// profile per account, and each value a later step needs captured in a shell variable.
import { clientTokenFor, isStepOutputRef, referencesIn } from './build';
import { operationSpec } from './catalog';
import type { PlanStep, StepOutputRef } from './types';

/** botocore's xform_name: CreateResourceShare → create-resource-share, ListAWSServiceAccess → list-aws-service-access. */
export function cliName(name: string): string {
  return name
    .replace(/(.)([A-Z][a-z]+)/g, '$1-$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
}

/** The profile each account's commands run with: the admin maps it to credentials for that account. */
export const profileFor = (accountId: string) => `acct-${accountId}`;

export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_\-.:/=@,+%]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

function word(value: unknown): string {
  if (isStepOutputRef(value)) return `"$${value.$ref.as}"`;
  if (typeof value === 'string') return shellQuote(value);
  return shellQuote(JSON.stringify(value));
}

function flags(input: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [member, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const flag = `--${cliName(member)}`;
    if (typeof value === 'boolean') out.push(value ? flag : `--no-${cliName(member)}`);
    else if (typeof value === 'number') out.push(flag, String(value));
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string' || isStepOutputRef(v))) out.push(flag, ...value.map(word));
    else if (typeof value === 'string' || isStepOutputRef(value)) out.push(flag, word(value));
    else out.push(flag, shellQuote(JSON.stringify(value)));
  }
  return out;
}

export interface CliOptions {
  planId: string;
  /** Added to every command where the console itself uses a custom endpoint (the sandbox). */
  endpointUrl?: string;
  accountNames?: Record<string, string>;
}

/** The CLI command of one step, without output capture. */
export function stepCommand(step: PlanStep, index: number, options: CliOptions): string[] {
  const [service, operation] = step.operation.split(':');
  const spec = operationSpec(step.operation);
  const input = spec.clientToken ? { ...step.input, [spec.clientToken]: clientTokenFor(options.planId, index) } : step.input;
  return [
    'aws',
    service,
    cliName(operation),
    ...flags(input),
    '--region',
    step.region,
    '--profile',
    profileFor(step.accountId),
    ...(options.endpointUrl ? ['--endpoint-url', options.endpointUrl] : []),
  ];
}

/** The whole plan as a shell script. */
export function renderCli(steps: PlanStep[], options: CliOptions): string {
  const wanted = new Map<number, StepOutputRef['$ref'][]>();
  for (const ref of steps.flatMap((s) => referencesIn(s.input))) {
    const list = wanted.get(ref.$ref.step) ?? [];
    if (!list.some((r) => r.as === ref.$ref.as)) list.push(ref.$ref);
    wanted.set(ref.$ref.step, list);
  }
  const accounts = [...new Set(steps.map((s) => s.accountId))];
  const lines = [
    '#!/bin/sh',
    '# Profiles: each names credentials for one account (e.g. a role to assume in ~/.aws/config).',
    ...accounts.map((a) => `#   ${profileFor(a)}: account ${a}${options.accountNames?.[a] ? ` (${options.accountNames[a]})` : ''}`),
    'set -e',
  ];
  steps.forEach((step, index) => {
    lines.push('', `# Step ${index + 1}: ${step.reason}`);
    const command = stepCommand(step, index, options).join(' ');
    const captures = wanted.get(index);
    if (!captures) lines.push(command);
    else if (captures.length === 1) lines.push(`${captures[0].as}=$(${command} --query ${shellQuote(captures[0].path)} --output text)`);
    else {
      const query = `[${captures.map((c) => c.path).join(', ')}]`;
      lines.push(`read -r ${captures.map((c) => c.as).join(' ')} <<EOF\n$(${command} --query ${shellQuote(query)} --output text)\nEOF`);
    }
  });
  return `${lines.join('\n')}\n`;
}
