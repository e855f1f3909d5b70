'use client';
// Step 3, "Grant access to principals": whether principals outside the organization are allowed (off by
// default; off and disabled, with the reason, when a type in the share can only be shared inside the
// organization), then the principals.
import { useCallback, useMemo, useState } from 'react';
import { Alert, Card, Field, inputClass } from '@/components/ui';
import { StepFooter, useAutosave, useStepSubmit, type SaveTyped } from '@/components/wizard';
import type { ResourceTypeInfo } from '@/lib/ram/resource-types';
import { CREATE_PATH, stepHref } from './href';
import { PrincipalPicker, type PrincipalEntry, type PrincipalTreeProps } from './PrincipalPicker';
import type { CheckPrincipal, ActionResult, SelectedPrincipal } from './types';

type Principals = { allowExternalPrincipals: boolean; principals: SelectedPrincipal[]; sources?: string[] };

export interface PrincipalsStepProps {
  draftId: string;
  types: ResourceTypeInfo[];
  initial: Principals;
  /** A principal typed but not yet added, as last saved. */
  initialEntry?: PrincipalEntry;
  tree?: PrincipalTreeProps;
  treeUnavailable?: React.ReactNode;
  check: CheckPrincipal;
  saveTyped: SaveTyped<Principals & { entry?: PrincipalEntry }>;
  save: (input: { draftId: string; principals: Principals }) => Promise<ActionResult<string>>;
  /** Where the wizard lives (create or modify). */
  path?: string;
}

export function PrincipalsStep({ draftId, types, initial, initialEntry, tree, treeUnavailable, check, saveTyped, save, path = CREATE_PATH }: PrincipalsStepProps) {
  const hrefOf = useCallback((id: string) => stepHref(id, 3, path), [path]);
  const orgOnly = types.filter((t) => !t.outsideOrganization);
  const [allow, setAllow] = useState(initial.allowExternalPrincipals && orgOnly.length === 0);
  const [principals, setPrincipals] = useState(initial.principals);
  const allowExternalPrincipals = allow && orgOnly.length === 0;
  const [entry, setEntry] = useState(initialEntry);
  const [sourcesText, setSourcesText] = useState((initial.sources ?? []).join('\n'));
  const sources = useMemo(() => sourcesText.split('\n').map((v) => v.trim()).filter(Boolean), [sourcesText]);
  const value = useMemo(() => ({ allowExternalPrincipals, principals, ...(sources.length ? { sources } : {}) }), [allowExternalPrincipals, principals, sources]);
  const typed = useMemo(() => ({ ...value, ...(entry && { entry }) }), [value, entry]);
  const autosave = useAutosave(typed, saveTyped, hrefOf, draftId);
  const { submit, pending, error, errorsOf } = useStepSubmit(save, 'principals');
  return (
    <div className="flex flex-col gap-6">
      <Card title="Principals">
        <label className="mb-1 flex items-center gap-2 text-sm font-medium text-slate-800">
          <input
            type="checkbox"
            checked={allowExternalPrincipals}
            disabled={orgOnly.length > 0}
            aria-describedby="external-note"
            onChange={(e) => setAllow(e.target.checked)}
          />
          Allow principals outside your organization
        </label>
        <p id="external-note" className="mb-4 text-xs text-slate-600" data-testid="external-note">
          {orgOnly.length > 0
            ? `Off: ${orgOnly.map((t) => `${t.label} (${t.resourceType})`).join(', ')} can only be shared within your organization, so this share can never reach outside it.`
            : 'Off by default: only accounts, OUs and the organization itself can be added. When on, an account outside the organization gets an invitation; access starts when it accepts.'}
        </p>
        {allowExternalPrincipals && (
          <div className="mb-4">
            <Alert tone="warning">Outside principals are allowed: anyone given an account ID here can use these resources once they accept the invitation.</Alert>
          </div>
        )}
        <PrincipalPicker
          selected={principals}
          onChange={setPrincipals}
          check={(type, v, selected) => check({ draftId, type, value: v, allowExternalPrincipals, selected })}
          tree={tree}
          treeUnavailable={treeUnavailable}
          errors={errorsOf('principals')}
          initialEntry={initialEntry}
          onEntryChange={setEntry}
        />
      </Card>
      <Card title="Source constraints (service principals)">
        <Field
          label="Sources, one a line"
          htmlFor="share-sources"
          hint="Where a service principal in this share may use its resources from (confused deputy protection): an account ID, an ARN, an organization ID (o-…) or an organization path (o-…/r-…/ou-…/). Only with a service principal; checked on the server."
          error={errorsOf('sources')}
        >
          <textarea id="share-sources" className={`${inputClass} font-mono`} rows={3} value={sourcesText} onChange={(e) => setSourcesText(e.target.value)} />
        </Field>
      </Card>
      <StepFooter
        error={error}
        pending={pending}
        autosave={autosave}
        backHref={stepHref(draftId, 2, path)}
        nextLabel="Next"
        onNext={() => submit(async () => ({ draftId: (await autosave.flush()) ?? draftId, principals: value }))}
      />
    </div>
  );
}
