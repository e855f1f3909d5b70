'use client';
// Picks a share's principals: from the organization tree in selection mode (root, OUs, accounts; a checked
// OU shows its descendants as included), or typed by type and ID/ARN; each one is checked on the server at
// once and refused with the rule that refuses it. One list of the selected, whichever way they came.
import { useCallback, useState } from 'react';
import { OrganizationTree, SearchBox, useOrganizationTree, type InitialTree, type OrganizationActions } from '@/components/organization-tree';
import { Alert, Badge, Button, Field, inputClass } from '@/components/ui';
import type { OrgNodeView } from '@/lib/organizations/types';
import { PRINCIPAL_TYPE_INFO, PRINCIPAL_TYPES, type PrincipalType } from '@/lib/ram/principals';
import type { ActionResult, PrincipalCheck, SelectedPrincipal } from './types';

export interface PrincipalTreeProps {
  initial: InitialTree;
  organizationArn: string;
  loadChildren: OrganizationActions['loadChildren'];
  search: OrganizationActions['search'];
}

export interface PrincipalPickerProps {
  selected: SelectedPrincipal[];
  onChange(next: SelectedPrincipal[]): void;
  /** Checks one principal on the server for the share as it stands. */
  check(type: PrincipalType, value: string, selected: SelectedPrincipal[]): Promise<ActionResult<PrincipalCheck>>;
  /** The organization tree, when it can be offered; else why not. */
  tree?: PrincipalTreeProps;
  treeUnavailable?: React.ReactNode;
  /** Messages per principal from the last server check of the whole list. */
  errors?: string[];
  /** Principals already in the share (a share's page), as RAM names them: checked in the tree, not offered again. */
  held?: string[];
  /** The typed entry shown first (a wizard draft keeps it), and told when it changes. */
  initialEntry?: PrincipalEntry;
  onEntryChange?(entry: PrincipalEntry): void;
}

export interface PrincipalEntry {
  type: PrincipalType;
  value: string;
}

const principalOfNode = (node: OrgNodeView, organizationArn: string): [PrincipalType, string] =>
  node.type === 'ROOT' ? ['ORGANIZATION', organizationArn] : node.type === 'ORGANIZATIONAL_UNIT' ? ['ORGANIZATIONAL_UNIT', node.arn] : ['AWS_ACCOUNT', node.id];

export function PrincipalPicker({ selected, onChange, check, tree, treeUnavailable, errors, held = [], initialEntry, onEntryChange }: PrincipalPickerProps) {
  const [refusal, setRefusal] = useState<string>();
  const [busy, setBusy] = useState(false);

  const add = useCallback(
    async (type: PrincipalType, value: string): Promise<boolean> => {
      setBusy(true);
      setRefusal(undefined);
      const r = await check(type, value, selected).catch((e: unknown) => ({ ok: false as const, error: String((e as Error)?.message ?? e) }));
      setBusy(false);
      if (!r.ok) return setRefusal(r.error), false;
      if (!r.data.ok) return setRefusal(r.data.message), false;
      onChange([...selected, r.data.principal]);
      return true;
    },
    [check, selected, onChange],
  );
  const remove = (principal: string) => onChange(selected.filter((p) => p.principal !== principal));

  return (
    <div className="flex flex-col gap-5" data-testid="principal-picker">
      <section aria-label="Organization structure">
        <h3 className="mb-2 text-sm font-semibold text-slate-800">Display organizational structure</h3>
        {tree ? <TreePicker tree={tree} selected={selected} held={held} add={add} remove={remove} /> : <div data-testid="tree-unavailable">{treeUnavailable}</div>}
      </section>
      <TypedEntry add={add} busy={busy} initial={initialEntry} onEntryChange={onEntryChange} />
      {refusal && (
        <Alert tone="error" testId="principal-refusal">
          {refusal}
        </Alert>
      )}
      <section aria-label="Selected principals" data-testid="selected-principals">
        <h3 className="mb-2 text-sm font-semibold text-slate-800">Selected principals ({selected.length})</h3>
        {selected.length === 0 ? (
          <p className="text-sm text-slate-500">None yet: check them in the tree or type them above.</p>
        ) : (
          <ul className="flex flex-col gap-2 text-sm">
            {selected.map((p) => (
              <li key={p.principal} className="flex flex-wrap items-center gap-2" data-testid="selected-principal" data-principal={p.principal}>
                <Badge>{PRINCIPAL_TYPE_INFO[p.type].label}</Badge>
                <span className="font-medium">{p.name}</span>
                <code className="text-xs text-slate-500">{p.id}</code>
                {p.outside && <Badge tone="amber">Outside the organization: RAM sends an invitation</Badge>}
                {p.containsSharingAccount && <Badge tone="amber">Contains the sharing account: its own principals get access too</Badge>}
                <Button size="sm" variant="secondary" aria-label={`Remove ${p.name}`} onClick={() => remove(p.principal)}>
                  Remove
                </Button>
              </li>
            ))}
          </ul>
        )}
        {errors?.map((m) => (
          <p key={m} role="alert" className="mt-1 text-xs text-red-700">
            {m}
          </p>
        ))}
      </section>
    </div>
  );
}

function TreePicker({
  tree: props,
  selected,
  held,
  add,
  remove,
}: {
  tree: PrincipalTreeProps;
  selected: SelectedPrincipal[];
  held: string[];
  add(type: PrincipalType, value: string): Promise<boolean>;
  remove(principal: string): void;
}) {
  const tree = useOrganizationTree(props.initial, props.loadChildren);
  const [activeId, setActiveId] = useState(props.initial.root.id);
  // A principal the share holds shows checked; unchecking it here does not remove it (that is its own plan).
  const heldIds = Object.values(tree.nodes)
    .filter((node) => held.includes(principalOfNode(node, props.organizationArn)[1]))
    .map((node) => node.id);
  const checked = new Set([...selected.map((p) => p.id), ...heldIds]);
  const onSelectionChange = (next: Set<string>) => {
    for (const id of next) {
      if (!checked.has(id) && tree.nodes[id]) void add(...principalOfNode(tree.nodes[id], props.organizationArn));
    }
    for (const p of selected) if (checked.has(p.id) && !next.has(p.id)) remove(p.principal);
  };
  const jumpTo = async (node: OrgNodeView) => {
    await tree.reveal(node);
    setActiveId(node.id);
    document.getElementById('principal-tree-anchor')?.querySelector<HTMLElement>('[role="tree"]')?.focus({ preventScroll: true });
  };
  return (
    <div className="flex flex-col gap-2">
      <p className="text-xs text-slate-500">Check the organization, OUs or accounts (Space toggles the active row). Checking an OU includes every account under it, now and later.</p>
      <SearchBox search={props.search} onChoose={jumpTo} />
      {tree.error && <Alert tone="error">{tree.error}</Alert>}
      <div id="principal-tree-anchor">
        <OrganizationTree tree={tree} label="Principals from the organization" activeId={activeId} onActiveChange={setActiveId} selectable selected={checked} onSelectionChange={onSelectionChange} height={420} />
      </div>
    </div>
  );
}

function TypedEntry({
  add,
  busy,
  initial,
  onEntryChange,
}: {
  add(type: PrincipalType, value: string): Promise<boolean>;
  busy: boolean;
  initial?: PrincipalEntry;
  onEntryChange?(entry: PrincipalEntry): void;
}) {
  const [type, setTypeState] = useState<PrincipalType>(initial?.type ?? 'AWS_ACCOUNT');
  const [value, setValueState] = useState(initial?.value ?? '');
  const setType = (next: PrincipalType) => {
    setTypeState(next);
    onEntryChange?.({ type: next, value });
  };
  const setValue = (next: string) => {
    setValueState(next);
    onEntryChange?.({ type, value: next });
  };
  const info = PRINCIPAL_TYPE_INFO[type];
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      aria-label="Add a principal by ID"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await add(type, value)) setValue('');
      }}
    >
      <Field label="Principal type" htmlFor="principal-type">
        <select id="principal-type" className={inputClass} value={type} onChange={(e) => setType(e.target.value as PrincipalType)}>
          {PRINCIPAL_TYPES.map((t) => (
            <option key={t} value={t}>
              {PRINCIPAL_TYPE_INFO[t].label}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Principal" htmlFor="principal-value" hint={`${info.hint}, e.g. ${info.example}`}>
        <input id="principal-value" className={`${inputClass} w-96`} value={value} placeholder={info.example} onChange={(e) => setValue(e.target.value)} />
      </Field>
      <Button type="submit" variant="secondary" disabled={busy || !value.trim()}>
        {busy ? 'Checking…' : 'Add'}
      </Button>
    </form>
  );
}
