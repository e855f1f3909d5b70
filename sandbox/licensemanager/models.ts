// License Manager state and rules for license configurations (the resource RAM shares). State is
// per (account, Region). Licenses are never consumed here: no instances run in the sandbox.
import type { World } from '../core/types.js';
import { HEX, newId, serviceState } from '../core/world.js';
import { parseArn } from '../core/arn.js';
import { scopedMap } from '../core/scope.js';
import { sharedResources } from '../ram/state.js';
import * as errors from './exceptions.js';

export type LicenseCountingType = 'vCPU' | 'Instance' | 'Core' | 'Socket';
export const LICENSE_COUNTING_TYPES: LicenseCountingType[] = ['vCPU', 'Instance', 'Core', 'Socket'];

export interface LicenseConfiguration {
  licenseConfigurationId: string;
  licenseConfigurationArn: string;
  ownerAccountId: string;
  region: string;
  name: string;
  description?: string;
  licenseCountingType: LicenseCountingType;
  licenseCount?: number;
  licenseCountHardLimit: boolean;
  licenseRules: string[];
  disassociateWhenNotFound: boolean;
  licenseExpiry?: number;
  productInformationList: unknown[];
  tags: { key: string; value: string }[];
}

export interface LicenseManagerState {
  /** Keyed by `ACCOUNT/REGION`, then by ARN. */
  scopes: Map<string, Map<string, LicenseConfiguration>>;
}

export const emptyLicenseManagerState = (): LicenseManagerState => ({ scopes: new Map() });

function configurations(world: World, accountId: string, region: string, create = false): Map<string, LicenseConfiguration> | undefined {
  return scopedMap(serviceState(world, 'licensemanager', emptyLicenseManagerState).scopes, accountId, region, create);
}

export function licenseConfigurationByArn(world: World, arn: string): LicenseConfiguration | undefined {
  const parsed = parseArn(arn);
  if (!parsed || parsed.service !== 'license-manager') return undefined;
  return configurations(world, parsed.account, parsed.region)?.get(arn);
}

export function ownLicenseConfigurations(world: World, accountId: string, region: string): LicenseConfiguration[] {
  return [...(configurations(world, accountId, region)?.values() ?? [])];
}

/** The account's own configurations, then those shared with it through RAM. */
export function visibleLicenseConfigurations(world: World, accountId: string, region: string): LicenseConfiguration[] {
  const shared = sharedResources(world, accountId, region, 'license-manager:LicenseConfiguration', (arn) => licenseConfigurationByArn(world, arn), (c) => c.ownerAccountId);
  return [...ownLicenseConfigurations(world, accountId, region), ...shared];
}

export function visibleLicenseConfiguration(world: World, accountId: string, region: string, arn: string): LicenseConfiguration {
  const found = visibleLicenseConfigurations(world, accountId, region).find((c) => c.licenseConfigurationArn === arn);
  if (!found) throw errors.invalidLicenseConfigurationArn(arn);
  return found;
}

export interface CreateLicenseConfigurationParams {
  name: string;
  licenseCountingType: string;
  description?: string;
  licenseCount?: number;
  licenseCountHardLimit?: boolean;
  licenseRules?: string[];
  disassociateWhenNotFound?: boolean;
  licenseExpiry?: number;
  productInformationList?: unknown[];
  tags?: { key: string; value: string }[];
}

export function createLicenseConfiguration(world: World, accountId: string, region: string, params: CreateLicenseConfigurationParams): LicenseConfiguration {
  const countingType = params.licenseCountingType as LicenseCountingType;
  if (!LICENSE_COUNTING_TYPES.includes(countingType)) {
    throw errors.invalidParameterValue(`Invalid license counting type: ${params.licenseCountingType}. Valid values: ${LICENSE_COUNTING_TYPES.join(', ')}`);
  }
  if (params.name.trim() === '') throw errors.invalidParameterValue('License configuration name must not be empty.');
  if (params.licenseCount !== undefined && params.licenseCount < 0) {
    throw errors.invalidParameterValue('License count must be a non-negative number.');
  }
  const home = configurations(world, accountId, region, true)!;
  const licenseConfigurationId = `lic-${newId(world, 32, HEX)}`;
  const configuration: LicenseConfiguration = {
    licenseConfigurationId,
    licenseConfigurationArn: `arn:aws:license-manager:${region}:${accountId}:license-configuration:${licenseConfigurationId}`,
    ownerAccountId: accountId,
    region,
    name: params.name,
    description: params.description,
    licenseCountingType: countingType,
    licenseCount: params.licenseCount,
    licenseCountHardLimit: params.licenseCountHardLimit ?? false,
    licenseRules: [...(params.licenseRules ?? [])],
    disassociateWhenNotFound: params.disassociateWhenNotFound ?? false,
    licenseExpiry: params.licenseExpiry,
    productInformationList: [...(params.productInformationList ?? [])],
    tags: [...(params.tags ?? [])],
  };
  home.set(configuration.licenseConfigurationArn, configuration);
  return configuration;
}

export function deleteLicenseConfiguration(world: World, accountId: string, region: string, arn: string): void {
  if (!configurations(world, accountId, region)?.delete(arn)) throw errors.invalidLicenseConfigurationArn(arn);
}
