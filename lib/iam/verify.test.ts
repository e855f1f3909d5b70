// Protects: verification tells the admin why access is allowed or denied, naming the deciding statement at each
// layer: the source's identity policy, its permissions boundary, the SCPs on its path, the role's trust policy
// (including the condition a session without MFA or ExternalId fails).
import { describe, expect, it } from 'vitest';
import { sourcePolicyFor } from './access';
import { newTrustPolicy } from './trust';
import { evaluateAccess, type AccessEvaluation } from './verify';

const ALICE = 'arn:aws:iam::400000000011:user/alice';
const ROLE = 'arn:aws:iam::400000000001:role/DeployFromDev';
const inline = { name: 'inline policy CrossingAssume-400000000001-DeployFromDev of user alice', policy: sourcePolicyFor(ROLE, { principal: ALICE }) };
const fullAccess = { id: 'p-FullAWSAccess', name: 'FullAWSAccess', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } };
const path = [
  { targetId: 'r-7c0r', label: 'Root', policies: [fullAccess] },
  { targetId: 'ou-w', label: 'Workloads', policies: [fullAccess] },
  { targetId: 'ou-d', label: 'Dev', policies: [fullAccess] },
  { targetId: '400000000011', label: 'payments-dev', policies: [fullAccess] },
];
const base: AccessEvaluation = { principal: ALICE, roleArn: ROLE, identityPolicies: [inline], serviceControlPolicies: path, trust: newTrustPolicy({ principal: ALICE }), organizationId: 'o-x', withMfa: false };

describe('verifying access', () => {
  it('explains an allow with the deciding statement of each layer', async () => {
    const result = await evaluateAccess(base);
    expect(result.allowed).toBe(true);
    expect(result.layers.map((l) => `${l.layer} ${l.effect}: ${l.explanation}`)).toEqual([
      'identity allows: Allowed by statement AssumeDeployFromDev of inline policy CrossingAssume-400000000001-DeployFromDev of user alice.',
      'boundary neutral: No permissions boundary.',
      'scp neutral: No SCP on Root / Workloads / Dev / payments-dev denies it.',
      'trust allows: Trusted by statement AllowAssumeFrom400000000011 of the role\'s trust policy.',
    ]);
    expect(result.summary).toMatch(/^user alice can assume DeployFromDev, because: Allowed by statement AssumeDeployFromDev/);
  });

  it('names the missing identity half when the source policy names another role', async () => {
    const other = { ...inline, policy: sourcePolicyFor('arn:aws:iam::400000000001:role/Other', { principal: ALICE }) };
    const result = await evaluateAccess({ ...base, identityPolicies: [other] });
    expect(result.allowed).toBe(false);
    expect(result.layers[0]).toEqual({ layer: 'identity', effect: 'denies', explanation: expect.stringMatching(/^No identity policy of user alice allows sts:AssumeRole on arn:aws:iam::400000000001:role\/DeployFromDev \(1 policies read/) });
  });

  it('explains the MFA condition a session without MFA fails, and allows with MFA', async () => {
    const trust = newTrustPolicy({ principal: ALICE, requireMfa: true });
    const without = await evaluateAccess({ ...base, trust });
    expect(without.allowed).toBe(false);
    expect(without.layers[3].explanation).toBe(
      "statement AllowAssumeFrom400000000011 of the role's trust policy names user alice, but its condition is not met: Bool aws:MultiFactorAuthPresent = true (the request has no aws:MultiFactorAuthPresent).",
    );
    expect(without.summary).toMatch(/^user alice cannot assume DeployFromDev: statement AllowAssumeFrom400000000011/);
    expect((await evaluateAccess({ ...base, trust, withMfa: true })).allowed).toBe(true);
  });

  it('names the SCP, its statement and the OU that denies it', async () => {
    const deny = { id: 'p-deny', name: 'DenyAssumeRole', document: { Version: '2012-10-17', Statement: [{ Sid: 'NoAssume', Effect: 'Deny', Action: 'sts:AssumeRole', Resource: '*' }] } };
    const scps = path.map((l) => (l.label === 'Dev' ? { ...l, policies: [...l.policies, deny] } : l));
    const result = await evaluateAccess({ ...base, serviceControlPolicies: scps });
    expect(result.allowed).toBe(false);
    expect(result.layers[2]).toEqual({ layer: 'scp', effect: 'denies', explanation: 'Denied by statement NoAssume of SCP DenyAssumeRole (p-deny) on Dev.' });
  });

  it('explains an ExternalId the caller did not pass, for a whole account whose own policies are not read', async () => {
    const partner = 'arn:aws:iam::900000000001:root';
    const input = { ...base, principal: partner, identityPolicies: undefined, serviceControlPolicies: 'none' as const, organizationId: undefined, trust: newTrustPolicy({ principal: partner, externalId: 'ext-1' }) };
    const result = await evaluateAccess(input);
    expect(result.allowed).toBe(false);
    expect(result.layers[0].effect).toBe('assumed');
    expect(result.layers[3].explanation).toMatch(/but its condition is not met: StringEquals sts:ExternalId = ext-1 \(the request has no sts:ExternalId\)\.$/);
    expect((await evaluateAccess({ ...input, externalId: 'ext-1' })).allowed).toBe(true);
  });
});
