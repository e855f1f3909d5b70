// Test and benchmark helper: an OrganizationsClient for a sandbox that records every HTTP attempt
// (operation, items, NextToken, answer) and the most attempts ever in flight at once.
import { OrganizationsClient } from '@aws-sdk/client-organizations';

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

export function recordingClient(config: ConstructorParameters<typeof OrganizationsClient>[0] & object): RecordingClient {
  const client = new OrganizationsClient(config);
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
