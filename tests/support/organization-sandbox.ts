// Test and benchmark helpers: the console's own Organizations client (lib/aws/clients.ts, configured
// from the environment as npm start configures it) pointed at a sandbox, and a recorder of every HTTP
// attempt it makes (operation, items, NextToken, answer) and of the most attempts ever in flight at once.
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { getClient, resetAwsAccess } from '../../lib/aws/clients';
import { config } from '../../lib/config';

export interface Attempt {
  operation: string;
  items?: number;
  nextToken?: boolean;
  error?: string;
}

export interface RecordingClient {
  client: OrganizationsClient;
  attempts: Attempt[];
  maxInFlight: () => number;
}

/**
 * Sets the environment the console reads its AWS settings from to this sandbox and its console identity.
 * config() reads the environment once per process, so one endpoint per test file; the identity may change.
 */
export function pointAtSandbox(endpoint: string, credentials: { accessKeyId: string; secretAccessKey: string }): void {
  Object.assign(process.env, {
    CROSSING_MODE: 'sandbox',
    AWS_ENDPOINT_URL: endpoint,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_REGION: 'us-east-1',
  });
  for (const name of ['AWS_SESSION_TOKEN', 'AWS_PROFILE']) delete process.env[name];
  if (config().endpoint !== endpoint) throw new Error(`this process already uses the endpoint ${config().endpoint}`);
  resetAwsAccess();
}

/** A new console Organizations client (getClient after a reset: the recorder must see only its own attempts). */
export function recordingClient(): RecordingClient {
  resetAwsAccess();
  const client = getClient(OrganizationsClient);
  const attempts: Attempt[] = [];
  let inFlight = 0;
  let max = 0;
  // The deserialize step runs once per HTTP attempt, inside the SDK's retry loop.
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const attempt: Attempt = { operation: String(context.commandName).replace(/Command$/, '') };
      attempts.push(attempt);
      inFlight++;
      max = Math.max(max, inFlight);
      try {
        const result = await next(args);
        const output = (result.output ?? {}) as unknown as Record<string, unknown>;
        const list = Object.values(output).find(Array.isArray) as unknown[] | undefined;
        attempt.items = list?.length;
        attempt.nextToken = !!output.NextToken;
        return result;
      } catch (error) {
        attempt.error = (error as Error).name;
        throw error;
      } finally {
        inFlight--;
      }
    },
    { step: 'deserialize', name: 'crossingRecordAttempts', priority: 'high' },
  );
  return { client, attempts, maxInFlight: () => max };
}
