// A plan's progress as JSON, read from the store alone (no AWS call), so the plan page can watch a run cheaply
// and re-render only when a step's status changes.
import { NextResponse } from 'next/server';
import { currentUser } from '@/lib/auth/guard';
import { getPlan } from '@/lib/plan/store';
import { progressSignature } from '@/lib/plan/progress';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (!(await currentUser())) return NextResponse.json({ error: 'Not signed in: sign in again.' }, { status: 401 });
  const plan = await getPlan((await params).id);
  if (!plan) return NextResponse.json({ error: 'No such plan.' }, { status: 404 });
  return NextResponse.json({ status: plan.status, signature: progressSignature(plan) }, { headers: { 'cache-control': 'no-store' } });
}
