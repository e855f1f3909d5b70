// Protects: a plan whose steps are independent (answering many invitations) runs every step and keeps each one's
// outcome — a refused step does not stop the others, and resuming retries only the failed ones — while a plan
// without the option still stops at its first failing step.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO } from '../../sandbox/seeds/demo-ids';
import { demoSharingArns, type DemoSharingArns } from '../../sandbox/seeds/demo-ram';
import { startSandbox, type TestSandbox } from '../../sandbox/testing';
import { useConsoleEnv } from '../../tests/support/console-env';
import { resetAwsAccess } from '../aws/clients';
import { checkPlan, PlanError, outputOf } from './build';
import { applyPlan, runFinished } from './apply';
import { TEST_KIND } from '../../tests/support/plans';
import { savePlan } from './store';
import type { PlanDraft } from './types';

const admin = { email: 'admin@example.com', name: 'Admin', role: 'admin' as const };
const { accounts } = DEMO;
let sb: TestSandbox;
let arns: DemoSharingArns;

function acceptPlan(invitations: [string, string][], independentSteps?: boolean): PlanDraft {
  return {
    kind: TEST_KIND,
    title: 'Accept invitations',
    independentSteps,
    steps: invitations.map(([accountId, arn]) => ({
      operation: 'ram:AcceptResourceShareInvitation',
      accountId,
      region: 'us-east-1',
      input: { resourceShareInvitationArn: arn },
      reason: 'test',
    })),
  };
}

beforeAll(async () => {
  sb = await startSandbox({ seed: 'demo' });
  useConsoleEnv(sb, 'crossing-independent-');
});

afterAll(async () => {
  await sb?.close();
});

beforeEach(async () => {
  await sb.control.reset('demo');
  arns = demoSharingArns(sb.world);
  resetAwsAccess();
});

describe('independent steps', () => {
  it('run every step: an expired invitation fails on its own, the others are accepted', async () => {
    const plan = await savePlan(
      acceptPlan(
        [
          [accounts['web-dev'], arns.invitations.partnerPki.webDev],
          [accounts.management, arns.invitations.partnerNetwork.management],
          [accounts['payments-dev'], arns.invitations.partnerNetwork.paymentsDev],
        ],
        true,
      ),
      admin.email,
    );
    await applyPlan(plan.id, admin);
    const done = (await runFinished(plan.id))!;
    expect(done.status).toBe('failed');
    expect(done.stepStates.map((s) => s.status)).toEqual(['failed', 'done', 'done']);
    expect(done.stepStates[0].error).toBe(
      `The invitation has expired in ${accounts['web-dev']} (us-east-1): it can no longer be accepted or rejected. Ask the sender to share again.`,
    );

    // Resuming runs the failed step again (AWS still refuses it), not the accepted ones.
    await applyPlan(plan.id, admin);
    const resumed = (await runFinished(plan.id))!;
    expect(resumed.stepStates.map((s) => s.status)).toEqual(['failed', 'done', 'done']);
    expect(resumed.stepStates[1].finishedAt).toBe(done.stepStates[1].finishedAt);
  });

  it('by default, the first failing step still stops the run', async () => {
    const plan = await savePlan(
      acceptPlan([
        [accounts['web-dev'], arns.invitations.partnerPki.webDev],
        [accounts.management, arns.invitations.partnerNetwork.management],
      ]),
      admin.email,
    );
    await applyPlan(plan.id, admin);
    expect((await runFinished(plan.id))!.stepStates.map((s) => s.status)).toEqual(['failed', 'not-run']);
  });

  it('refuses independent steps that refer to each other', () => {
    const draft = acceptPlan([[accounts.management, arns.invitations.partnerNetwork.management]], true);
    draft.steps.push({ ...draft.steps[0], input: { resourceShareInvitationArn: outputOf(0, 'resourceShareInvitation.resourceShareInvitationArn', 'ARN') } });
    expect(() => checkPlan(draft)).toThrow(PlanError);
    expect(() => checkPlan(draft)).toThrow('Step 2 refers to an earlier step, but this plan');
  });
});
