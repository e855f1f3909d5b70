// Protects: a trust policy change the admin reviews adds exactly one principal (a statement, or the principal
// merged into the statement with the same actions and conditions), never drops or rewrites another statement,
// takes a principal out without touching the rest, and the diff shows exactly that.
import { describe, expect, it } from 'vitest';
import { parsePolicy, samePolicy, type PolicyDocument } from './policy';
import { addTrust, newTrustPolicy, policyDiff, removeTrust, renderDiff, trustedPrincipals } from './trust';

const ALICE = 'arn:aws:iam::400000000011:user/alice';
const AUDIT = 'arn:aws:iam::200000000002:role/SecurityAudit';
const auditor: PolicyDocument = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: AUDIT }, Action: 'sts:AssumeRole' }] };

describe('a new trust policy', () => {
  it('is one statement with the principal, the actions and the conditions asked for', () => {
    expect(newTrustPolicy({ principal: '900000000001', externalId: 'abc-123', requireMfa: true, organizationId: 'o-x', allowTagSession: true })).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AllowAssumeFrom900000000001',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::900000000001:root' },
          Action: ['sts:AssumeRole', 'sts:TagSession'],
          Condition: { StringEquals: { 'sts:ExternalId': 'abc-123', 'aws:PrincipalOrgID': 'o-x' }, Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
        },
      ],
    });
  });
});

describe('adding a principal to an existing trust policy', () => {
  it('merges into the statement with the same actions and no conditions, keeping the principal already there', () => {
    const { document, change } = addTrust(auditor, { principal: ALICE });
    expect(change).toEqual({ kind: 'merged', statementIndex: 0 });
    expect(document.Statement).toEqual([{ Effect: 'Allow', Principal: { AWS: [AUDIT, ALICE] }, Action: 'sts:AssumeRole' }]);
    expect(auditor.Statement[0].Principal).toEqual({ AWS: AUDIT });
  });

  it('adds a statement when the conditions differ, and leaves the existing one as it was', () => {
    const { document, change } = addTrust(auditor, { principal: ALICE, requireMfa: true });
    expect(change).toEqual({ kind: 'added', statementIndex: 1 });
    expect(document.Statement[0]).toEqual(auditor.Statement[0]);
    expect(document.Statement[1]).toMatchObject({ Sid: 'AllowAssumeFrom400000000011', Principal: { AWS: ALICE }, Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } });
  });

  it('changes nothing when the principal is already trusted on the same terms (a bare account ID is its root ARN)', () => {
    const policy = parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: { AWS: '900000000001' }, Action: ['sts:AssumeRole'] } }));
    expect(addTrust(policy, { principal: 'arn:aws:iam::900000000001:root' }).change).toEqual({ kind: 'unchanged', statementIndex: 0 });
  });

  it('never merges into a Deny, a NotPrincipal or a service statement, and keeps them all', () => {
    const mixed: PolicyDocument = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
        { Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
      ],
    };
    const { document } = addTrust(mixed, { principal: ALICE });
    expect(document.Statement.slice(0, 2)).toEqual(mixed.Statement);
    expect(document.Statement).toHaveLength(3);
  });

  it('names a second statement for the same account apart from the first', () => {
    const once = addTrust(auditor, { principal: ALICE, requireMfa: true }).document;
    const twice = addTrust(once, { principal: 'arn:aws:iam::400000000011:user/bob', externalId: 'xx' }).document;
    expect(twice.Statement.map((s) => s.Sid)).toEqual([undefined, 'AllowAssumeFrom400000000011', 'AllowAssumeFrom4000000000112']);
  });
});

describe('removing a principal', () => {
  it('takes it out of its statement, keeping the others there', () => {
    const both = addTrust(auditor, { principal: ALICE }).document;
    const { document, changedStatements, droppedStatements } = removeTrust(both, ALICE);
    expect(document).toEqual(auditor);
    expect([changedStatements, droppedStatements]).toEqual([[0], []]);
  });

  it('drops a statement that named only that principal, and no other', () => {
    const both = addTrust(auditor, { principal: ALICE, externalId: 'abc' }).document;
    const { document, droppedStatements } = removeTrust(both, ALICE);
    expect(document.Statement).toEqual(auditor.Statement);
    expect(droppedStatements).toEqual([1]);
  });
});

describe('reading and comparing trust policies', () => {
  it('lists each trusted principal with the conditions that bind it', () => {
    const policy = newTrustPolicy({ principal: ALICE, externalId: 'abc-123', requireMfa: true });
    expect(trustedPrincipals(policy)).toEqual([
      { principal: ALICE, statementIndex: 0, sid: 'AllowAssumeFrom400000000011', actions: ['sts:AssumeRole'], externalId: 'abc-123', requireMfa: true, organizationId: undefined, otherConditions: [] },
    ]);
  });

  it('reads IAM\'s URL-encoded documents and treats a single value as a one-element list', () => {
    const encoded = encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: [AUDIT] }, Action: ['sts:AssumeRole'] }] }));
    expect(samePolicy(encoded, JSON.stringify(auditor))).toBe(true);
    expect(samePolicy(encoded, JSON.stringify(addTrust(auditor, { principal: ALICE }).document))).toBe(false);
  });

  it('diffs only the added principal when merging', () => {
    const diff = policyDiff(auditor, addTrust(auditor, { principal: ALICE }).document);
    expect(diff.filter((l) => l.op !== ' ').map((l) => `${l.op}${l.text.trim()}`)).toEqual([
      `-"AWS": "${AUDIT}"`,
      '+"AWS": [',
      `+"${AUDIT}",`,
      `+"${ALICE}"`,
      '+]',
    ]);
    expect(renderDiff(diff)).toContain(`+           "${ALICE}"`);
  });
});
