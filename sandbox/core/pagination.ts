// List pagination with opaque tokens, shared by the List/Describe operations of the services
// (EC2, Route 53 Resolver, License Manager, ACM PCA, RAM); each passes its own invalid-token error.

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/**
 * One page of `items` starting where `nextToken` left off. Tokens are opaque to clients; an
 * unreadable one makes `invalidToken` throw. Without maxResults (and without `defaultMax`) all
 * items are returned.
 */
export function paginate<T>(
  items: T[],
  options: { maxResults?: number; nextToken?: string; defaultMax?: number; invalidToken: (token: string) => Error },
): Page<T> {
  let start = 0;
  if (options.nextToken !== undefined) {
    const decoded = /^o(\d+)$/.exec(Buffer.from(options.nextToken, 'base64url').toString('utf8'));
    if (!decoded || Number(decoded[1]) > items.length) throw options.invalidToken(options.nextToken);
    start = Number(decoded[1]);
  }
  const size = options.maxResults ?? options.defaultMax;
  if (size === undefined) return { items: items.slice(start) };
  const end = start + size;
  return {
    items: items.slice(start, end),
    nextToken: end < items.length ? Buffer.from(`o${end}`, 'utf8').toString('base64url') : undefined,
  };
}
