'use client';
// A share's settings beyond resources and principals: whether RAM made it from a resource policy (and its
// promotion as a plan, with what changes), retaining access when an account leaves the organization, and the
// source constraints of its service principals.
import { useState } from 'react';
import { BuildPlanButton } from '@/components/plan/BuildPlanButton';
import { Badge, Card, Cell, Field, inputClass, Table } from '@/components/ui';
import type { ActionResult } from '@/lib/server-actions';
import { PROMOTION_EFFECTS } from '@/lib/ram/promotion-effects';
import type { ShareSource } from '@/lib/ram/sources';

export interface ShareFeaturesProps {
  share: { arn: string; name: string; owningAccountId: string; region: string; featureSet?: string; retainSharingOnAccountLeaveOrganization?: boolean };
  servicePrincipals: string[];
  sources: ShareSource[];
  promote: (input: unknown) => Promise<ActionResult<string>>;
}

export function ShareFeatures({ share, servicePrincipals, sources, promote }: ShareFeaturesProps) {
  const [permissionName, setPermissionName] = useState(`${share.name.replace(/[^\w.-]/g, '-').slice(0, 27)}-promoted`);
  const featureSet = share.featureSet ?? 'STANDARD';
  return (
    <Card title="Sharing settings" testId="share-features">
      <div className="flex flex-col gap-4 text-sm">
        <div data-testid="share-retain">
          <span className="font-medium">Retain access when an account leaves the organization: </span>
          {share.retainSharingOnAccountLeaveOrganization ? <Badge tone="sky">on</Badge> : <Badge>off</Badge>}
          <p className="text-xs text-slate-500">
            Set when the share is created (RAM&apos;s UpdateResourceShare cannot change it: to change it, create a new share). When on, an account that
            leaves the organization keeps what it received through the organization, an OU or as a member account; when off it loses it. Accounts that
            accepted an invitation keep access either way.
          </p>
        </div>
        <div data-testid="share-feature-set">
          <span className="font-medium">Feature set: </span>
          <Badge tone={featureSet === 'STANDARD' ? 'slate' : 'amber'}>{featureSet}</Badge>
          {featureSet === 'CREATED_FROM_POLICY' && (
            <div className="mt-2 flex max-w-2xl flex-col gap-2">
              <p>RAM made this share from a resource-based policy on its resource: only its owner sees it, and it cannot be changed in RAM until it is promoted.</p>
              <ul className="list-disc pl-5 text-slate-700">
                {PROMOTION_EFFECTS.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
              <Field label="Name of the customer managed permission to create" htmlFor="promote-name">
                <input id="promote-name" className={inputClass} value={permissionName} onChange={(e) => setPermissionName(e.target.value)} />
              </Field>
              <BuildPlanButton
                label="Plan: promote to a standard share"
                build={promote}
                input={{ accountId: share.owningAccountId, region: share.region, resourceShareArn: share.arn, permissionName }}
              />
            </div>
          )}
        </div>
        <div data-testid="share-sources">
          <span className="font-medium">Source constraints of service principals: </span>
          {servicePrincipals.length === 0 && sources.length === 0 ? (
            <span className="text-slate-500">none (the share has no service principal)</span>
          ) : (
            <Table columns={['Source', 'Type', 'Status']}>
              {sources.map((s) => (
                <tr key={s.sourceId} data-testid="share-source">
                  <Cell mono>{s.sourceId}</Cell>
                  <Cell>{s.sourceType}</Cell>
                  <Cell>{s.status}</Cell>
                </tr>
              ))}
            </Table>
          )}
        </div>
      </div>
    </Card>
  );
}
