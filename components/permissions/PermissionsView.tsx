'use client';
// The Managed permissions page's body: AWS managed and customer managed permissions with their versions and the
// shares holding each, and every change to them as a plan (built on the server, reviewed on the plan's page).
import { useState } from 'react';
import { BuildPlanButton } from '@/components/plan/BuildPlanButton';
import { Badge, Card, Cell, Field, inputClass, Table } from '@/components/ui';
import type { ActionResult } from '@/lib/server-actions';
import type { ManagedPermissionRow, ManagedPermissionsView } from '@/lib/ram/managed-permissions';

type Build = (input: unknown) => Promise<ActionResult<string>>;

function Versions({ permission }: { permission: ManagedPermissionRow }) {
  return (
    <ul className="flex flex-col gap-1">
      {permission.versions.map((v) => (
        <li key={v.version} data-testid="permission-version" data-version={v.version}>
          <span className="font-medium">v{v.version}</span> {v.isDefault && <Badge tone="emerald">default</Badge>}{' '}
          <span className="font-mono text-xs">{v.actions.join(', ')}</span>
          {v.condition && <span className="block font-mono text-xs text-slate-500">Condition: {v.condition}</span>}
        </li>
      ))}
    </ul>
  );
}

function UsedBy({ permission }: { permission: ManagedPermissionRow }) {
  if (!permission.usedBy.length) return <span className="text-slate-500">no share</span>;
  return (
    <ul>
      {permission.usedBy.map((u) => (
        <li key={`${u.resourceShareArn}-${u.resourceType}`} data-testid="permission-use">
          <a className="text-sky-700 underline" href={`/shares/${u.resourceShareArn.split(':')[3]}/${u.resourceShareArn.split('/').pop()}`}>
            {u.shareName}
          </a>{' '}
          v{u.version}
          {u.version !== permission.defaultVersion && <Badge tone="amber">not the default</Badge>}
        </li>
      ))}
    </ul>
  );
}

function ActionChoices({ id, allowed, chosen, onChange }: { id: string; allowed: string[]; chosen: string[]; onChange: (next: string[]) => void }) {
  return (
    <fieldset className="flex flex-col gap-1 text-sm" aria-label="Actions">
      {allowed.map((action) => (
        <label key={action} className="flex items-center gap-2 font-mono text-xs">
          <input
            type="checkbox"
            id={`${id}-${action}`}
            checked={chosen.includes(action)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, action] : chosen.filter((a) => a !== action))}
          />
          {action}
        </label>
      ))}
    </fieldset>
  );
}

function TemplateFields({ id, allowed, actions, setActions, conditions, setConditions }: {
  id: string;
  allowed: string[];
  actions: string[];
  setActions: (a: string[]) => void;
  conditions: string;
  setConditions: (c: string) => void;
}) {
  return (
    <>
      <Field label="Actions" htmlFor={`${id}-actions`} hint="Only the actions RAM allows for this resource type.">
        <div id={`${id}-actions`}>
          <ActionChoices id={id} allowed={allowed} chosen={actions} onChange={setActions} />
        </div>
      </Field>
      <Field
        label="Conditions (optional, JSON)"
        htmlFor={`${id}-conditions`}
        hint='Operators mapping keys to values, e.g. {"StringEquals": {"aws:RequestedRegion": "us-east-1"}}. No negating operators; no principal, source or aws: system tag keys.'
      >
        <textarea id={`${id}-conditions`} className={`${inputClass} font-mono`} rows={3} value={conditions} onChange={(e) => setConditions(e.target.value)} />
      </Field>
    </>
  );
}

function CreateForm({ view, allowed, build }: { view: ManagedPermissionsView; allowed: Record<string, string[]>; build: Build }) {
  const types = Object.keys(allowed).sort();
  const [name, setName] = useState('');
  const [resourceType, setResourceType] = useState(types[0] ?? '');
  const [actions, setActions] = useState<string[]>([]);
  const [conditions, setConditions] = useState('');
  return (
    <Card title="Create a customer managed permission" testId="create-permission">
      <div className="flex max-w-2xl flex-col gap-3">
        <Field label="Name" htmlFor="cmp-name" hint="1 to 36 letters, digits, _ . -; unique in this Region.">
          <input id="cmp-name" className={inputClass} value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label="Resource type" htmlFor="cmp-type">
          <select
            id="cmp-type"
            className={inputClass}
            value={resourceType}
            onChange={(e) => {
              setResourceType(e.target.value);
              setActions([]);
            }}
          >
            {types.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </Field>
        <TemplateFields id="cmp" allowed={allowed[resourceType] ?? []} actions={actions} setActions={setActions} conditions={conditions} setConditions={setConditions} />
        <BuildPlanButton label="Plan: create permission" build={build} input={{ accountId: view.accountId, region: view.region, edit: { edit: 'create', name, resourceType, actions, conditions } }} />
      </div>
    </Card>
  );
}

function CustomerPermission({ view, permission, allowed, build }: { view: ManagedPermissionsView; permission: ManagedPermissionRow; allowed: string[]; build: Build }) {
  const target = { accountId: view.accountId, region: view.region };
  const [actions, setActions] = useState<string[]>(permission.versions.find((v) => v.isDefault)?.actions ?? []);
  const [conditions, setConditions] = useState('');
  const [confirmName, setConfirmName] = useState('');
  const editable = permission.featureSet === 'STANDARD';
  const outdated = [...new Set(permission.usedBy.map((u) => u.version))].filter((v) => v !== permission.defaultVersion);
  return (
    <Card title={permission.name} testId="customer-permission">
      <div className="flex flex-col gap-4 text-sm">
        <p>
          <span className="font-mono text-xs">{permission.arn}</span> · {permission.resourceType}
          {permission.featureSet !== 'STANDARD' && <Badge tone="amber">{permission.featureSet}</Badge>}
        </p>
        <Table columns={['Version', 'Allows', 'Change']}>
          {permission.versions.map((v) => (
            <tr key={v.version} data-testid="cmp-version" data-version={v.version}>
              <Cell>
                v{v.version} {v.isDefault && <Badge tone="emerald">default</Badge>}
              </Cell>
              <Cell mono>
                {v.actions.join(', ')}
                {v.condition && <span className="block text-slate-500">Condition: {v.condition}</span>}
              </Cell>
              <Cell>
                {editable && !v.isDefault && (
                  <div className="flex flex-wrap gap-2">
                    <BuildPlanButton label={`Plan: make v${v.version} the default`} build={build} input={{ ...target, edit: { edit: 'set-default', permissionArn: permission.arn, version: Number(v.version) } }} />
                    <BuildPlanButton label={`Plan: delete v${v.version}`} build={build} input={{ ...target, edit: { edit: 'delete-version', permissionArn: permission.arn, version: Number(v.version) } }} />
                  </div>
                )}
              </Cell>
            </tr>
          ))}
        </Table>
        <div>
          <h3 className="font-medium">Used by</h3>
          <UsedBy permission={permission} />
          {outdated.map((v) => (
            <BuildPlanButton
              key={v}
              label={`Plan: update every share using version ${v} to the default version`}
              build={build}
              input={{ ...target, edit: { edit: 'update-shares', permissionArn: permission.arn, version: Number(v) } }}
            />
          ))}
        </div>
        {editable && (
          <details data-testid="add-version">
            <summary className="cursor-pointer font-medium">Add a version</summary>
            <div className="mt-2 flex max-w-2xl flex-col gap-3">
              <TemplateFields id={`v-${permission.name}`} allowed={allowed} actions={actions} setActions={setActions} conditions={conditions} setConditions={setConditions} />
              <BuildPlanButton label="Plan: add version" build={build} input={{ ...target, edit: { edit: 'add-version', permissionArn: permission.arn, actions, conditions } }} />
            </div>
          </details>
        )}
        <details>
          <summary className="cursor-pointer font-medium">Delete the permission</summary>
          <div className="mt-2 flex max-w-md flex-col gap-2">
            <Field label={`Type ${permission.name} to confirm`} htmlFor={`delete-${permission.name}`}>
              <input id={`delete-${permission.name}`} className={inputClass} value={confirmName} onChange={(e) => setConfirmName(e.target.value)} />
            </Field>
            <BuildPlanButton label="Plan: delete permission" build={build} input={{ ...target, edit: { edit: 'delete', permissionArn: permission.arn, confirmName } }} />
          </div>
        </details>
      </div>
    </Card>
  );
}

export function PermissionsView({ view, allowed, build }: { view: ManagedPermissionsView; allowed: Record<string, string[]>; build: Build }) {
  const customer = view.permissions.filter((p) => p.permissionType === 'CUSTOMER_MANAGED');
  const aws = view.permissions.filter((p) => p.permissionType === 'AWS_MANAGED');
  return (
    <div className="flex flex-col gap-6">
      <section className="flex flex-col gap-4" data-testid="customer-permissions">
        <h2 className="text-lg font-semibold">Customer managed ({customer.length})</h2>
        {customer.length === 0 && <p className="text-sm text-slate-500">None in this account and Region.</p>}
        {customer.map((p) => (
          <CustomerPermission key={p.arn} view={view} permission={p} allowed={allowed[p.resourceType] ?? []} build={build} />
        ))}
        <CreateForm view={view} allowed={allowed} build={build} />
      </section>
      <Card title={`AWS managed (${aws.length})`} testId="aws-permissions">
        <Table columns={['Resource type', 'Permission', 'Versions', 'Used by']}>
          {aws.map((p) => (
            <tr key={p.arn} data-testid="aws-permission">
              <Cell>{p.resourceType}</Cell>
              <Cell mono>
                {p.name} {p.isResourceTypeDefault && <Badge tone="slate">type default</Badge>}
              </Cell>
              <Cell>
                <Versions permission={p} />
              </Cell>
              <Cell>
                <UsedBy permission={p} />
              </Cell>
            </tr>
          ))}
        </Table>
      </Card>
    </div>
  );
}
