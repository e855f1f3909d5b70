// The opening every console page shares: the signed-in user (or a redirect to sign in), the Region the
// browser works in, and where the console stands in AWS — or why that could not be read.
import { requireUser, type SignedInUser } from './auth/guard';
import { explainAwsError } from './aws/errors';
import { getConsoleContext, type ConsoleContext } from './aws/identity';
import { currentRegion } from './region';

export type ConsolePage =
  | { user: SignedInUser; region: string; context: ConsoleContext; error?: undefined }
  | { user: SignedInUser; region: string; context?: undefined; error: string };

export async function loadConsolePage(): Promise<ConsolePage> {
  const user = await requireUser();
  const region = await currentRegion();
  try {
    return { user, region, context: await getConsoleContext({ region }) };
  } catch (error) {
    return { user, region, error: explainAwsError(error, { operation: 'sts:GetCallerIdentity', region }) };
  }
}
