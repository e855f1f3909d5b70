'use client';
// Step 2, "Associate managed permissions": per resource type in the share, the managed permissions RAM
// offers for it, the default preselected; each expands to the actions its policy template allows.
import { useCallback, useState } from 'react';
import { Badge, Card } from '@/components/ui';
import type { ManagedPermissionChoice } from '@/lib/ram/permissions';
import type { ResourceTypeInfo } from '@/lib/ram/resource-types';
import { StepFooter, useAutosave, useStepSubmit, type SaveTyped } from '@/components/wizard';
import { CREATE_PATH, stepHref } from './href';
import type { ActionResult } from './types';

export interface PermissionsStepProps {
  draftId: string;
  types: { type: ResourceTypeInfo; permissions: ManagedPermissionChoice[] }[];
  initial: Record<string, string>;
  saveTyped: SaveTyped<Record<string, string>>;
  save: (input: { draftId: string; permissions: Record<string, string> }) => Promise<ActionResult<string>>;
  /** Where the wizard lives (create or modify). */
  path?: string;
}

export function PermissionsStep({ draftId, types, initial, saveTyped, save, path = CREATE_PATH }: PermissionsStepProps) {
  const hrefOf = useCallback((id: string) => stepHref(id, 2, path), [path]);
  const [chosen, setChosen] = useState<Record<string, string>>(() =>
    Object.fromEntries(types.map(({ type, permissions }) => [type.resourceType, initial[type.resourceType] ?? permissions.find((p) => p.isDefault)?.arn ?? permissions[0]?.arn ?? ''])),
  );
  const autosave = useAutosave(chosen, saveTyped, hrefOf, draftId);
  const { submit, pending, error, errorsOf } = useStepSubmit(save, 'permissions');
  return (
    <form
      className="flex flex-col gap-6"
      onSubmit={(e) => {
        e.preventDefault();
        submit(async () => ({ draftId: (await autosave.flush()) ?? draftId, permissions: chosen }));
      }}
    >
      {types.map(({ type, permissions }) => (
        <Card key={type.resourceType} title={`${type.label} (${type.resourceType})`} testId={`permissions-${type.resourceType}`}>
          {permissions.length === 1 ? (
            <p className="mb-2 text-sm text-slate-700">RAM offers one managed permission for this type: it is chosen, nothing to do.</p>
          ) : (
            <p className="mb-2 text-sm text-slate-700">Choose what principals may do with these resources.</p>
          )}
          <fieldset className="flex flex-col gap-3">
            <legend className="sr-only">Managed permission for {type.resourceType}</legend>
            {permissions.map((p) => (
              <div key={p.arn} className="rounded border border-slate-200 p-3 text-sm">
                <label className="flex items-center gap-2">
                  <input
                    type="radio"
                    name={`permission-${type.resourceType}`}
                    value={p.arn}
                    checked={chosen[type.resourceType] === p.arn}
                    disabled={permissions.length === 1}
                    onChange={() => setChosen((c) => ({ ...c, [type.resourceType]: p.arn }))}
                  />
                  <span className="font-medium">{p.name}</span>
                  <span className="text-xs text-slate-500">version {p.version}</span>
                  {p.isDefault && <Badge tone="sky">Default</Badge>}
                  <Badge tone={p.permissionType === 'CUSTOMER_MANAGED' ? 'amber' : 'slate'}>{p.permissionType === 'CUSTOMER_MANAGED' ? 'Customer managed' : 'AWS managed'}</Badge>
                </label>
                <details className="mt-2">
                  <summary className="cursor-pointer text-xs text-sky-700">Actions it allows ({p.actions.length})</summary>
                  <ul className="mt-1 grid gap-x-4 font-mono text-xs md:grid-cols-2">
                    {p.actions.map((a) => (
                      <li key={a}>{a}</li>
                    ))}
                  </ul>
                  {p.condition && <p className="mt-1 font-mono text-xs text-slate-600">Condition: {p.condition}</p>}
                </details>
              </div>
            ))}
          </fieldset>
          {errorsOf(type.resourceType).map((m) => (
            <p key={m} role="alert" className="mt-2 text-xs text-red-700">
              {m}
            </p>
          ))}
        </Card>
      ))}
      <StepFooter error={error} pending={pending} autosave={autosave} backHref={stepHref(draftId, 1, path)} />
    </form>
  );
}
