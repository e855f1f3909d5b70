// Protects: whatever a name, tag, path, description or reason holds, the CLI script, CloudFormation and Terraform a
// plan shows, and the role page's hand-off, do exactly what they say: run by bash and the real AWS CLI against
// the sandbox they run nothing else, read no file, fetch no URL, and put the exact value in AWS; YAML 1.1 and HCL
// parsers read back the exact values.
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { CreateRoleCommand, GetRoleCommand, IAMClient, ListAttachedRolePoliciesCommand } from '@aws-sdk/client-iam';
import { GetResourceSharesCommand, RAMClient } from '@aws-sdk/client-ram';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { DEMO } from '../sandbox/seeds/demo-ids';
import { startSandbox, type SandboxCredentials, type TestSandbox } from '../sandbox/testing';
// The renderers look up each step's operation in the registry.
import '../lib/changes/registry';
import { handOff } from '../lib/iam/handoff';
import { shareAssociations } from '../lib/ram/associations';
import { outputOf } from '../lib/plan/build';
import { renderCli } from '../lib/plan/cli';
import { renderCloudFormation, renderTerraform } from '../lib/plan/iac';
import type { PlanStep } from '../lib/plan/types';

const NETWORK = DEMO.accounts.network;
const run = promisify(execFile);
const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${NETWORK}:root` }, Action: 'sts:AssumeRole' }] });

/** Names a member account or a user could give a share, a tag, a role path or description. */
const hostile = (port: number) => [
  'partner offer\ntouch pwned\n#',
  'cr\rlf\r\ntouch pwned',
  `quotes ' " '\\'' "'"`,
  '$(touch pwned)',
  '`touch pwned`',
  '${IFS}$(touch${IFS}pwned)${HOME}',
  'a;touch pwned;#',
  'x && touch pwned || touch pwned',
  'EOF\ntouch pwned\nEOF',
  'file:///etc/hostname',
  'fileb:///etc/hostname',
  `http://127.0.0.1:${port}/fetched`,
  `https://127.0.0.1:${port}/fetched`,
  '-leading',
  '--help',
  '--name=other',
  '%{ for x in y }${x}%{ endfor }',
  '$${escaped} %%{too}',
  'yes',
  'no',
  'on',
  'off',
  'y',
  '~',
  'null',
  '0o17',
  '012',
  '1e3',
  '2001-12-14',
  '1:20',
  '<<',
  '*alias',
  '&anchor !tag',
  '#hash',
  '? key: value',
  '- item',
  '| block',
  '@at',
  ' leading and trailing ',
  'tab\there',
  'nel\u0085 ls\u2028 ps\u2029',
  'bidi \u202eevil\u202c',
  'bell\u0007 escape\u001b[31m red',
  'emoji 😀 ünïcødé 値',
  'back\\slash \\n \\',
];

let sb: TestSandbox;
let member: SandboxCredentials;
let listener: http.Server;
let hits = 0;
let values: string[];

async function credentials(account: string): Promise<SandboxCredentials> {
  const c = (await new STSClient(sb.clientConfig()).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account}:role/OrganizationAccountAccessRole`, RoleSessionName: 'hostile' }))).Credentials!;
  return { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken };
}

/** A shell's world: an empty working directory and home, a config file with one profile per account, nothing from our environment. */
function shellWorld(profiles: Record<string, SandboxCredentials>, extra: Record<string, string> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossing-hostile-'));
  const cwd = path.join(dir, 'cwd');
  fs.mkdirSync(cwd);
  fs.writeFileSync(
    path.join(dir, 'config'),
    Object.entries(profiles)
      .map(([name, c]) => `[${name === 'default' ? 'default' : `profile ${name}`}]\naws_access_key_id = ${c.accessKeyId}\naws_secret_access_key = ${c.secretAccessKey}\naws_session_token = ${c.sessionToken}\n`)
      .join('\n'),
  );
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_'))) as NodeJS.ProcessEnv;
  return {
    cwd,
    env: { ...clean, HOME: cwd, AWS_CONFIG_FILE: path.join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'none'), AWS_PAGER: '', ...extra },
  };
}

const isIamPathText = (v: string) => /^[\x21-\x7e]+$/.test(v) && v.length < 500;
const isIamDescription = (v: string) => /^[\t\n\r\x20-\x7e\xa1-\xff]*$/.test(v);

/** A share made and extended, and a role made with a path and description and given a policy: every value `value`. */
function hostilePlan(value: string, n: number): PlanStep[] {
  return [
    {
      operation: 'ram:CreateResourceShare',
      accountId: NETWORK,
      region: 'us-east-1',
      input: { name: value, principals: [DEMO.accounts['web-dev']], allowExternalPrincipals: false, tags: [{ key: 'hostile', value }] },
      reason: value,
    },
    {
      operation: 'ram:AssociateResourceShare',
      accountId: NETWORK,
      region: 'us-east-1',
      input: { resourceShareArn: outputOf(0, 'resourceShare.resourceShareArn', 'RESOURCE_SHARE_ARN'), principals: [DEMO.accounts['payments-dev']] },
      reason: value,
    },
    {
      operation: 'iam:CreateRole',
      accountId: NETWORK,
      region: 'us-east-1',
      input: {
        RoleName: `Hostile${n}`,
        Path: isIamPathText(value) ? `/${value}/` : '/',
        AssumeRolePolicyDocument: TRUST,
        ...(isIamDescription(value) ? { Description: value } : {}),
      },
      reason: value,
    },
    {
      operation: 'iam:AttachRolePolicy',
      accountId: NETWORK,
      region: 'us-east-1',
      input: { RoleName: outputOf(2, 'Role.RoleName', 'ROLE_NAME'), PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
      reason: value,
    },
  ];
}

beforeAll(async () => {
  expect(spawnSync('aws', ['--version']).status, 'the AWS CLI must be installed').toBe(0);
  sb = await startSandbox({ seed: 'demo' });
  member = await credentials(NETWORK);
  listener = http.createServer((_req, res) => {
    hits += 1;
    res.end('fetched by the AWS CLI');
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  values = hostile((listener.address() as AddressInfo).port);
});

afterAll(async () => {
  listener?.close();
  await sb?.close();
});

/** Values that mean something to a shell or the AWS CLI; the YAML-only ones are read back by the parsers below. */
const forShell = (value: string) => !/^(?:yes|no|on|off|y|~|null|0o17|012|1e3|2001-12-14|1:20|<<|\*alias|&anchor !tag|#hash|\? key: value|- item|\| block|@at)$/.test(value);

/**
 * One script for every value (the AWS CLI takes a second to start): a share per value, named and tagged with it,
 * the first extended through its captured ARN; a role per value IAM takes as a path or description, the first
 * given a policy through its captured name. Every step's reason is the value.
 */
function cliPlan(list: string[]): PlanStep[] {
  const steps: PlanStep[] = [];
  let attached = false;
  list.forEach((value, n) => {
    const [create, associate, role, attach] = hostilePlan(value, n);
    steps.push(create);
    if (n === 0) steps.push({ ...associate, input: { ...associate.input, resourceShareArn: outputOf(steps.length - 1, 'resourceShare.resourceShareArn', 'RESOURCE_SHARE_ARN') } });
    if (role.input.Path === '/' && role.input.Description === undefined) return;
    steps.push(role);
    if (attached) return;
    steps.push({ ...attach, input: { ...attach.input, RoleName: outputOf(steps.length - 1, 'Role.RoleName', 'ROLE_NAME') } });
    attached = true;
  });
  return steps;
}

describe('the AWS CLI script, run by bash and the AWS CLI', () => {
  it('puts each hostile value in AWS exactly, and runs, reads and fetches nothing else', { timeout: 300_000 }, async () => {
    const ram = new RAMClient(sb.clientConfig(member));
    const iam = new IAMClient(sb.clientConfig(member));
    const list = values.filter(forShell);
    const steps = cliPlan(list);
    const { cwd, env } = shellWorld({ [`acct-${NETWORK}`]: member });
    const script = renderCli(steps, { planId: 'p-hostile', endpointUrl: sb.endpoint, accountNames: { [NETWORK]: list.join(' ') } });
    await run('bash', ['-c', script], { cwd, env, timeout: 240_000 }).catch((e: { stderr?: string }) => {
      throw new Error(`the script failed: ${e.stderr}\n${script}`);
    });
    expect(fs.readdirSync(cwd), 'files made').toEqual([]);
    expect(hits, 'requests to the loopback listener').toBe(0);

    for (const [n, value] of list.entries()) {
      const shares = (await ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF', name: value }))).resourceShares ?? [];
      expect(shares.map((s) => [s.name, s.tags]), JSON.stringify(value)).toEqual([[value, [{ key: 'hostile', value }]]]);
      const planned = steps.find((s) => s.input.RoleName === `Hostile${n}`);
      if (!planned) continue;
      const role = (await iam.send(new GetRoleCommand({ RoleName: `Hostile${n}` }))).Role!;
      expect([role.Path, role.Description], JSON.stringify(value)).toEqual([planned.input.Path, planned.input.Description]);
    }
    const first = (await ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF', name: list[0] }))).resourceShares![0];
    const principals = (await shareAssociations(ram, first.resourceShareArn!)).filter((a) => a.associationType === 'PRINCIPAL').map((a) => a.associatedEntity);
    expect(principals.sort()).toEqual([DEMO.accounts['web-dev'], DEMO.accounts['payments-dev']].sort());
    const attachedTo = steps.find((s) => s.operation === 'iam:CreateRole')!.input.RoleName as string;
    expect((await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: attachedTo }))).AttachedPolicies?.map((p) => p.PolicyArn)).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
    expect(list.length).toBeGreaterThanOrEqual(25);
    expect(steps.filter((s) => s.operation === 'iam:CreateRole').length).toBeGreaterThanOrEqual(15);
  });
});

/** HCL's JSON form writes a literal "${" as "$${" and "%{" as "%%{"; reading it back undoes only that. */
const hclText = (s: string) => s.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');

describe('Terraform, read back by an HCL parser', () => {
  it('holds each hostile value as the same text, never an expression', async () => {
    for (const [n, value] of values.entries()) {
      const [doc] = renderTerraform(hostilePlan(value, n), { planId: `p-hostile-${n}` });
      const parsed = (await parseHcl('main.tf', doc.text!)) as { resource: Record<string, Record<string, Record<string, unknown>[]>> };
      const share = parsed.resource.aws_ram_resource_share.step1[0] as { name: string; tags: Record<string, string> };
      expect([hclText(share.name), hclText(share.tags.hostile)], JSON.stringify(value)).toEqual([value, value]);
      const role = parsed.resource.aws_iam_role.step3[0] as { path: string; description?: string };
      expect([hclText(role.path), role.description === undefined ? undefined : hclText(role.description)]).toEqual([hostilePlan(value, n)[2].input.Path, hostilePlan(value, n)[2].input.Description]);
    }
  });
});

/** PyYAML: a YAML 1.1 reader, as CloudFormation's is; dates or booleans would not survive JSON, so they show as what they became. */
function readYaml11(texts: string[]): unknown[] {
  const out = spawnSync('python3', ['-c', 'import sys, json, yaml; json.dump([yaml.safe_load(d) for d in json.load(sys.stdin)], sys.stdout, default=lambda v: f"<{type(v).__name__} {v}>")'], {
    input: JSON.stringify(texts),
    encoding: 'utf8',
  });
  expect(out.status, out.stderr).toBe(0);
  return JSON.parse(out.stdout) as unknown[];
}

describe('CloudFormation, read back by YAML 1.1 and 1.2 parsers', () => {
  it('holds each hostile value as the same string, never a boolean, number, date, null or alias', () => {
    const texts = values.map((value, n) => renderCloudFormation(hostilePlan(value, n), { planId: `p-hostile-${n}`, title: value })[0].text!);
    const read11 = readYaml11(texts) as { Description: string; Resources: Record<string, { Properties: Record<string, unknown> }> }[];
    values.forEach((value, n) => {
      const steps = hostilePlan(value, n);
      for (const template of [read11[n], parseYaml(texts[n], { version: '1.1' }), parseYaml(texts[n])]) {
        expect(template.Description, JSON.stringify(value)).toBe(`Crossing plan p-hostile-${n}: ${value}`);
        expect(template.Resources.ResourceShare1.Properties).toMatchObject({ Name: value, Tags: [{ Key: 'hostile', Value: value }] });
        expect(template.Resources.Role3.Properties.Path).toBe(steps[2].input.Path);
        expect(template.Resources.Role3.Properties.Description).toBe(steps[2].input.Description);
      }
    });
  });
});

describe("the role page's hand-off", () => {
  it('runs the assume-role command as given for a role whose path is /$(touch${IFS}pwned)/, and offers no profile for it', { timeout: 60_000 }, async () => {
    const iam = new IAMClient(sb.clientConfig(member));
    const role = (await iam.send(new CreateRoleCommand({ RoleName: 'HandOffTarget', Path: '/$(touch${IFS}pwned)/`touch${IFS}pwned`/', AssumeRolePolicyDocument: TRUST }))).Role!;
    const out = handOff({ roleArn: role.Arn!, principal: `arn:aws:iam::${NETWORK}:root`, requireMfa: false, maxSessionDuration: 3600 });
    expect(out.profile).toBeUndefined();
    expect(out.profileOmitted).toMatch(/^No ~\/\.aws\/config profile: its role_arn holds "\$" "\(" "\{" "\}" "\)" "`", .*Use the AWS CLI command/);
    const { cwd, env } = shellWorld({ default: member }, { AWS_ENDPOINT_URL: sb.endpoint, AWS_DEFAULT_REGION: 'us-east-1' });
    const { stdout } = await run('bash', ['-c', out.command], { cwd, env, timeout: 30_000 });
    expect(JSON.parse(stdout).AssumedRoleUser.Arn).toBe(`arn:aws:sts::${NETWORK}:assumed-role/HandOffTarget/crossing`);
    expect(fs.readdirSync(cwd)).toEqual([]);
  });

  it("gives a profile the AWS CLI uses as written for a role with a plain path", { timeout: 60_000 }, async () => {
    const iam = new IAMClient(sb.clientConfig(member));
    const role = (await iam.send(new CreateRoleCommand({ RoleName: 'HandOffPlain', Path: '/teams/platform/', AssumeRolePolicyDocument: TRUST }))).Role!;
    const out = handOff({ roleArn: role.Arn!, principal: `arn:aws:iam::${NETWORK}:root`, externalId: 'ext-1', requireMfa: false, maxSessionDuration: 3600 });
    const { cwd, env } = shellWorld({ default: member }, { AWS_ENDPOINT_URL: sb.endpoint, AWS_DEFAULT_REGION: 'us-east-1' });
    fs.appendFileSync(env.AWS_CONFIG_FILE!, `\n${out.profile}\n`);
    const { stdout } = await run('aws', ['sts', 'get-caller-identity', '--profile', out.profileName], { cwd, env, timeout: 30_000 });
    expect(JSON.parse(stdout).Arn).toBe(`arn:aws:sts::${NETWORK}:assumed-role/HandOffPlain/crossing`);
  });
});
