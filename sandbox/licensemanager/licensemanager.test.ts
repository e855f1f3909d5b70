// Protects the license configurations the console lists and shares: create/get/list/delete, filters, pagination, errors and per-account isolation.
import {
  CreateLicenseConfigurationCommand,
  DeleteLicenseConfigurationCommand,
  GetLicenseConfigurationCommand,
  LicenseManagerClient,
  ListLicenseConfigurationsCommand,
} from '@aws-sdk/client-license-manager';
import { describe, expect, it } from 'vitest';
import { errorOf, twoAccountSandbox } from '../testing/service-tests.js';

let lm: LicenseManagerClient;
let other: LicenseManagerClient;

twoAccountSandbox(LicenseManagerClient, (started) => ({ client: lm, other } = started));

const create = (name: string, countingType: 'vCPU' | 'Core' | 'Socket' | 'Instance' = 'vCPU', hardLimit = false) =>
  lm.send(new CreateLicenseConfigurationCommand({ Name: name, LicenseCountingType: countingType, LicenseCount: 10, LicenseCountHardLimit: hardLimit, Tags: [{ Key: 'team', Value: 'it' }] }));

describe('license configurations', () => {
  it('creates one and gets it back', async () => {
    const { LicenseConfigurationArn: arn } = await create('sql-server', 'Core', true);
    expect(arn).toMatch(/^arn:aws:license-manager:us-east-1:111111111111:license-configuration:lic-[0-9a-f]{32}$/);
    const got = await lm.send(new GetLicenseConfigurationCommand({ LicenseConfigurationArn: arn }));
    expect(got).toMatchObject({
      LicenseConfigurationArn: arn,
      LicenseConfigurationId: arn!.split(':').pop(),
      Name: 'sql-server',
      LicenseCountingType: 'Core',
      LicenseCount: 10,
      LicenseCountHardLimit: true,
      ConsumedLicenses: 0,
      Status: 'AVAILABLE',
      OwnerAccountId: '111111111111',
      Tags: [{ Key: 'team', Value: 'it' }],
    });
  });

  it('refuses an unknown counting type', async () => {
    const bad = lm.send(new CreateLicenseConfigurationCommand({ Name: 'x', LicenseCountingType: 'Seat' as 'vCPU' }));
    expect((await errorOf(bad)).name).toBe('InvalidParameterValueException');
  });

  it('lists with filters and pages', async () => {
    await create('socket-a', 'Socket');
    await create('socket-b', 'Socket');
    const sockets = await lm.send(new ListLicenseConfigurationsCommand({ Filters: [{ Name: 'licenseCountingType', Values: ['Socket'] }] }));
    expect(sockets.LicenseConfigurations!.map((c) => c.Name)).toEqual(['socket-a', 'socket-b']);
    const first = await lm.send(new ListLicenseConfigurationsCommand({ MaxResults: 1 }));
    expect(first.LicenseConfigurations).toHaveLength(1);
    const names = [first.LicenseConfigurations![0].Name];
    let token = first.NextToken;
    while (token) {
      const page = await lm.send(new ListLicenseConfigurationsCommand({ MaxResults: 1, NextToken: token }));
      names.push(...page.LicenseConfigurations!.map((c) => c.Name));
      token = page.NextToken;
    }
    expect(names).toEqual(expect.arrayContaining(['socket-a', 'socket-b']));
    const all = await lm.send(new ListLicenseConfigurationsCommand({}));
    expect(names).toHaveLength(all.LicenseConfigurations!.length);
    expect((await errorOf(lm.send(new ListLicenseConfigurationsCommand({ Filters: [{ Name: 'colour', Values: ['x'] }] })))).name).toBe('InvalidParameterValueException');
  });

  it('deletes one; then it is an invalid ARN', async () => {
    const { LicenseConfigurationArn: arn } = await create('short-lived');
    await lm.send(new DeleteLicenseConfigurationCommand({ LicenseConfigurationArn: arn }));
    expect((await errorOf(lm.send(new GetLicenseConfigurationCommand({ LicenseConfigurationArn: arn })))).name).toBe('InvalidParameterValueException');
    expect((await errorOf(lm.send(new DeleteLicenseConfigurationCommand({ LicenseConfigurationArn: arn })))).name).toBe('InvalidParameterValueException');
  });

  it('another account sees none of them and is denied reading one', async () => {
    const { LicenseConfigurationArn: arn } = await create('private');
    expect((await other.send(new ListLicenseConfigurationsCommand({}))).LicenseConfigurations).toEqual([]);
    // Another account's configuration needs a resource-based policy (or a RAM share).
    expect((await errorOf(other.send(new GetLicenseConfigurationCommand({ LicenseConfigurationArn: arn })))).name).toBe('AccessDeniedException');
  });

  it('answers ValidationException for a required member left out', async () => {
    const noArn = await errorOf(lm.send(new GetLicenseConfigurationCommand({} as never)));
    expect(noArn).toMatchObject({ name: 'ValidationException', message: "1 validation error detected: Value null at 'licenseConfigurationArn' failed to satisfy constraint: Member must not be null" });
  });
});
