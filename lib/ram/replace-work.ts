// ReplacePermissionAssociations is asynchronous: its work is IN_PROGRESS until every share has moved, then
// COMPLETED (or FAILED). Wait with backoff within a bound and say how it stood.
import { setTimeout as sleep } from 'node:timers/promises';
import { ListReplacePermissionAssociationsWorkCommand, type RAMClient } from '@aws-sdk/client-ram';
import type { SettledState } from '../plan/types';

export async function waitForReplaceWork(ram: RAMClient, workId: string, boundMs: number): Promise<SettledState> {
  const started = Date.now();
  let delay = 250;
  for (;;) {
    const out = await ram.send(new ListReplacePermissionAssociationsWorkCommand({ workIds: [workId] }));
    const work = out.replacePermissionAssociationsWorks?.[0];
    const status = work?.status ?? 'UNKNOWN';
    const complete = status === 'COMPLETED' || status === 'FAILED';
    const waitedMs = Date.now() - started;
    if (complete || waitedMs + delay > boundMs) {
      return { complete, waitedMs, items: [{ id: workId, kind: 'replace-permission-work', status, statusMessage: work?.statusMessage }] };
    }
    await sleep(delay);
    delay = Math.min(Math.round(delay * 1.6), 3_000);
  }
}
