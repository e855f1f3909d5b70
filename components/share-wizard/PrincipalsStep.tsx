'use client';
// Step 3, "Grant access to principals": whether principals outside the organization are allowed (on by
// default, as in the RAM console; organization-only types said next to it), then the principals.
import { useState } from 'react';
import { Card } from '@/components/ui';
import type { ResourceTypeInfo } from '@/lib/ram/resource-types';
import { PrincipalPicker, type PrincipalTreeProps } from './PrincipalPicker';
import type { CheckPrincipal, ActionResult, SelectedPrincipal } from './types';
import { StepFooter } from './StepFooter';
import { useStepSave } from './use-step-save';

export interface PrincipalsStepProps {
  draftId: string;
  types: ResourceTypeInfo[];
  initial: { allowExternalPrincipals: boolean; principals: SelectedPrincipal[] };
  tree?: PrincipalTreeProps;
  treeUnavailable?: React.ReactNode;
  check: CheckPrincipal;
  save: (input: { draftId: string; principals: { allowExternalPrincipals: boolean; principals: SelectedPrincipal[] } }) => Promise<ActionResult<number>>;
}

export function PrincipalsStep({ draftId, types, initial, tree, treeUnavailable, check, save }: PrincipalsStepProps) {
  const [allowExternalPrincipals, setAllow] = useState(initial.allowExternalPrincipals);
  const [principals, setPrincipals] = useState(initial.principals);
  const { submit, pending, error, errorsOf } = useStepSave(draftId, save, 'principals');
  const orgOnly = types.filter((t) => !t.outsideOrganization);
  return (
    <div className="flex flex-col gap-6">
      <Card title="Principals">
        <label className="mb-1 flex items-center gap-2 text-sm font-medium text-slate-800">
          <input type="checkbox" checked={allowExternalPrincipals} onChange={(e) => setAllow(e.target.checked)} />
          Allow sharing with principals outside your organization
        </label>
        <p className="mb-4 text-xs text-slate-600" data-testid="external-note">
          {orgOnly.length > 0
            ? `${orgOnly.map((t) => `${t.label} (${t.resourceType})`).join(', ')} can only be shared within your organization: accounts outside it are refused for this share whatever this says.`
            : 'Accounts outside the organization get an invitation; access starts when they accept it.'}
        </p>
        <PrincipalPicker
          selected={principals}
          onChange={setPrincipals}
          check={(type, value, selected) => check({ draftId, type, value, allowExternalPrincipals, selected })}
          tree={tree}
          treeUnavailable={treeUnavailable}
          errors={errorsOf('principals')}
        />
      </Card>
      <StepFooter error={error} pending={pending} onNext={() => submit({ draftId, principals: { allowExternalPrincipals, principals } })} />
    </div>
  );
}
