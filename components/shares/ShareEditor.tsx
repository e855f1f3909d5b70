'use client';
// A share's changes, each built into a plan on the server and opened for review (viewers may build plans to
// show an admin; applying is on the plan's page, for admins). Resources are picked with the create wizard's
// resource picker (the owner's resources listed from their own services), principals with its principal picker
// (the organization tree, or typed, each checked on the server with the wizard's rules); what the share already
// holds is marked there and not offered again. Removing has its own lists and buttons.
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { BuildPlanButton } from '@/components/plan/BuildPlanButton';
import { Card, ConfirmDialog, Field, inputClass } from '@/components/ui';
import type { ActionResult } from '@/lib/server-actions';
import type { PermissionChoice } from '@/lib/ram/permissions';
import type { PrincipalCheck, PrincipalType, SelectedPrincipal } from '@/lib/ram/principals';
import type { ShareEdit } from '@/lib/ram/share-edits';
import type { ResourceTypeInfo } from '@/lib/ram/resource-types';
import type { ShareRecord } from '@/lib/ram/snapshot';
import { PrincipalPicker, type PrincipalTreeProps } from '@/components/share-wizard/PrincipalPicker';
import { ResourcePicker } from '@/components/share-wizard/ResourcePicker';
import type { ListResources, PickedResource } from '@/components/share-wizard/types';

type Build = (input: { region: string; id: string; edit: unknown }) => Promise<ActionResult<string>>;

export type CheckSharePrincipal = (input: { region: string; id: string; type: PrincipalType; value: string; selected: SelectedPrincipal[] }) => Promise<ActionResult<PrincipalCheck>>;

/** What the share holds, with checkboxes to remove some (the name beside the ID where there is one), under its own button. */
function Remove({ legend, testId, items, plan }: { legend: string; testId: string; items: { id: string; name?: string }[]; plan: (chosen: string[]) => React.ReactNode }) {
  const [chosen, setChosen] = useState<string[]>([]);
  if (items.length === 0) return null;
  return (
    <div className="flex flex-col gap-2 border-t border-slate-200 pt-3">
      <fieldset className="flex flex-col gap-1 text-sm" data-testid={testId}>
        <legend className="mb-1 text-sm font-semibold text-slate-800">{legend}</legend>
        {items.map((item) => (
          <label key={item.id} className="flex items-center gap-2 break-all">
            <input type="checkbox" value={item.id} checked={chosen.includes(item.id)} onChange={(e) => setChosen(e.target.checked ? [...chosen, item.id] : chosen.filter((c) => c !== item.id))} />
            {item.name && <span className="font-medium">{item.name}</span>}
            <span className="font-mono text-xs">{item.id}</span>
          </label>
        ))}
      </fieldset>
      {plan(chosen)}
    </div>
  );
}

export interface ShareEditorProps {
  share: ShareRecord;
  ownerLabel: string;
  permissions: Record<string, PermissionChoice[]>;
  /** The types RAM offers in the share's account and Region (ListResourceTypes), for the resource picker. */
  resourceTypes: ResourceTypeInfo[];
  listResources: ListResources;
  /** ARN → name (Name tag) of the resources in the share, where their service has one. */
  resourceNames: Record<string, string>;
  /** Principal → name (account, OU, organization) of the principals in the share. */
  principalNames: Record<string, string>;
  /** The organization tree, when it can be offered; else why not. */
  tree?: PrincipalTreeProps;
  treeUnavailable?: React.ReactNode;
  checkPrincipal: CheckSharePrincipal;
  /** Labels of the share's types that can only be shared within the organization (then allowing outside principals changes nothing). */
  organizationOnly: string[];
  build: Build;
}

export function ShareEditor({ share, ownerLabel, permissions, resourceTypes, listResources, resourceNames, principalNames, tree, treeUnavailable, checkPrincipal, organizationOnly, build }: ShareEditorProps) {
  const router = useRouter();
  const [addResources, setAddResources] = useState<PickedResource[]>([]);
  const [addPrincipals, setAddPrincipals] = useState<SelectedPrincipal[]>([]);
  const [name, setName] = useState(share.name);
  const [tagKey, setTagKey] = useState('');
  const [tagValue, setTagValue] = useState('');
  const [chosenPermission, setChosenPermission] = useState<Record<string, string>>(Object.fromEntries(share.permissions.map((p) => [p.resourceType, p.arn])));
  const [deleteError, setDeleteError] = useState<string>();
  const input = (edit: ShareEdit | Record<string, unknown>) => ({ region: share.region, id: share.id, edit });
  const plan = (label: string, edit: ShareEdit | Record<string, unknown>, disabled = false) => <BuildPlanButton label={label} build={build} input={input(edit)} disabled={disabled} />;
  const nameId = `share-name-${share.id}`;

  return (
    <Card title="Change this share" testId="share-editor">
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <section className="flex min-w-0 flex-col gap-3" aria-label="Resources">
          <h3 className="font-medium">Add resources</h3>
          <ResourcePicker
            accountId={share.owningAccountId}
            accountLabel={ownerLabel}
            region={share.region}
            resourceTypes={resourceTypes}
            listResources={listResources}
            selected={addResources}
            held={share.resources.map((r) => r.arn)}
            onChange={(picked) => setAddResources(picked.filter((r) => !share.resources.some((held) => held.arn === r.arn)))}
          />
          {plan('Plan adding resources', { edit: 'add-resources', resourceArns: addResources.map((r) => r.arn) }, addResources.length === 0)}
          <Remove
            legend="Remove resources"
            testId="remove-resources"
            items={share.resources.map((r) => ({ id: r.arn, name: resourceNames[r.arn] }))}
            plan={(chosen) => plan('Plan removing resources', { edit: 'remove-resources', resourceArns: chosen }, chosen.length === 0)}
          />
        </section>
        <section className="flex flex-col gap-3" aria-label="Principals">
          <h3 className="font-medium">Add principals</h3>
          <PrincipalPicker
            selected={addPrincipals}
            onChange={setAddPrincipals}
            held={share.principals.map((p) => p.id)}
            check={(type, value, selected) => checkPrincipal({ region: share.region, id: share.id, type, value, selected })}
            tree={tree}
            treeUnavailable={treeUnavailable}
          />
          {plan('Plan adding principals', { edit: 'add-principals', principals: addPrincipals.map((p) => p.principal) }, addPrincipals.length === 0)}
          <Remove
            legend="Remove principals"
            testId="remove-principals"
            items={share.principals.map((p) => ({ id: p.id, name: principalNames[p.id] }))}
            plan={(chosen) => plan('Plan removing principals', { edit: 'remove-principals', principals: chosen }, chosen.length === 0)}
          />
        </section>
        <section className="flex flex-col gap-2" aria-label="Permissions">
          <h3 className="font-medium">Managed permissions</h3>
          {share.permissions.map((p) => (
            <div key={p.resourceType} className="flex flex-col gap-2">
              <label className="flex flex-col gap-1 text-sm">
                {p.resourceType}
                <select className={inputClass} value={chosenPermission[p.resourceType]} onChange={(e) => setChosenPermission({ ...chosenPermission, [p.resourceType]: e.target.value })}>
                  {(permissions[p.resourceType]?.length ? permissions[p.resourceType] : [{ arn: p.arn, name: p.name, version: p.version, isResourceTypeDefault: false }]).map((c) => (
                    <option key={c.arn} value={c.arn}>
                      {c.name}
                      {c.isResourceTypeDefault ? ' (default for the type)' : ''}
                    </option>
                  ))}
                </select>
              </label>
              {plan(`Plan the permission for ${p.resourceType}`, { edit: 'permission', resourceType: p.resourceType, permissionArn: chosenPermission[p.resourceType] }, chosenPermission[p.resourceType] === p.arn)}
              {!p.defaultVersion && plan('Update to the default version', { edit: 'permission', resourceType: p.resourceType, permissionArn: p.arn })}
            </div>
          ))}
        </section>
        <section className="flex flex-col gap-2" aria-label="Settings">
          <h3 className="font-medium">Name and external principals</h3>
          <Field label="Name" htmlFor={nameId}>
            <input id={nameId} className={inputClass} value={name} onChange={(e) => setName(e.target.value)} />
          </Field>
          {plan('Plan renaming', { edit: 'rename', name }, name.trim() === share.name || !name.trim())}
          {plan(
            share.allowExternalPrincipals ? 'Plan refusing external principals' : 'Plan allowing external principals',
            { edit: 'external', allow: !share.allowExternalPrincipals },
            !share.allowExternalPrincipals && organizationOnly.length > 0,
          )}
          {!share.allowExternalPrincipals && organizationOnly.length > 0 && (
            <p className="text-xs text-slate-600" data-testid="external-closed">
              {organizationOnly.join(', ')} can only be shared within the organization: allowing outside principals would change nothing.
            </p>
          )}
        </section>
        <section className="flex flex-col gap-2" aria-label="Tags">
          <h3 className="font-medium">Tags</h3>
          <div className="flex gap-2">
            <input aria-label="Tag key" className={inputClass} placeholder="Key" value={tagKey} onChange={(e) => setTagKey(e.target.value)} />
            <input aria-label="Tag value" className={inputClass} placeholder="Value" value={tagValue} onChange={(e) => setTagValue(e.target.value)} />
          </div>
          {plan('Plan adding the tag', { edit: 'tag', tags: [{ key: tagKey, value: tagValue }] }, !tagKey.trim())}
          <Remove
            legend="Remove tags"
            testId="remove-tags"
            items={share.tags.map((t) => ({ id: t.key }))}
            plan={(chosen) => plan('Plan removing tags', { edit: 'untag', tagKeys: chosen }, chosen.length === 0)}
          />
        </section>
        <section className="flex flex-col gap-2" aria-label="Delete">
          <h3 className="font-medium">Delete</h3>
          <p className="text-sm text-slate-600">Every principal loses access to the share&apos;s resources; the resources themselves stay.</p>
          <div>
            <ConfirmDialog
              trigger="Plan deleting the share"
              title={`Delete ${share.name}?`}
              confirmLabel="Make the plan"
              confirmText={share.name}
              onConfirm={async () => {
                setDeleteError(undefined);
                const result = await build(input({ edit: 'delete', confirmName: share.name }));
                if (result.ok) router.push(`/plans/${result.data}`);
                else setDeleteError(result.error);
              }}
            >
              The plan deletes the resource share {share.name} in {share.region}; you review it before anything changes.
            </ConfirmDialog>
          </div>
          {deleteError && <p role="alert" className="text-sm text-red-700">{deleteError}</p>}
        </section>
      </div>
    </Card>
  );
}
