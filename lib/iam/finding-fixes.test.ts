// Protects the plans that close access findings in IAM: the ExternalId fix keeps the principal's other conditions and hands over a new, random ExternalId; removing a deleted principal keeps the rest of the trust; deleting a role empties it first, in the order IAM requires.
import { describe, expect, it } from 'vitest';
import { PlanError } from '../plan/build';
import { closeFinding, generateExternalId } from './finding-fixes';
import type { PolicyDocument } from './policy';

const ROLE = 'arn:aws:iam::400000000002:role/Vendor';
const VENDOR = 'arn:aws:iam::900000000001:root';
const trust = (statements: object[]): PolicyDocument => ({ Version: '2012-10-17', Statement: statements as PolicyDocument['Statement'] });
const facts = (document: PolicyDocument) => ({ trust: { role: { arn: ROLE, name: 'Vendor', trust: document }, accountNames: { '400000000002': 'web-prod' } } });
const externalIdFix = (externalId: string, document: PolicyDocument) => closeFinding.plan({ fix: 'add-external-id', findingId: 'f-1', roleArn: ROLE, principal: VENDOR, externalId }, facts(document));

describe('fix plans for findings', () => {
  it('adds a new random ExternalId to the outside principal, keeping its MFA condition and the other statements', () => {
    const document = trust([
      { Effect: 'Allow', Principal: { AWS: VENDOR }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } },
      { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
    ]);
    const a = generateExternalId();
    expect(a).toMatch(/^[\w-]{43}$/);
    expect(generateExternalId()).not.toBe(a);
    const draft = externalIdFix(a, document);
    expect(draft.kind).toBe(closeFinding.id);
    const written = JSON.parse(String(draft.steps[0].input.PolicyDocument));
    expect(written.Statement).toContainEqual({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' });
    expect(written.Statement).toContainEqual(expect.objectContaining({ Principal: { AWS: VENDOR }, Condition: { StringEquals: { 'sts:ExternalId': a }, Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }));
    expect(draft.notes?.[0]).toContain(a);
    expect(draft.context).toMatchObject({ expect: 'external-id', externalId: a, findingId: 'f-1' });
    expect(() => externalIdFix('x'.repeat(10), (trust([{ Effect: 'Allow', Principal: { AWS: VENDOR }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'old' } } }])))).toThrow(PlanError);
  });

  it('removes a deleted principal\'s unique ID and nothing else', () => {
    const draft = closeFinding.plan({ fix: 'remove-trust', findingId: 'f-2', roleArn: ROLE, principal: 'AROAABCDEFGHIJKLMNOPQ' }, facts(trust([{ Effect: 'Allow', Principal: { AWS: ['AROAABCDEFGHIJKLMNOPQ', VENDOR] }, Action: 'sts:AssumeRole' }])));
    expect(JSON.parse(String(draft.steps[0].input.PolicyDocument)).Statement).toEqual([{ Effect: 'Allow', Principal: { AWS: VENDOR }, Action: 'sts:AssumeRole' }]);
    expect(draft.context).toMatchObject({ expect: 'removed', principal: 'AROAABCDEFGHIJKLMNOPQ' });
  });

  it('deletes a role after its inline policies and attachments', () => {
    const draft = closeFinding.plan({ fix: 'delete-role', findingId: 'f-3', roleArn: ROLE }, { role: { arn: ROLE, name: 'Vendor', inlinePolicyNames: ['Extra'], attachedPolicies: [{ name: 'ReadOnlyAccess', arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }] }, accountNames: { '400000000002': 'web-prod' } });
    expect(draft.steps.map((s) => s.operation)).toEqual(['iam:DeleteRolePolicy', 'iam:DetachRolePolicy', 'iam:DeleteRole']);
    expect(draft.steps.every((s) => s.accountId === '400000000002' && s.input.RoleName === 'Vendor')).toBe(true);
  });
});
