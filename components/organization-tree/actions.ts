'use server';
// The organization tree's actions (allowed to viewers): children of opened nodes, search, SCPs, refresh.
import { z } from 'zod';
import { requireUser } from '@/lib/auth/guard';
import { explainAwsError } from '@/lib/aws/errors';
import { getConsoleContext } from '@/lib/aws/identity';
import {
  childViews,
  ensureChildren,
  getOrganizationSnapshot,
  listServiceControlPolicies,
  refreshOrganizationSnapshot,
  searchOrganization,
  type OrgNodeView,
  type TargetPolicies,
} from '@/lib/organizations';
import { organizationAccessProblem, organizationsClient, organizationSource, snapshotInfo } from '@/lib/organizations/snapshot-source';
import type { ActionResult, SearchHits, SnapshotInfo } from './types';

const parentId = z.string().regex(/^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/);
const targetId = z.string().regex(/^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|\d{12})$/);

async function withSource<T>(operation: string, run: (source: Awaited<ReturnType<typeof organizationSource>>) => Promise<T>): Promise<ActionResult<T>> {
  await requireUser();
  let ctx;
  try {
    ctx = await getConsoleContext();
  } catch (error) {
    return { ok: false, error: explainAwsError(error, { operation: 'sts:GetCallerIdentity' }) };
  }
  const problem = organizationAccessProblem(ctx);
  if (problem) return { ok: false, error: problem };
  try {
    return { ok: true, data: await run(await organizationSource(ctx)) };
  } catch (error) {
    return { ok: false, error: explainAwsError(error, { operation, accountId: ctx.accountId }) };
  }
}

export async function loadChildrenAction(parentIds: string[]): Promise<ActionResult<Record<string, OrgNodeView[]>>> {
  const parsed = z.array(parentId).max(2_000).safeParse(parentIds);
  if (!parsed.success) return { ok: false, error: 'Invalid parent IDs.' };
  return withSource('organizations:ListAccountsForParent', async (source) => {
    const out: Record<string, OrgNodeView[]> = {};
    await Promise.all(
      parsed.data.map(async (id) => {
        const views = childViews(await ensureChildren(source, id), id);
        if (views) out[id] = views;
      }),
    );
    return out;
  });
}

export async function searchAction(query: string): Promise<ActionResult<SearchHits>> {
  const parsed = z.string().max(200).safeParse(query);
  if (!parsed.success) return { ok: false, error: 'Search text is too long.' };
  return withSource('organizations:ListAccountsForParent', async (source) => {
    const { snapshot } = await getOrganizationSnapshot(source);
    return { ...searchOrganization(snapshot, parsed.data), complete: snapshot.complete };
  });
}

export async function loadPoliciesAction(target: string): Promise<ActionResult<TargetPolicies>> {
  const parsed = targetId.safeParse(target);
  if (!parsed.success) return { ok: false, error: 'Invalid target ID.' };
  return withSource('organizations:ListPoliciesForTarget', () => listServiceControlPolicies(organizationsClient(), parsed.data));
}

export async function refreshAction(): Promise<ActionResult<SnapshotInfo>> {
  return withSource('organizations:ListAccountsForParent', async (source) => {
    const status = refreshOrganizationSnapshot(source) ?? (await getOrganizationSnapshot(source));
    return snapshotInfo(status);
  });
}

export async function statusAction(): Promise<ActionResult<SnapshotInfo>> {
  return withSource('organizations:ListAccountsForParent', async (source) => snapshotInfo(await getOrganizationSnapshot(source)));
}
