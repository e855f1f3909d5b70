'use client';
// Step "conditions": ExternalId (recommended, and on by default, for a source outside the organization; its
// box empty and disabled while unticked), MFA, the organization, session tags and source identity.
import { useState } from 'react';
import { Card, Field, inputClass } from '@/components/ui';
import { StepFooter, useAutosave, useStepSubmit, type SaveTyped } from '@/components/wizard';
import type { ActionResult } from '@/lib/server-actions';
import type { TypedRoleStep } from '@/lib/iam/wizard';
import { roleStepHref } from '@/lib/iam/wizard-steps';

type Conditions = TypedRoleStep<'conditions'>;

export interface ConditionsStepProps {
  draftId: string;
  initial: Conditions;
  /** The initial values are the server's suggestion, not yet in the draft. */
  suggested: boolean;
  /** The source is outside the organization. */
  outside: boolean;
  /** The source is a role (role chaining). */
  roleSource: boolean;
  saveTyped: SaveTyped<Conditions>;
  save: (input: { draftId: string; conditions: Conditions }) => Promise<ActionResult<string>>;
}

const hrefOf = (draftId: string) => roleStepHref(draftId, 'conditions');

/** A fresh ExternalId: 24 hexadecimal digits from the browser's CSPRNG. */
function newExternalId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function ConditionsStep({ draftId, initial, suggested, outside, roleSource, saveTyped, save }: ConditionsStepProps) {
  const [value, setValue] = useState(initial);
  const autosave = useAutosave(value, saveTyped, hrefOf, draftId, suggested);
  const { submit, pending, error, errorsOf } = useStepSubmit(save, 'conditions');
  const set = (patch: Partial<Conditions>) => setValue((v) => ({ ...v, ...patch }));
  const toggle = (key: 'requireMfa' | 'restrictToOrganization' | 'allowTagSession' | 'allowSetSourceIdentity', label: string) => (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" checked={value[key]} onChange={(e) => set({ [key]: e.target.checked })} /> {label}
    </label>
  );
  const externalError = errorsOf('externalId');
  return (
    <form
      className="flex flex-col gap-4"
      data-testid="step-conditions"
      onSubmit={(e) => {
        e.preventDefault();
        submit(async () => ({ draftId: (await autosave.flush()) ?? draftId, conditions: value }));
      }}
    >
      <Card>
        <div className="flex flex-col gap-3">
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={value.externalIdOn}
              onChange={(e) => set(e.target.checked ? { externalIdOn: true, externalId: value.externalId || newExternalId() } : { externalIdOn: false, externalId: '' })}
            />{' '}
            Require an ExternalId{outside ? ' (recommended: the source is outside the organization)' : ''}
          </label>
          <Field
            label="ExternalId"
            htmlFor="external-id"
            hint="2–1,224 characters: letters, digits and + = , . @ : / _ -. Give it to the source; it is not a secret."
            error={externalError.length ? externalError : undefined}
          >
            <input
              id="external-id"
              className={inputClass}
              value={value.externalIdOn ? value.externalId : ''}
              disabled={!value.externalIdOn}
              aria-invalid={externalError.length > 0}
              onChange={(e) => set({ externalId: e.target.value })}
            />
          </Field>
          {toggle('requireMfa', 'Require MFA (aws:MultiFactorAuthPresent)')}
          {!outside && toggle('restrictToOrganization', 'Only while the source is in this organization (aws:PrincipalOrgID)')}
          {toggle('allowTagSession', 'Allow session tags (sts:TagSession)')}
          {toggle('allowSetSourceIdentity', 'Allow a source identity (sts:SetSourceIdentity)')}
          <ul className="list-disc pl-5 text-sm text-slate-600">
            {roleSource && <li>The source is a role (role chaining): sessions last at most 1 hour and cannot be used from the AWS console.</li>}
            <li>A role that requires an ExternalId cannot be used with the console&apos;s switch-role: only from the CLI and SDKs.</li>
          </ul>
        </div>
      </Card>
      <StepFooter error={error} pending={pending} autosave={autosave} backHref={roleStepHref(draftId, 'where')} nextLabel="Next: review" />
    </form>
  );
}
