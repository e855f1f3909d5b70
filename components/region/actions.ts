'use server';
// The Region selector's action: choosing a Region is a view preference (allowed to viewers), kept in a cookie.
import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { config } from '@/lib/config';
import { requireUser } from '@/lib/auth/guard';
import { REGION_COOKIE } from '@/lib/region';

export async function chooseRegion(region: string): Promise<void> {
  await requireUser();
  const parsed = z.enum(config().regions as [string, ...string[]]).safeParse(region);
  if (!parsed.success) return;
  (await cookies()).set(REGION_COOKIE, parsed.data, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 365 * 24 * 3600 });
  revalidatePath('/', 'layout');
}
