'use client';
// A share's changes, each built into a plan on the server and opened for review (viewers may build plans to
// show an admin; applying is on the plan's page, for admins). Resources are picked with the create wizard's
// resource picker (the owner's resources listed from their own services); principals are typed, and checked on
// the server with the wizard's rules.
import { useId, useState } from 'react';
import { BuildPlanButton } from '@/components/plan/BuildPlanButton';
import { Card, ConfirmDialog, Field, inputClass } from '@/components/ui';
import type { ActionResult } from '@/lib/server-actions';
import type { PermissionChoice } from '@/lib/ram/permissions';
import type { ShareEdit } from '@/lib/ram/share-edits';
import type { ResourceTypeInfo } from '@/lib/ram/resource-types';
import type { ShareRecord } from '@/lib/ram/snapshot';
import { ResourcePicker } from '@/components/share-wizard/ResourcePicker';
import type { ListResources, PickedResource } from '@/components/share-wizard/types';
import { useRouter } from 'next/navigation';

type Build = (input: { region: string; id: string; edit: unknown }) => Promise<ActionResult<string>>;

const lines = (text: string) => text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);

/** Typed entry of ARNs or principal IDs, one a line (or separated by commas). */
function TypedEntry({ label, hint, value, onChange }: { label: string; hint: string; value: string[]; onChange: (v: string[]) => void }) {
  const id = useId();
  const [text, setText] = useState(value.join('\n'));
  return (
    <Field label={label} htmlFor={id} hint={hint}>
      <textarea
        id={id}
        className={`${inputClass} font-mono`}
        rows={3}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          onChange(lines(e.target.value));
        }}
      />
    </Field>
  );
}

/** Checkboxes over what the share holds, for removing some. */
function Choose({ items, chosen, onChange, testId }: { items: { id: string; label: string }[]; chosen: string[]; onChange: (v: string[]) => void; testId: string }) {
  return (
    <fieldset className="flex flex-col gap-1 text-sm" data-testid={testId}>
      {items.map((item) => (
        <label key={item.id} className="flex items-center gap-2">
          <input type="checkbox" checked={chosen.includes(item.id)} onChange={(e) => onChange(e.target.checked ? [...chosen, item.id] : chosen.filter((c) => c !== item.id))} />
          <span className="font-mono text-xs">{item.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

export interface ShareEditorProps {
  share: ShareRecord;
  ownerLabel: string;
  permissions: Record<string, PermissionChoice[]>;
  /** The types RAM offers in the share's account and Region (ListResourceTypes), for the resource picker. */
  resourceTypes: ResourceTypeInfo[];
  listResources: ListResources;
  build: Build;
}

export function ShareEditor({ share, ownerLabel, permissions, resourceTypes, listResources, build }: ShareEditorProps) {
  const router = useRouter();
  const [addResources, setAddResources] = useState<PickedResource[]>([]);
  const [removeResources, setRemoveResources] = useState<string[]>([]);
  const [addPrincipals, setAddPrincipals] = useState<string[]>([]);
  const [removePrincipals, setRemovePrincipals] = useState<string[]>([]);
  const [name, setName] = useState(share.name);
  const [tagKey, setTagKey] = useState('');
  const [tagValue, setTagValue] = useState('');
  const [untag, setUntag] = useState<string[]>([]);
  const [chosenPermission, setChosenPermission] = useState<Record<string, string>>(Object.fromEntries(share.permissions.map((p) => [p.resourceType, p.arn])));
  const [deleteError, setDeleteError] = useState<string>();
  const input = (edit: ShareEdit | Record<string, unknown>) => ({ region: share.region, id: share.id, edit });
  const plan = (label: string, edit: ShareEdit | Record<string, unknown>, disabled = false) => <BuildPlanButton label={label} build={build} input={input(edit)} disabled={disabled} />;
  const nameId = useId();

  return (
    <Card title="Change this share" testId="share-editor">
      <div className="grid gap-6 lg:grid-cols-2">
        <section className="flex flex-col gap-2" aria-label="Resources">
          <h3 className="font-medium">Resources</h3>
          <ResourcePicker
            accountId={share.owningAccountId}
            accountLabel={ownerLabel}
            region={share.region}
            resourceTypes={resourceTypes}
            listResources={listResources}
            selected={addResources}
            onChange={(picked) => setAddResources(picked.filter((r) => !share.resources.some((held) => held.arn === r.arn)))}
          />
          {plan('Plan adding resources', { edit: 'add-resources', resourceArns: addResources.map((r) => r.arn) }, addResources.length === 0)}
          {share.resources.length > 0 && (
            <>
              <Choose testId="remove-resources" items={share.resources.map((r) => ({ id: r.arn, label: r.arn }))} chosen={removeResources} onChange={setRemoveResources} />
              {plan('Plan removing resources', { edit: 'remove-resources', resourceArns: removeResources }, removeResources.length === 0)}
            </>
          )}
        </section>
        <section className="flex flex-col gap-2" aria-label="Principals">
          <h3 className="font-medium">Principals</h3>
          <TypedEntry
            label="Add principals"
            hint="Account IDs, organization (o-…) or OU (ou-…) IDs, IAM role or user ARNs, one a line; checked with the create wizard's rules (outside the organization, IAM principals per resource type)."
            value={addPrincipals}
            onChange={setAddPrincipals}
          />
          {plan('Plan adding principals', { edit: 'add-principals', principals: addPrincipals }, addPrincipals.length === 0)}
          {share.principals.length > 0 && (
            <>
              <Choose testId="remove-principals" items={share.principals.map((p) => ({ id: p.id, label: p.id }))} chosen={removePrincipals} onChange={setRemovePrincipals} />
              {plan('Plan removing principals', { edit: 'remove-principals', principals: removePrincipals }, removePrincipals.length === 0)}
            </>
          )}
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
          {plan(share.allowExternalPrincipals ? 'Plan refusing external principals' : 'Plan allowing external principals', { edit: 'external', allow: !share.allowExternalPrincipals })}
        </section>
        <section className="flex flex-col gap-2" aria-label="Tags">
          <h3 className="font-medium">Tags</h3>
          <div className="flex gap-2">
            <input aria-label="Tag key" className={inputClass} placeholder="Key" value={tagKey} onChange={(e) => setTagKey(e.target.value)} />
            <input aria-label="Tag value" className={inputClass} placeholder="Value" value={tagValue} onChange={(e) => setTagValue(e.target.value)} />
          </div>
          {plan('Plan adding the tag', { edit: 'tag', tags: [{ key: tagKey, value: tagValue }] }, !tagKey.trim())}
          {share.tags.length > 0 && (
            <>
              <Choose testId="remove-tags" items={share.tags.map((t) => ({ id: t.key, label: `${t.key}=${t.value}` }))} chosen={untag} onChange={setUntag} />
              {plan('Plan removing tags', { edit: 'untag', tagKeys: untag }, untag.length === 0)}
            </>
          )}
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
