// Protects: the AWS CLI, CloudFormation and Terraform a plan page shows say exactly what the plan does — parsed
// back with a real YAML parser and a real HCL parser and checked field by field against the plan's steps.
import { parse as parseHcl } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { clientTokenFor } from './build';
import { cliName, renderCli } from './cli';
import { MANAGEMENT, NETWORK, threeStepSharePlan } from '../../tests/support/plans';
import { renderCloudFormation, renderTerraform } from './iac';

const subnet = (n: string) => `arn:aws:ec2:us-east-1:${NETWORK}:subnet/subnet-${n}`;
const plan = threeStepSharePlan({ share: 'workloads', first: subnet('a'), second: subnet('b'), principal: 'ou-root-dev00001', extraPrincipal: '100000000004' });
const enable = [{ operation: 'ram:EnableSharingWithAwsOrganization', accountId: MANAGEMENT, region: 'us-east-1', input: {}, reason: 'Enable.' }];

describe('AWS CLI equivalent', () => {
  it("names commands and flags as botocore does", () => {
    expect(cliName('CreateResourceShare')).toBe('create-resource-share');
    expect(cliName('EnableSharingWithAwsOrganization')).toBe('enable-sharing-with-aws-organization');
    expect(cliName('ListAWSServiceAccessForOrganization')).toBe('list-aws-service-access-for-organization');
    expect(cliName('resourceShareArn')).toBe('resource-share-arn');
  });

  it('is one command per step with its input in --cli-input-json, Region, profile, client token, and the share ARN carried as JSON', () => {
    const script = renderCli(plan.steps, { planId: 'p-1', accountNames: { [NETWORK]: 'network' } });
    expect(script).toContain(
      [
        `RESOURCE_SHARE_ARN=$(aws ram create-resource-share --cli-input-json '{`,
        '  "name": "workloads",',
        '  "resourceArns": [',
        `    "${subnet('a')}"`,
        '  ],',
        '  "principals": [',
        '    "ou-root-dev00001"',
        '  ],',
        '  "allowExternalPrincipals": false,',
        '  "tags": [',
        '    {',
        '      "key": "team",',
        `      "value": "platform'\\''s"`,
        '    }',
        '  ],',
        `  "clientToken": "${clientTokenFor('p-1', 0)}"`,
        `}' --region us-east-1 --profile acct-${NETWORK} --query resourceShare.resourceShareArn --output json)`,
      ].join('\n'),
    );
    expect(script).toContain(
      `aws ram associate-resource-share --cli-input-json '{\n  "resourceShareArn": '"$RESOURCE_SHARE_ARN"',\n  "resourceArns": [\n    "${subnet('b')}"\n  ],\n  "clientToken": "${clientTokenFor('p-1', 1)}"\n}' --region us-east-1 --profile acct-${NETWORK}`,
    );
    expect(script).toContain(`#   acct-${NETWORK}: account ${NETWORK} (network)`);
  });

  it('writes control characters in comments as escapes, so data never ends a comment', () => {
    const steps = [{ ...enable[0], reason: 'offer\ntouch pwned\r\u2028#' }];
    const script = renderCli(steps, { planId: 'p-3', accountNames: { [MANAGEMENT]: 'x\nrm -rf /' } });
    expect(script).toContain('# Step 1: offer\\ntouch pwned\\r\\u2028#\n');
    expect(script).toContain(`#   acct-${MANAGEMENT}: account ${MANAGEMENT} (x\\nrm -rf /)\n`);
  });

  it('adds the endpoint when the console uses one', () => {
    expect(renderCli(enable, { planId: 'p-2', endpointUrl: 'http://127.0.0.1:4577' })).toContain(
      `aws ram enable-sharing-with-aws-organization --region us-east-1 --profile acct-${MANAGEMENT} --endpoint-url http://127.0.0.1:4577`,
    );
  });
});

describe('CloudFormation equivalent', () => {
  it('is one AWS::RAM::ResourceShare holding every resource and principal of the plan, with its tags', () => {
    const [doc] = renderCloudFormation(plan.steps, { planId: 'p-1', title: plan.title });
    expect(doc).toMatchObject({ accountId: NETWORK, region: 'us-east-1', notes: [] });
    const template = parseYaml(doc.text!);
    expect(template.AWSTemplateFormatVersion).toBe('2010-09-09');
    expect(template.Resources).toEqual({
      ResourceShare1: {
        Type: 'AWS::RAM::ResourceShare',
        Properties: {
          Name: 'workloads',
          AllowExternalPrincipals: false,
          ResourceArns: [subnet('a'), subnet('b')],
          Principals: ['ou-root-dev00001', '100000000004'],
          Tags: [{ Key: 'team', Value: "platform's" }],
        },
      },
    });
    expect(doc.text).toContain(`--profile acct-${NETWORK}`);
  });

  it('turns a value from another template into a parameter, and says what it cannot express', () => {
    const split = plan.steps.map((s, i) => (i === 0 ? s : { ...s, accountId: MANAGEMENT }));
    const [, other] = renderCloudFormation(split, { planId: 'p-1', title: plan.title });
    expect(other.text).toBeUndefined();
    expect(other.notes[0]).toMatch(/^Step 2 \(ram:AssociateResourceShare\): The share is not made in this template/);
    const [doc] = renderCloudFormation(enable, { planId: 'p-2', title: 'Enable' });
    expect(doc.text).toBeUndefined();
    expect(doc.notes).toEqual(['Step 1 (ram:EnableSharingWithAwsOrganization): CloudFormation has no resource type for enabling sharing with AWS Organizations: run the AWS CLI command instead.']);
  });
});

describe('Terraform equivalent', () => {
  it('is the share plus one association per resource and principal, all on the share made in step 1', async () => {
    const [doc] = renderTerraform(plan.steps, { planId: 'p-1' });
    const parsed = (await parseHcl('main.tf', doc.text!)) as Record<string, Record<string, Record<string, Record<string, unknown>[]>>>;
    expect(parsed.provider.aws).toEqual([{ region: 'us-east-1', profile: `acct-${NETWORK}` }]);
    const resources = parsed.resource;
    expect(resources.aws_ram_resource_share.step1).toEqual([{ name: 'workloads', allow_external_principals: false, tags: { team: "platform's" } }]);
    const share = '${aws_ram_resource_share.step1.arn}';
    const associations = Object.values(resources.aws_ram_resource_association).map((b) => b[0]);
    expect(associations).toEqual([
      { resource_arn: subnet('a'), resource_share_arn: share },
      { resource_arn: subnet('b'), resource_share_arn: share },
    ]);
    expect(Object.values(resources.aws_ram_principal_association).map((b) => b[0])).toEqual([
      { principal: 'ou-root-dev00001', resource_share_arn: share },
      { principal: '100000000004', resource_share_arn: share },
    ]);
  });

  it('declares a variable for a value from another account, and enables sharing with its own resource', async () => {
    const split = plan.steps.map((s, i) => (i === 0 ? s : { ...s, accountId: MANAGEMENT }));
    const [, other] = renderTerraform(split, { planId: 'p-1' });
    const parsed = (await parseHcl('main.tf', other.text!)) as Record<string, Record<string, unknown>>;
    expect(Object.keys(parsed.variable)).toEqual(['step1_resource_share_arn']);
    expect(JSON.stringify(parsed.resource)).toContain('${var.step1_resource_share_arn}');
    const [doc] = renderTerraform(enable, { planId: 'p-2' });
    expect(((await parseHcl('main.tf', doc.text!)) as Record<string, Record<string, unknown>>).resource).toEqual({ aws_ram_sharing_with_organization: { this: [{}] } });
  });

  it('escapes strings so a value cannot become an expression', async () => {
    const tricky = [{ ...plan.steps[0], input: { ...plan.steps[0].input, name: 'a "b" ${c} %{d} \\ e' } }];
    const [doc] = renderTerraform(tricky, { planId: 'p-3' });
    expect(doc.text).toMatch(/name += "a \\"b\\" \$\$\{c\} %%\{d\} \\\\ e"/);
    // hcl2json writes a reference as ${…} and keeps an escaped one escaped: this is literal text, no reference to c.
    const parsed = (await parseHcl('main.tf', doc.text!)) as { resource: { aws_ram_resource_share: { step1: { name: string }[] } } };
    expect(parsed.resource.aws_ram_resource_share.step1[0].name).toBe('a "b" $${c} %%{d} \\ e');
  });
});
