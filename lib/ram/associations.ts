// RAM associations are asynchronous (ASSOCIATING → ASSOCIATED or FAILED, DISASSOCIATING → DISASSOCIATED):
// after a change, wait with backoff until the ones it touched settle, within a bound, and say how they stood.
import { setTimeout as sleep } from 'node:timers/promises';
import { paginateGetResourceShareAssociations, type RAMClient, type ResourceShareAssociation } from '@aws-sdk/client-ram';
import type { SettledState } from '../plan/types';

const TRANSIENT = new Set(['ASSOCIATING', 'DISASSOCIATING']);

/** Every association of one share, principals and resources. */
export async function shareAssociations(ram: RAMClient, resourceShareArn: string): Promise<ResourceShareAssociation[]> {
  const out: ResourceShareAssociation[] = [];
  for (const associationType of ['PRINCIPAL', 'RESOURCE'] as const) {
    for await (const page of paginateGetResourceShareAssociations({ client: ram }, { associationType, resourceShareArns: [resourceShareArn] })) {
      out.push(...(page.resourceShareAssociations ?? []));
    }
  }
  return out;
}

// A principal outside the organization stays ASSOCIATING until it accepts its invitation: that is settled
// as far as the sharing account can take it.
const isSettled = (a: ResourceShareAssociation) => !TRANSIENT.has(a.status ?? '') || (a.status === 'ASSOCIATING' && a.external === true);

/** Waits until the associations of `entities` (ARNs, account/OU/org IDs) on the share have settled. */
export async function waitForAssociations(ram: RAMClient, resourceShareArn: string, entities: string[], boundMs: number): Promise<SettledState> {
  const started = Date.now();
  const wanted = new Set(entities);
  let delay = 250;
  for (;;) {
    const touched = (await shareAssociations(ram, resourceShareArn)).filter((a) => wanted.has(a.associatedEntity ?? ''));
    const complete = touched.every(isSettled);
    const waitedMs = Date.now() - started;
    if (complete || waitedMs + delay > boundMs) {
      return {
        complete,
        waitedMs,
        items: touched.map((a) => ({
          id: a.associatedEntity ?? '',
          kind: a.associationType === 'RESOURCE' ? 'resource' : 'principal',
          status: a.status === 'ASSOCIATING' && a.external ? 'ASSOCIATING (invitation sent)' : (a.status ?? 'UNKNOWN'),
          statusMessage: a.statusMessage,
          external: a.external,
        })),
      };
    }
    await sleep(delay);
    delay = Math.min(Math.round(delay * 1.6), 3_000);
  }
}
