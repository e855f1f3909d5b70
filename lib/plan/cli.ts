// The AWS CLI equivalent of a plan: one command per step, runnable as a shell script, with --region and a
// profile per account, and each value a later step needs captured in a shell variable. How values are written
// so that any of them reaches AWS exactly and runs nothing is lib/plan/shell.ts's.
import { clientTokenFor, referencesIn } from './build';
import { operationSpec } from './catalog';
import { awsCommand, shellComment, shellWord } from './shell';
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

export interface CliOptions {
  planId: string;
  /** Added to every command where the console itself uses a custom endpoint (the sandbox). */
  endpointUrl?: string;
  accountNames?: Record<string, string>;
}

/** The CLI command of one step, without output capture. */
function stepCommand(step: PlanStep, index: number, options: CliOptions): string {
  const [service, operation] = step.operation.split(':');
  const spec = operationSpec(step.operation);
  const input = spec.clientToken ? { ...step.input, [spec.clientToken]: clientTokenFor(options.planId, index) } : step.input;
  return awsCommand({
    service,
    operation: cliName(operation),
    input,
    options: [['region', step.region], ['profile', profileFor(step.accountId)], ...(options.endpointUrl ? [['endpoint-url', options.endpointUrl] as [string, string]] : [])],
  });
}

/** The whole plan as a shell script. */
export function renderCli(steps: PlanStep[], options: CliOptions): string {
  const wanted = new Map<number, StepOutputRef['$ref']>();
  for (const { $ref } of steps.flatMap((s) => referencesIn(s.input))) {
    const known = wanted.get($ref.step);
    // A captured value is a JSON literal, one per step: a second name for the same step would need a JSON tool.
    if (known && (known.as !== $ref.as || known.path !== $ref.path)) throw new Error(`Step ${$ref.step + 1}'s output is used as ${known.as} and ${$ref.as}: the CLI script captures one value per step.`);
    wanted.set($ref.step, $ref);
  }
  const accounts = [...new Set(steps.map((s) => s.accountId))];
  const lines = [
    '#!/bin/sh',
    '# Profiles: each names credentials for one account (e.g. a role to assume in ~/.aws/config).',
    ...accounts.map((a) => shellComment(`  ${profileFor(a)}: account ${a}${options.accountNames?.[a] ? ` (${options.accountNames[a]})` : ''}`)),
    'set -e',
  ];
  steps.forEach((step, index) => {
    lines.push('', shellComment(`Step ${index + 1}: ${step.reason}`));
    const command = stepCommand(step, index, options);
    const capture = wanted.get(index);
    // --output json prints the value as a JSON string literal, which later steps splice into their JSON input.
    lines.push(capture ? `${capture.as}=$(${command} --query ${shellWord(capture.path)} --output json)` : command);
  });
  return `${lines.join('\n')}\n`;
}
