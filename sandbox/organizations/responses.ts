// Organizations operations: botocore input shapes → model calls → output shapes.
import type { OperationSpec, RequestContext, World, WireInput } from '../core/types.js';
import * as errors from './exceptions.js';
import {
  type Member,
  type OrganizationalUnit,
  type Policy,
  type PolicyType,
  type Root,
  attachPolicy,
  createOrganization,
  createOrganizationalUnit,
  createPolicy,
  deleteOrganizationalUnit,
  detachPolicy,
  disableAwsServiceAccess,
  disablePolicyType,
  enableAwsServiceAccess,
  enablePolicyType,
  isDelegatedAdministrator,
  moveAccount,
  removeAccountFromOrganization,
  organizationsState,
  registerDelegatedAdministrator,
  requireMember,
  requireOrganizationalUnit,
  requireParent,
  requirePolicy,
  requireTarget,
  tagResource,
  tagsOf,
  untagResource,
  updateOrganizationalUnit,
} from './models.js';
import { type PageInput, page } from './pagination.js';

// ---- input checks (AWS validates before looking anything up) --------------------------------

const ROOT_ID = /^r-[0-9a-z]{4,32}$/;
const OU_ID = /^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/;
const ACCOUNT_ID = /^\d{12}$/;
const POLICY_ID = /^p-[0-9a-zA-Z_]{8,128}$/;
const SERVICE_PRINCIPAL = /^[\w+=,.@-]{1,128}$/;
const POLICY_TYPES: PolicyType[] = ['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY', 'TAG_POLICY', 'BACKUP_POLICY', 'AISERVICES_OPT_OUT_POLICY'];

function required<T>(value: T | undefined, name: string): T {
  if (value === undefined || value === null || value === '') {
    throw errors.invalidInput('INPUT_REQUIRED', `You must specify a value for ${name}.`);
  }
  return value;
}

function matching(value: string | undefined, name: string, ...patterns: RegExp[]): string {
  const text = required(value, name);
  if (!patterns.some((p) => p.test(text))) {
    const reason = name === 'TargetId' ? 'INVALID_PATTERN_TARGET_ID' : name === 'PolicyId' ? 'INVALID_SYNTAX_POLICY_ID' : 'INVALID_PATTERN';
    throw errors.invalidInput(reason, `You specified a value for ${name} with an invalid pattern.`);
  }
  return text;
}

const parentId = (value: string | undefined, name = 'ParentId') => matching(value, name, ROOT_ID, OU_ID);
const policyId = (value: string | undefined) => matching(value, 'PolicyId', POLICY_ID);
const targetId = (value: string | undefined) => matching(value, 'TargetId', ROOT_ID, OU_ID, ACCOUNT_ID);

function name(value: string | undefined, field: string, max = 128): string {
  const text = required(value, field);
  if (text.length > max) throw errors.invalidInput('MAX_LENGTH_EXCEEDED', `You provided a value for ${field} that exceeds the maximum length.`);
  return text;
}

function policyType(value: string | undefined, field: string): PolicyType {
  const type = required(value, field);
  if (!POLICY_TYPES.includes(type as PolicyType)) {
    throw errors.invalidInput('INVALID_ENUM_POLICY_TYPE', 'You specified an invalid policy type string.');
  }
  return type as PolicyType;
}

function servicePrincipal(value: string | undefined): string {
  const principal = required(value, 'ServicePrincipal');
  if (!SERVICE_PRINCIPAL.test(principal) || !principal.endsWith('.amazonaws.com')) {
    throw errors.invalidInput('UNRECOGNIZED_SERVICE_PRINCIPAL', 'You specified an unrecognized service principal.');
  }
  return principal;
}

type Tag = { Key: string; Value: string };

function tags(list: Tag[] | undefined): Tag[] {
  const seen = new Set<string>();
  for (const tag of list ?? []) {
    if (seen.has(tag.Key)) throw errors.invalidInput('DUPLICATE_TAG_KEY', 'You specified a duplicate tag key.');
    seen.add(tag.Key);
  }
  return list ?? [];
}

// ---- who may call ----------------------------------------------------------------------------

/** The caller's account is in the organization (any member may call DescribeOrganization). */
function member(ctx: RequestContext) {
  const state = organizationsState(ctx.world);
  if (!state.organization || !state.members.has(ctx.caller.accountId)) throw errors.notInUse();
  return state;
}

/** Management account only (writes). */
function management(ctx: RequestContext) {
  const state = member(ctx);
  if (ctx.caller.accountId !== state.organization!.masterAccountId) throw errors.accessDenied();
  return state;
}

/** Management account or a delegated administrator (reads). */
function reader(ctx: RequestContext) {
  const state = member(ctx);
  const caller = ctx.caller.accountId;
  if (caller !== state.organization!.masterAccountId && !isDelegatedAdministrator(ctx.world, caller)) throw errors.accessDenied();
  return state;
}

// ---- output shapes ---------------------------------------------------------------------------

function account(world: World, m: Member) {
  const record = world.accounts.get(m.accountId);
  return {
    Id: m.accountId,
    Arn: m.arn,
    Email: record?.email,
    Name: record?.name,
    Status: m.status,
    State: m.status,
    JoinedMethod: m.joinedMethod,
    JoinedTimestamp: m.joinedTimestamp,
  };
}

const rootShape = (r: Root) => ({ Id: r.id, Arn: r.arn, Name: r.name, PolicyTypes: r.policyTypes });

const organizationalUnit = (ou: OrganizationalUnit) => ({ Id: ou.id, Arn: ou.arn, Name: ou.name });

const policySummary = (p: Policy) => ({
  Id: p.id,
  Arn: p.arn,
  Name: p.name,
  Description: p.description,
  Type: p.type,
  AwsManaged: p.awsManaged,
});

const policy = (p: Policy) => ({ Policy: { PolicySummary: policySummary(p), Content: p.content } });

/**
 * ARN of a root, OU, account or policy id, for authorization; '*' when unknown. Organizations ARNs
 * belong to the management account: for any other caller '*' keeps the check in the caller's own
 * account, and the operation itself answers AccessDenied or NotInUse as AWS does.
 */
function arnOf(ctx: RequestContext, id: string | undefined): string {
  const state = organizationsState(ctx.world);
  if (id === undefined || ctx.caller.accountId !== state.organization?.masterAccountId) return '*';
  if (state.root?.id === id) return state.root.arn;
  return state.ous.get(id)?.arn ?? state.members.get(id)?.arn ?? state.policies.get(id)?.arn ?? '*';
}

function listed<T, R>(ctx: RequestContext, items: readonly T[], input: PageInput, key: string, idOf: (t: T) => string, map: (t: T) => R) {
  const result = page(items, input, key, idOf, organizationsState(ctx.world).pageShardSize);
  return { items: result.items.map(map), NextToken: result.NextToken };
}

const self = (id: string) => id;
const EMPTY: readonly string[] = [];

function accountsOf(ctx: RequestContext, ids: readonly string[], input: PageInput, key: string) {
  const state = organizationsState(ctx.world);
  const { items, NextToken } = listed(ctx, ids, input, key, self, (id) => account(ctx.world, state.members.get(id)!));
  return { Accounts: items, NextToken };
}

// ---- operations ------------------------------------------------------------------------------

type Input = WireInput;
type Spec = OperationSpec<Input>;

export const operations: Record<string, Spec> = {
  CreateOrganization: {
    handler: (ctx, input) => {
      const featureSet = input.FeatureSet ?? 'ALL';
      if (featureSet !== 'ALL' && featureSet !== 'CONSOLIDATED_BILLING') {
        throw errors.invalidInput('INVALID_ENUM', 'You specified an invalid value for FeatureSet.');
      }
      // As in AWS, a new organization has no policy type enabled (EnablePolicyType turns SCPs on).
      createOrganization(ctx.world, { managementAccountId: ctx.caller.accountId, featureSet, enableServiceControlPolicies: false });
      return operations.DescribeOrganization.handler(ctx, {});
    },
  },

  DescribeOrganization: {
    handler: (ctx) => {
      const state = member(ctx);
      const o = state.organization!;
      return {
        Organization: {
          Id: o.id,
          Arn: o.arn,
          FeatureSet: o.featureSet,
          MasterAccountArn: o.masterAccountArn,
          MasterAccountId: o.masterAccountId,
          MasterAccountEmail: o.masterAccountEmail,
          AvailablePolicyTypes: state.root!.policyTypes,
        },
      };
    },
  },

  EnablePolicyType: {
    handler: (ctx, input) => {
      const root = matching(input.RootId, 'RootId', ROOT_ID);
      const type = policyType(input.PolicyType, 'PolicyType');
      if (management(ctx).root!.id !== root) throw errors.rootNotFound();
      return { Root: rootShape(enablePolicyType(ctx.world, type)) };
    },
  },

  DisablePolicyType: {
    handler: (ctx, input) => {
      const root = matching(input.RootId, 'RootId', ROOT_ID);
      const type = policyType(input.PolicyType, 'PolicyType');
      if (management(ctx).root!.id !== root) throw errors.rootNotFound();
      return { Root: rootShape(disablePolicyType(ctx.world, type)) };
    },
  },

  ListRoots: {
    handler: (ctx, input) => {
      const root = reader(ctx).root!;
      const { items, NextToken } = listed(ctx, [root], input, 'roots', (r) => r.id, rootShape);
      return { Roots: items, NextToken };
    },
  },

  ListChildren: {
    resource: (ctx, input) => arnOf(ctx, input.ParentId),
    handler: (ctx, input) => {
      const parent = parentId(input.ParentId);
      const childType = required<string>(input.ChildType, 'ChildType');
      if (childType !== 'ACCOUNT' && childType !== 'ORGANIZATIONAL_UNIT') {
        throw errors.invalidInput('INVALID_ENUM', 'You specified an invalid value for ChildType.');
      }
      const state = reader(ctx);
      requireParent(ctx.world, parent);
      const ids = (childType === 'ACCOUNT' ? state.childAccounts : state.childOus).get(parent) ?? EMPTY;
      const { items, NextToken } = listed(ctx, ids, input, `children:${parent}:${childType}`, self, (id) => ({ Id: id, Type: childType }));
      return { Children: items, NextToken };
    },
  },

  ListOrganizationalUnitsForParent: {
    resource: (ctx, input) => arnOf(ctx, input.ParentId),
    handler: (ctx, input) => {
      const parent = parentId(input.ParentId);
      const state = reader(ctx);
      requireParent(ctx.world, parent);
      const { items, NextToken } = listed(ctx, state.childOus.get(parent) ?? EMPTY, input, `ous:${parent}`, self, (id) =>
        organizationalUnit(state.ous.get(id)!),
      );
      return { OrganizationalUnits: items, NextToken };
    },
  },

  ListAccountsForParent: {
    resource: (ctx, input) => arnOf(ctx, input.ParentId),
    handler: (ctx, input) => {
      const parent = parentId(input.ParentId);
      const state = reader(ctx);
      requireParent(ctx.world, parent);
      return accountsOf(ctx, state.childAccounts.get(parent) ?? EMPTY, input, `accounts:${parent}`);
    },
  },

  ListAccounts: {
    handler: (ctx, input) => accountsOf(ctx, reader(ctx).memberOrder, input, 'accounts'),
  },

  ListParents: {
    resource: (ctx, input) => arnOf(ctx, input.ChildId),
    handler: (ctx, input) => {
      const child = matching(input.ChildId, 'ChildId', ACCOUNT_ID, OU_ID);
      const state = reader(ctx);
      const parent = state.members.get(child)?.parentId ?? state.ous.get(child)?.parentId;
      if (parent === undefined) throw errors.childNotFound();
      const { items, NextToken } = listed(ctx, [parent], input, `parents:${child}`, self, (id) => ({
        Id: id,
        Type: id === state.root!.id ? 'ROOT' : 'ORGANIZATIONAL_UNIT',
      }));
      return { Parents: items, NextToken };
    },
  },

  DescribeAccount: {
    resource: (ctx, input) => arnOf(ctx, input.AccountId),
    handler: (ctx, input) => {
      const id = matching(input.AccountId, 'AccountId', ACCOUNT_ID);
      reader(ctx);
      return { Account: account(ctx.world, requireMember(ctx.world, id)) };
    },
  },

  DescribeOrganizationalUnit: {
    resource: (ctx, input) => arnOf(ctx, input.OrganizationalUnitId),
    handler: (ctx, input) => {
      const id = matching(input.OrganizationalUnitId, 'OrganizationalUnitId', OU_ID);
      reader(ctx);
      return { OrganizationalUnit: organizationalUnit(requireOrganizationalUnit(ctx.world, id)) };
    },
  },

  ListPolicies: {
    handler: (ctx, input) => {
      const type = policyType(input.Filter, 'Filter');
      const state = reader(ctx);
      const ids = [...state.policies.values()].filter((p) => p.type === type).map((p) => p.id);
      const { items, NextToken } = listed(ctx, ids, input, `policies:${type}`, self, (id) => policySummary(state.policies.get(id)!));
      return { Policies: items, NextToken };
    },
  },

  ListPoliciesForTarget: {
    resource: (ctx, input) => arnOf(ctx, input.TargetId),
    handler: (ctx, input) => {
      const target = targetId(input.TargetId);
      const type = policyType(input.Filter, 'Filter');
      const state = reader(ctx);
      requireTarget(ctx.world, target);
      const ids = (state.attachments.get(target) ?? EMPTY).filter((id) => state.policies.get(id)?.type === type);
      const { items, NextToken } = listed(ctx, ids, input, `policies:${target}:${type}`, self, (id) => policySummary(state.policies.get(id)!));
      return { Policies: items, NextToken };
    },
  },

  DescribePolicy: {
    resource: (ctx, input) => arnOf(ctx, input.PolicyId),
    handler: (ctx, input) => {
      const id = policyId(input.PolicyId);
      reader(ctx);
      return policy(requirePolicy(ctx.world, id));
    },
  },

  ListTargetsForPolicy: {
    resource: (ctx, input) => arnOf(ctx, input.PolicyId),
    handler: (ctx, input) => {
      const id = policyId(input.PolicyId);
      const state = reader(ctx);
      requirePolicy(ctx.world, id);
      const { items, NextToken } = listed(ctx, state.policyTargets.get(id) ?? EMPTY, input, `targets:${id}`, self, (target) => {
        if (target === state.root!.id) return { TargetId: target, Arn: state.root!.arn, Name: state.root!.name, Type: 'ROOT' };
        const ou = state.ous.get(target);
        if (ou) return { TargetId: target, Arn: ou.arn, Name: ou.name, Type: 'ORGANIZATIONAL_UNIT' };
        const m = state.members.get(target)!;
        return { TargetId: target, Arn: m.arn, Name: ctx.world.accounts.get(target)?.name, Type: 'ACCOUNT' };
      });
      return { Targets: items, NextToken };
    },
  },

  ListAWSServiceAccessForOrganization: {
    handler: (ctx, input) => {
      const state = reader(ctx);
      const { items, NextToken } = listed(ctx, [...state.serviceAccess.keys()], input, 'service-access', self, (principal) => ({
        ServicePrincipal: principal,
        DateEnabled: state.serviceAccess.get(principal),
      }));
      return { EnabledServicePrincipals: items, NextToken };
    },
  },

  ListDelegatedAdministrators: {
    handler: (ctx, input) => {
      const principal = input.ServicePrincipal === undefined ? undefined : servicePrincipal(input.ServicePrincipal);
      const state = reader(ctx);
      const ids = [...state.delegatedAdministrators.keys()].filter((id) => isDelegatedAdministrator(ctx.world, id, principal));
      const { items, NextToken } = listed(ctx, ids, input, `delegated:${principal ?? ''}`, self, (id) => {
        const services = [...state.delegatedAdministrators.get(id)!.values()];
        return {
          ...account(ctx.world, state.members.get(id)!),
          DelegationEnabledDate: services.reduce((a, b) => (a < b ? a : b)),
        };
      });
      return { DelegatedAdministrators: items, NextToken };
    },
  },

  RegisterDelegatedAdministrator: {
    handler: (ctx, input) => {
      const id = matching(input.AccountId, 'AccountId', ACCOUNT_ID);
      const principal = servicePrincipal(input.ServicePrincipal);
      management(ctx);
      registerDelegatedAdministrator(ctx.world, id, principal);
      return {};
    },
  },

  ListTagsForResource: {
    resource: (ctx, input) => arnOf(ctx, input.ResourceId),
    handler: (ctx, input) => {
      const id = matching(input.ResourceId, 'ResourceId', ROOT_ID, OU_ID, ACCOUNT_ID, POLICY_ID);
      reader(ctx);
      const { items, NextToken } = listed(ctx, tagsOf(ctx.world, id), input, `tags:${id}`, (t) => t.Key, (t) => t);
      return { Tags: items, NextToken };
    },
  },

  TagResource: {
    resource: (ctx, input) => arnOf(ctx, input.ResourceId),
    handler: (ctx, input) => {
      const id = matching(input.ResourceId, 'ResourceId', ROOT_ID, OU_ID, ACCOUNT_ID, POLICY_ID);
      const list = tags(required(input.Tags, 'Tags'));
      management(ctx);
      tagResource(ctx.world, id, list);
      return {};
    },
  },

  UntagResource: {
    resource: (ctx, input) => arnOf(ctx, input.ResourceId),
    handler: (ctx, input) => {
      const id = matching(input.ResourceId, 'ResourceId', ROOT_ID, OU_ID, ACCOUNT_ID, POLICY_ID);
      const keys = required<string[]>(input.TagKeys, 'TagKeys');
      management(ctx);
      untagResource(ctx.world, id, keys);
      return {};
    },
  },

  CreateOrganizationalUnit: {
    resource: (ctx, input) => arnOf(ctx, input.ParentId),
    handler: (ctx, input) => {
      const parent = parentId(input.ParentId);
      const ouName = name(input.Name, 'Name');
      const list = tags(input.Tags);
      management(ctx);
      return { OrganizationalUnit: organizationalUnit(createOrganizationalUnit(ctx.world, parent, ouName, { tags: list })) };
    },
  },

  UpdateOrganizationalUnit: {
    resource: (ctx, input) => arnOf(ctx, input.OrganizationalUnitId),
    handler: (ctx, input) => {
      const id = matching(input.OrganizationalUnitId, 'OrganizationalUnitId', OU_ID);
      const ouName = input.Name === undefined ? undefined : name(input.Name, 'Name');
      management(ctx);
      return { OrganizationalUnit: organizationalUnit(updateOrganizationalUnit(ctx.world, id, ouName)) };
    },
  },

  DeleteOrganizationalUnit: {
    resource: (ctx, input) => arnOf(ctx, input.OrganizationalUnitId),
    handler: (ctx, input) => {
      const id = matching(input.OrganizationalUnitId, 'OrganizationalUnitId', OU_ID);
      management(ctx);
      deleteOrganizationalUnit(ctx.world, id);
      return {};
    },
  },

  MoveAccount: {
    resource: (ctx, input) => [arnOf(ctx, input.AccountId), arnOf(ctx, input.SourceParentId), arnOf(ctx, input.DestinationParentId)],
    handler: (ctx, input) => {
      const id = matching(input.AccountId, 'AccountId', ACCOUNT_ID);
      const source = parentId(input.SourceParentId, 'SourceParentId');
      const destination = parentId(input.DestinationParentId, 'DestinationParentId');
      management(ctx);
      moveAccount(ctx.world, id, source, destination);
      return {};
    },
  },

  RemoveAccountFromOrganization: {
    resource: (ctx, input) => arnOf(ctx, input.AccountId),
    handler: (ctx, input) => {
      const id = matching(input.AccountId, 'AccountId', ACCOUNT_ID);
      management(ctx);
      removeAccountFromOrganization(ctx.world, id);
      return {};
    },
  },

  EnableAWSServiceAccess: {
    handler: (ctx, input) => {
      const principal = servicePrincipal(input.ServicePrincipal);
      management(ctx);
      enableAwsServiceAccess(ctx.world, principal);
      return {};
    },
  },

  DisableAWSServiceAccess: {
    handler: (ctx, input) => {
      const principal = servicePrincipal(input.ServicePrincipal);
      management(ctx);
      disableAwsServiceAccess(ctx.world, principal);
      return {};
    },
  },

  CreatePolicy: {
    handler: (ctx, input) => {
      const content = required<string>(input.Content, 'Content');
      const description = required<string>(input.Description, 'Description');
      const policyName = name(input.Name, 'Name');
      const type = policyType(input.Type, 'Type');
      const list = tags(input.Tags);
      if (description.length > 512) throw errors.invalidInput('MAX_LENGTH_EXCEEDED', 'You provided a value for Description that exceeds the maximum length.');
      management(ctx);
      const created = createPolicy(ctx.world, { name: policyName, description, content, type });
      if (list.length > 0) tagResource(ctx.world, created.id, list);
      return policy(created);
    },
  },

  AttachPolicy: {
    resource: (ctx, input) => [arnOf(ctx, input.PolicyId), arnOf(ctx, input.TargetId)],
    handler: (ctx, input) => {
      const id = policyId(input.PolicyId);
      const target = targetId(input.TargetId);
      management(ctx);
      attachPolicy(ctx.world, id, target);
      return {};
    },
  },

  DetachPolicy: {
    resource: (ctx, input) => [arnOf(ctx, input.PolicyId), arnOf(ctx, input.TargetId)],
    handler: (ctx, input) => {
      const id = policyId(input.PolicyId);
      const target = targetId(input.TargetId);
      management(ctx);
      detachPolicy(ctx.world, id, target);
      return {};
    },
  },
};
