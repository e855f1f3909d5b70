// Expiry events for whoever listens (the requests' notifications): process-wide, since the scheduler and the
// pages may load separate copies of this module (lib/cache/process.ts). Only the process that did the work emits,
// so each event goes out once across every console process.
import { processWide } from '../cache/process';
import { errorReason, log } from '../log';

export interface ExpiryEvent {
  type: 'expiring-soon' | 'expired' | 'revoked' | 'revocation-failed';
  /** The plan whose access ends. */
  planId: string;
  requestId?: string;
  /** Epoch ms on the AWS clock. */
  deadline: number;
  /** The inverse plan applied (or tried). */
  inversePlanId?: string;
  detail?: string;
}

type Listener = (event: ExpiryEvent) => void | Promise<void>;

const listeners = processWide('expiry-listeners', () => new Set<Listener>());

export function onExpiryEvent(listener: Listener): void {
  listeners.add(listener);
}

/** Hands the event to every listener; a listener's failure is logged and never stops the expiry. */
export async function emitExpiryEvent(event: ExpiryEvent): Promise<void> {
  await Promise.all(
    [...listeners].map(async (listener) => {
      try {
        await listener(event);
      } catch (error) {
        log('warn', 'an expiry event listener failed', { type: event.type, planId: event.planId, reason: errorReason(error) });
      }
    }),
  );
}
