// The Region the signed-in browser works in: a cookie set by the header's selector, else the configured default.
import { cookies } from 'next/headers';
import { config } from './config';

export const REGION_COOKIE = 'crossing-region';

export async function currentRegion(): Promise<string> {
  const chosen = (await cookies()).get(REGION_COOKIE)?.value;
  return chosen && config().regions.includes(chosen) ? chosen : config().region;
}
