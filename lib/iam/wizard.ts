// The /roles/new wizard's state, kept in the URL so a reload (or a link sent to a colleague) keeps every
// choice: parsed from the query, turned into the request the plan is built from, and carried between steps.
import type { z } from 'zod';
import { accessRequestSchema } from './validation';

export const WIZARD_STEPS = ['who', 'where', 'conditions', 'review'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

/** Query parameter → value; `pol` (managed policies) may repeat. */
export interface WizardState {
  step: WizardStep;
  sa?: string;
  sp?: string;
  da?: string;
  rk?: 'new' | 'existing';
  rn?: string;
  rp?: string;
  rd?: string;
  pol: string[];
  hrs?: string;
  extOn?: string;
  ext?: string;
  mfa?: string;
  org?: string;
  tag?: string;
  sid?: string;
  /** Searches: source principals, destination roles/policies. */
  sq?: string;
  pq?: string;
}

const SINGLE = ['sa', 'sp', 'da', 'rk', 'rn', 'rp', 'rd', 'hrs', 'extOn', 'ext', 'mfa', 'org', 'tag', 'sid', 'sq', 'pq'] as const;

export function wizardState(params: Record<string, string | string[] | undefined>): WizardState {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
  const step = first(params.step) as WizardStep | undefined;
  const state: WizardState = { step: step && WIZARD_STEPS.includes(step) ? step : 'who', pol: [params.pol ?? []].flat().filter(Boolean) };
  for (const key of SINGLE) (state as unknown as Record<string, string | undefined>)[key] = first(params[key]);
  if (state.rk !== 'new' && state.rk !== 'existing') state.rk = undefined;
  return state;
}

/** The query string of `state` with `changes`, for links and for the hidden fields of each step's form. */
export function wizardQuery(state: WizardState, changes: Partial<WizardState> = {}): URLSearchParams {
  const next = { ...state, ...changes };
  const query = new URLSearchParams();
  query.set('step', next.step);
  for (const key of SINGLE) if (next[key]) query.set(key, next[key]!);
  for (const arn of next.pol) query.append('pol', arn);
  return query;
}

/** The request as the plan action receives it (validated there again). */
export function wizardRequest(state: WizardState) {
  return {
    source: { accountId: state.sa ?? '', principal: state.sp ?? '' },
    destination: {
      accountId: state.da ?? '',
      role:
        state.rk === 'existing'
          ? { kind: 'existing' as const, name: state.rn ?? '' }
          : { kind: 'new' as const, name: state.rn ?? '', path: state.rp || '/', description: state.rd || undefined, managedPolicyArns: state.pol, maxSessionHours: Number(state.hrs ?? 1) },
    },
    conditions: {
      externalId: state.extOn ? state.ext : undefined,
      requireMfa: !!state.mfa,
      restrictToOrganization: !!state.org,
      allowTagSession: !!state.tag,
      allowSetSourceIdentity: !!state.sid,
    },
  };
}

/** Field errors by step: the first step with errors is where the wizard sends the admin back to. */
export function wizardErrors(state: WizardState): Partial<Record<WizardStep, Record<string, string[]>>> {
  const parsed = accessRequestSchema.safeParse(wizardRequest(state));
  if (parsed.success) return {};
  const out: Partial<Record<WizardStep, Record<string, string[]>>> = {};
  for (const issue of (parsed.error as z.ZodError).issues) {
    const path = issue.path.join('.');
    const step: WizardStep = path.startsWith('source') ? 'who' : path.startsWith('destination') ? 'where' : 'conditions';
    ((out[step] ??= {})[path] ??= []).push(issue.message);
  }
  return out;
}
