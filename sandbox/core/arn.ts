// ARNs split into their fields, for the services that look resources up by ARN (EC2, Route 53
// Resolver, License Manager, ACM PCA); no service's rules, so any service may import it.

export interface ParsedArn {
  partition: string;
  service: string;
  region: string;
  account: string;
  /** Everything after the account: `subnet/subnet-...`, `license-configuration:lic-...`. */
  resource: string;
}

export function parseArn(arn: string): ParsedArn | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  const [, partition, service, region, account] = parts;
  return { partition, service, region, account, resource: parts.slice(5).join(':') };
}
