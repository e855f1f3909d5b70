// When a resource share invitation expires: 7 days after it was sent when every resource it holds is of a
// type AWS gives 7 days, otherwise 12 hours (the RAM user guide's list, in RAM's resource type names).
export const SEVEN_DAYS_HOURS = 7 * 24;
export const TWELVE_HOURS = 12;

/** RAM resource types whose invitations may be accepted for 7 days. */
export const SEVEN_DAY_TYPES: ReadonlySet<string> = new Set([
  'rds:Cluster',
  'ec2:CapacityReservation',
  'ec2:DedicatedHost',
  'license-manager:LicenseConfiguration',
  'ec2:LocalGatewayRouteTable',
  'outposts:Outpost',
  'outposts:Site',
  'route53resolver:ResolverRule',
  'ec2:CoipPool',
  'ec2:PrefixList',
  'ec2:Subnet',
  'ec2:TrafficMirrorTarget',
  'ec2:TransitGateway',
  'ec2:TransitGatewayMulticastDomain',
]);

/** Hours an invitation holding `types` stays open: the shortest term among them (12 hours when none is known). */
export function invitationTermHours(types: Iterable<string>): number {
  let hours: number | undefined;
  for (const type of types) hours = Math.min(hours ?? SEVEN_DAYS_HOURS, SEVEN_DAY_TYPES.has(type) ? SEVEN_DAYS_HOURS : TWELVE_HOURS);
  return hours ?? TWELVE_HOURS;
}

export function invitationExpiresAt(invitedAt: number, types: Iterable<string>): number {
  return invitedAt + invitationTermHours(types) * 3_600_000;
}

/** "2 h 10 min", "6 d 23 h", "45 s": the two largest units of a duration. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (days) return hours ? `${days} d ${hours} h` : `${days} d`;
  if (hours) return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
  if (minutes) return `${minutes} min`;
  return `${seconds % 60} s`;
}
