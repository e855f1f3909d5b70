'use server';
// Settings' change: enabling RAM sharing with AWS Organizations (admins only; audited).
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { adminAction, type ActionResult } from '@/lib/actions';
import { invalidateConsoleContext } from '@/lib/aws/identity';
import { enableSharingWithOrganization } from '@/lib/sharing';

const enable = adminAction({
  action: 'ram:EnableSharingWithAwsOrganization',
  input: z.object({}).strict(),
  async run(_input, ctx) {
    const { returnValue, requestId } = await enableSharingWithOrganization(ctx.region);
    return { result: { returnValue }, requestId };
  },
});

export async function enableSharing(input: unknown): Promise<ActionResult<{ returnValue: boolean }>> {
  const result = await enable(input);
  if (result.ok) {
    invalidateConsoleContext();
    revalidatePath('/', 'layout');
  }
  return result;
}
