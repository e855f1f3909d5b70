// Protects the resolver rules the console lists and shares: create/get/list/delete, validation, filters, pagination, policies and per-account isolation.
import {
  CreateResolverRuleCommand,
  DeleteResolverRuleCommand,
  GetResolverRuleCommand,
  GetResolverRulePolicyCommand,
  ListResolverRulesCommand,
  paginateListResolverRules,
  PutResolverRulePolicyCommand,
  Route53ResolverClient,
} from '@aws-sdk/client-route53resolver';
import { describe, expect, it } from 'vitest';
import { errorOf, twoAccountSandbox } from '../testing/service-tests.js';

let resolver: Route53ResolverClient;
let other: Route53ResolverClient;
let requests = 0;

twoAccountSandbox(Route53ResolverClient, (started) => ({ client: resolver, other } = started));

const forward = (domain: string, name = domain.replace(/\./g, '-')) =>
  resolver.send(
    new CreateResolverRuleCommand({
      CreatorRequestId: `req-${++requests}`,
      RuleType: 'FORWARD',
      Name: name,
      DomainName: domain,
      TargetIps: [{ Ip: '10.0.0.10' }],
      ResolverEndpointId: 'rslvr-out-0123456789abcdef0',
    }),
  );

describe('resolver rules', () => {
  it('creates a FORWARD rule and gets it back', async () => {
    const { ResolverRule } = await forward('corp.test');
    const id = ResolverRule!.Id!;
    expect(id).toMatch(/^rslvr-rr-[0-9a-f]{17}$/);
    expect(ResolverRule).toMatchObject({
      Arn: `arn:aws:route53resolver:us-east-1:111111111111:resolver-rule/${id}`,
      DomainName: 'corp.test.',
      RuleType: 'FORWARD',
      Status: 'COMPLETE',
      OwnerId: '111111111111',
      ShareStatus: 'NOT_SHARED',
      TargetIps: [{ Ip: '10.0.0.10', Port: 53, Protocol: 'Do53' }],
      ResolverEndpointId: 'rslvr-out-0123456789abcdef0',
    });
    const got = await resolver.send(new GetResolverRuleCommand({ ResolverRuleId: id }));
    expect(got.ResolverRule).toEqual(ResolverRule);
  });

  it('validates rule types, targets and creator request IDs', async () => {
    const noTargets = resolver.send(new CreateResolverRuleCommand({ CreatorRequestId: 'no-targets', RuleType: 'FORWARD', DomainName: 'x.test' }));
    expect((await errorOf(noTargets)).name).toBe('InvalidRequestException');
    const systemWithTargets = resolver.send(
      new CreateResolverRuleCommand({ CreatorRequestId: 'sys', RuleType: 'SYSTEM', DomainName: 'x.test', TargetIps: [{ Ip: '10.0.0.1' }] }),
    );
    expect((await errorOf(systemWithTargets)).name).toBe('InvalidRequestException');
    const badIp = resolver.send(
      new CreateResolverRuleCommand({ CreatorRequestId: 'bad-ip', RuleType: 'FORWARD', DomainName: 'x.test', TargetIps: [{ Ip: '10.0.0.300' }] }),
    );
    expect((await errorOf(badIp)).name).toBe('InvalidParameterException');
    const system = await resolver.send(new CreateResolverRuleCommand({ CreatorRequestId: 'system-1', RuleType: 'SYSTEM', DomainName: 'local.test' }));
    expect(system.ResolverRule!.TargetIps).toBeUndefined();
    const again = resolver.send(new CreateResolverRuleCommand({ CreatorRequestId: 'system-1', RuleType: 'SYSTEM', DomainName: 'other.test' }));
    expect((await errorOf(again)).name).toBe('ResourceExistsException');
  });

  it('lists the built-in Internet Resolver rule first, filters and pages', async () => {
    for (const d of ['a.page.test', 'b.page.test', 'c.page.test']) await forward(d);
    const all: string[] = [];
    for await (const page of paginateListResolverRules({ client: resolver, pageSize: 2 }, {})) {
      expect(page.ResolverRules!.length).toBeLessThanOrEqual(2);
      all.push(...page.ResolverRules!.map((r) => r.DomainName!));
    }
    expect(all[0]).toBe('.');
    expect(all).toEqual(expect.arrayContaining(['a.page.test.', 'b.page.test.', 'c.page.test.']));

    const builtIn = (await resolver.send(new ListResolverRulesCommand({ MaxResults: 1 }))).ResolverRules![0];
    expect(builtIn).toMatchObject({ Id: 'rslvr-autodefined-rr-internet-resolver', Name: 'Internet Resolver', RuleType: 'RECURSIVE', OwnerId: 'Route 53 Resolver' });

    const byDomain = await resolver.send(new ListResolverRulesCommand({ Filters: [{ Name: 'DomainName', Values: ['b.page.test'] }] }));
    expect(byDomain.ResolverRules!.map((r) => r.DomainName)).toEqual(['b.page.test.']);
    const byType = await resolver.send(new ListResolverRulesCommand({ Filters: [{ Name: 'TYPE', Values: ['SYSTEM'] }] }));
    expect(byType.ResolverRules!.every((r) => r.RuleType === 'SYSTEM')).toBe(true);
    expect((await errorOf(resolver.send(new ListResolverRulesCommand({ Filters: [{ Name: 'Colour', Values: ['x'] }] })))).name).toBe('InvalidParameterException');
    expect((await errorOf(resolver.send(new ListResolverRulesCommand({ NextToken: 'bogus' })))).name).toBe('InvalidNextTokenException');
  });

  it('deletes a rule; then it is not found', async () => {
    const id = (await forward('gone.test')).ResolverRule!.Id!;
    const deleted = await resolver.send(new DeleteResolverRuleCommand({ ResolverRuleId: id }));
    expect(deleted.ResolverRule!.Status).toBe('DELETING');
    const gone = await errorOf(resolver.send(new GetResolverRuleCommand({ ResolverRuleId: id })));
    expect(gone).toMatchObject({ name: 'ResourceNotFoundException', message: `Resolver rule with ID '${id}' does not exist.` });
    expect((await errorOf(resolver.send(new DeleteResolverRuleCommand({ ResolverRuleId: id })))).name).toBe('ResourceNotFoundException');
  });

  it('keeps a resource policy on the rule', async () => {
    const arn = (await forward('policy.test')).ResolverRule!.Arn!;
    expect((await resolver.send(new GetResolverRulePolicyCommand({ Arn: arn }))).ResolverRulePolicy).toBeUndefined();
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '222222222222' }, Action: 'route53resolver:GetResolverRule', Resource: arn }] });
    expect((await resolver.send(new PutResolverRulePolicyCommand({ Arn: arn, ResolverRulePolicy: policy }))).ReturnValue).toBe(true);
    expect((await resolver.send(new GetResolverRulePolicyCommand({ Arn: arn }))).ResolverRulePolicy).toBe(policy);
    const bad = resolver.send(new PutResolverRulePolicyCommand({ Arn: arn, ResolverRulePolicy: '{not json' }));
    expect((await errorOf(bad)).name).toBe('InvalidPolicyDocument');
  });

  it('another account sees only the built-in rule and cannot read or delete ours', async () => {
    const id = (await forward('private.test')).ResolverRule!.Id!;
    const theirs = await other.send(new ListResolverRulesCommand({}));
    expect(theirs.ResolverRules!.map((r) => r.Id)).toEqual(['rslvr-autodefined-rr-internet-resolver']);
    expect((await errorOf(other.send(new GetResolverRuleCommand({ ResolverRuleId: id })))).name).toBe('ResourceNotFoundException');
    expect((await errorOf(other.send(new DeleteResolverRuleCommand({ ResolverRuleId: id })))).name).toBe('ResourceNotFoundException');
  });

  it('answers ValidationException for a required member left out', async () => {
    const noId = await errorOf(resolver.send(new GetResolverRuleCommand({} as never)));
    expect(noId).toMatchObject({ name: 'ValidationException', message: "1 validation error detected: Value null at 'resolverRuleId' failed to satisfy constraint: Member must not be null" });
  });
});
