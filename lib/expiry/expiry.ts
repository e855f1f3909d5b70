// SEAM (replaced by the expiry work before it lands): the contract between access requests (lib/requests) and
// access that ends by itself (lib/expiry). Requests call these; lib/expiry implements them.
import type { StoredPlan } from '../plan/types';

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

export interface ExpiryState {
  planId: string;
  requestId?: string;
  deadline: number;
  state: 'active' | 'revoking' | 'revoked' | 'failed';
  inversePlanId?: string;
  error?: string;
}

/** Whether this plan grants access that a duration can take back (its kind has an inverse for it). */
export function grantsAccess(_plan: StoredPlan): boolean {
  return false;
}

/** After a successful run of a time-bound plan: records its inverse and its deadline (now on the AWS clock + duration). */
export async function scheduleExpiry(_args: { plan: StoredPlan; durationMs: number; requestId?: string; by: string }): Promise<ExpiryState> {
  throw new Error('Access that ends by itself is not built yet.');
}

export async function expiryOf(_planId: string): Promise<ExpiryState | undefined> {
  return undefined;
}

/** Ends the access now (the requester or an admin), applying the inverse plan. */
export async function revokeNow(_planId: string, _by: string): Promise<ExpiryState> {
  throw new Error('Access that ends by itself is not built yet.');
}

/** Subscribes to expiry events (the requests' notifications). */
export function onExpiryEvent(_listener: (event: ExpiryEvent) => void | Promise<void>): void {}
