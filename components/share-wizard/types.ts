// What the create-share wizard's pieces receive from the page: data and server actions, never clients.
import type { ActionResult } from '@/lib/server-actions';
import type { PrincipalCheck, PrincipalType, SelectedPrincipal } from '@/lib/ram/principals';
import type { ResourceListing } from '@/lib/ram/resources';

export type { ActionResult, PrincipalCheck, PrincipalType, SelectedPrincipal, ResourceListing };

/** A sharing account the admin can pick. */
export interface AccountChoice {
  id: string;
  name: string;
  /** Its OU path, 'Root / Infrastructure'. */
  path: string;
}

/** A resource in the share, whatever its type. */
export interface PickedResource {
  arn: string;
  id: string;
  name?: string;
  resourceType: string;
}

export type ListResources = (input: { accountId: string; region: string; resourceType: string }) => Promise<ActionResult<ResourceListing>>;

/** Checks one principal on the server for the share as it stands (format and RAM's rules). */
export type CheckPrincipal = (input: {
  draftId: string;
  type: PrincipalType;
  value: string;
  allowExternalPrincipals: boolean;
  selected: SelectedPrincipal[];
}) => Promise<ActionResult<PrincipalCheck>>;
