// Protects the findings' fix plans and the move preview against the sandbox (demo seed), through the code that ships: each finding kind is found, each fix plan applied is gone when IAM, RAM and Organizations are read again, and what the preview says a move changes is what the organization shows after the move.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type TestSandbox } from '../../sandbox/testing';
import { DEMO } from '../../sandbox/seeds/demo-ids';
import { useConsoleEnv } from '../../tests/support/console-env';
import { getConsoleContext, type ConsoleContext } from '../aws/identity';
import { applyPlan, readBack, runFinished } from '../changes/registry';
import { completeIamSnapshot, refreshIamOf } from '../iam/snapshot-store';
import { iamSnapshotSource } from '../iam/snapshot-source';
import { completeSnapshot, forgetOrganizationSnapshots } from '../organizations/cache';
import { moveAccount } from '../organizations/move-account';
import { organizationSource } from '../organizations/snapshot-source';
import { savePlan } from '../plan/store';
import type { PlanDraft } from '../plan/types';
import { completeShareSnapshot, refreshShareSnapshot } from '../ram/snapshot';
import { shareSnapshotSource } from '../ram/snapshot-source';
import { computeFindings, EMPTY_ALLOWLIST, type Finding, type FindingKind } from './findings';
import { buildFixPlan } from './fix-plans';
import { previewMove } from './move';
import { accessOrganization } from './organization';
import { accountPaths, computeAccessPaths } from './paths';

const admin = { email: 'admin@example.com', name: 'Admin', role: 'admin' as const };
const A = DEMO.accounts;
let sb: TestSandbox;
let context: ConsoleContext;

beforeAll(async () => {
  sb = await startSandbox({ seed: 'demo' });
  useConsoleEnv(sb, 'crossing-findings-');
  context = await getConsoleContext();
}, 60_000);

afterAll(async () => {
  await sb?.close();
});

async function read(refreshRam = false) {
  const iam = await completeIamSnapshot(iamSnapshotSource(context));
  const organization = accessOrganization(await completeSnapshot(await organizationSource(context)));
  const shares = shareSnapshotSource(context);
  if (refreshRam) refreshShareSnapshot(shares);
  const ram = await completeShareSnapshot(shares);
  return { iam, organization, ram, index: computeAccessPaths({ iam, organization, ram }) };
}

async function findings(): Promise<Finding[]> {
  const { iam, index } = await read(true);
  return computeFindings({ index, iam, allowlist: { ...EMPTY_ALLOWLIST, lessTrustedOus: [DEMO.ouIds.Sandbox] }, acceptances: [], now: Date.now() });
}

async function apply(draft: PlanDraft) {
  const plan = await savePlan(draft, admin.email);
  await applyPlan(plan.id, admin);
  const finished = (await runFinished(plan.id))!;
  expect(finished.stepStates.map((s) => s.error ?? s.status)).toEqual(finished.steps.map(() => 'done'));
  return { plan: finished, readBack: await readBack(finished, context) };
}

const one = (all: Finding[], kind: FindingKind, text: string) => {
  const found = all.filter((f) => f.kind === kind && f.title.includes(text));
  expect(found, `${kind} ${text} among ${all.map((f) => f.title).join('; ')}`).toHaveLength(1);
  return found[0];
};

describe('findings on the demo organization, closed by their fix plans', () => {
  it('finds one of each kind', async () => {
    const all = await findings();
    one(all, 'missing-external-id', 'LegacyVendorAccess');
    one(all, 'not-allowlisted', 'LegacyVendorAccess');
    one(all, 'unused-outside-role', 'LegacyVendorAccess');
    one(all, 'open-trust', 'PublicReadOnly');
    one(all, 'deleted-principal', 'BuildCache');
    one(all, 'half-open-trust', 'BuildCache');
    one(all, 'broad-assume', 'experimenter');
    one(all, 'outside-share', 'vendor-egress');
    expect(all.filter((f) => f.kind === 'less-trusted-admin' && f.title.includes('SandboxAdmin')).length).toBeGreaterThan(0);
    // The vendor with an ExternalId is not a missing-ExternalId finding; the org-wide * trust is not an open one.
    expect(all.some((f) => f.kind === 'missing-external-id' && f.title.includes('PartnerMonitoring'))).toBe(false);
    expect(all.some((f) => f.kind === 'open-trust' && f.title.includes('OrgLogReader'))).toBe(false);
  }, 60_000);

  it('an ExternalId added to the vendor trust: the finding is gone once IAM is read again, and the ExternalId is handed over', async () => {
    const finding = one(await findings(), 'missing-external-id', 'LegacyVendorAccess');
    const draft = await buildFixPlan(finding.id, finding.fixes[0], context);
    const externalId = String((draft.context as { externalId?: string }).externalId);
    expect(externalId).toMatch(/^[\w-]{40,}$/);
    expect(draft.notes?.join('\n')).toContain(externalId);
    const { readBack: back } = await apply(draft);
    expect(back?.tone).toBe('success');
    expect(JSON.parse(back!.facts[0].value).Statement[0].Condition.StringEquals['sts:ExternalId']).toBe(externalId);
    expect((await findings()).some((f) => f.id === finding.id)).toBe(false);
  }, 60_000);

  it('the deleted principal taken out of the trust', async () => {
    const finding = one(await findings(), 'deleted-principal', 'BuildCache');
    const { readBack: back } = await apply(await buildFixPlan(finding.id, finding.fixes[0], context));
    expect(back?.tone).toBe('success');
    expect((await findings()).some((f) => f.id === finding.id)).toBe(false);
  }, 60_000);

  it('the share with the outside account disassociated', async () => {
    const finding = one(await findings(), 'outside-share', 'vendor-egress');
    await apply(await buildFixPlan(finding.id, finding.fixes[0], context));
    expect((await findings()).some((f) => f.id === finding.id)).toBe(false);
  }, 60_000);

  it('the unused vendor role deleted (its only trust cannot be removed)', async () => {
    const finding = one(await findings(), 'unused-outside-role', 'LegacyVendorAccess');
    await expect(buildFixPlan(finding.id, finding.fixes[0], context)).rejects.toThrow(/only principal/);
    const { readBack: back } = await apply(await buildFixPlan(finding.id, finding.fixes[1], context));
    expect(back?.tone).toBe('success');
    expect((await findings()).some((f) => f.title.includes('LegacyVendorAccess'))).toBe(false);
  }, 60_000);
});

describe('moving an account', () => {
  it('previews what sandbox-alice gains and loses by moving to Dev, and the organization agrees after the move', async () => {
    const before = await read();
    const dev = [...before.organization.accounts[A['web-dev']].parents];
    const preview = previewMove(before, A['sandbox-alice'], dev);
    expect(preview.scps.lost).toEqual(['DenyOrganizations']);
    expect(preview.toPath).toEqual(['Root', 'Workloads', 'Dev']);
    // Workloads' subnets are shared with the OU: the account reaches them after the move.
    expect(preview.shares.gained.map((s) => s.name)).toContain('workloads-subnets');

    const snapshot = await completeSnapshot(await organizationSource(context));
    const { readBack: back } = await apply(moveAccount.plan({ accountId: A['sandbox-alice'], destinationParentId: DEMO.ouIds.Dev }, snapshot));
    expect(back?.tone).toBe('success');
    forgetOrganizationSnapshots();
    await refreshIamOf(A['sandbox-alice']);
    const after = await read(true);
    expect(after.organization.accounts[A['sandbox-alice']].parents).toEqual(dev);
    const usable = (index: typeof after.index) => {
      const { inbound, outbound } = accountPaths(index, A['sandbox-alice']);
      return new Set([...inbound, ...outbound].filter((p) => p.status !== 'blocked').map((p) => `${p.id}|${p.status}`));
    };
    const was = usable(before.index);
    const now = usable(after.index);
    expect(preview.paths.gained.map((p) => `${p.id}|${p.status}`).sort()).toEqual([...now].filter((k) => !was.has(k)).sort());
    expect(preview.paths.lost.map((p) => `${p.id}|${p.status}`).sort()).toEqual([...was].filter((k) => !now.has(k)).sort());
  }, 90_000);
});
