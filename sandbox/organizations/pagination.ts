// Organizations-style pagination: MaxResults 1..20, opaque NextToken, and empty pages.
//
// A list is read through hidden internal shards of `pageShardSize` items (state; demo seed: 4,
// large seed: 1000). A page never spans two shards, so it may hold fewer than MaxResults items while
// NextToken is set; and the first call that lands on a shard boundary returns an EMPTY page with a
// NextToken. This is deterministic (it depends only on positions), and it is what AWS documents:
// "Organizations might return fewer results than the maximum even when there are more results
// available" — clients must keep paging until NextToken is null.
import * as errors from './exceptions.js';

export interface PageInput {
  NextToken?: string;
  MaxResults?: number;
}

interface Token {
  /** What is being listed (operation + its arguments): a token only continues the same listing. */
  k: string;
  /** Index of the next item. */
  i: number;
  /** Id of the next item, to resume at the right place if the list changed in between. */
  a?: string;
  /** The shard starting at `i` has already been opened by an empty page. */
  o?: 1;
}

export const MAX_RESULTS = 20;

export function validateMaxResults(maxResults: number | undefined): void {
  if (maxResults === undefined) return;
  if (maxResults > MAX_RESULTS) {
    throw errors.invalidInput('MAX_VALUE_EXCEEDED', 'You provided a value that exceeds the maximum allowed value.');
  }
  if (maxResults < 1) throw errors.invalidInput('MIN_VALUE_EXCEEDED', 'You provided a value that is less than the minimum allowed value.');
}

function encode(token: Token): string {
  return Buffer.from(JSON.stringify(token)).toString('base64');
}

function decode(text: string, key: string): Token {
  try {
    const token = JSON.parse(Buffer.from(text, 'base64').toString('utf8')) as Token;
    if (token.k === key && Number.isInteger(token.i) && token.i >= 0) return token;
  } catch {
    // fall through
  }
  throw errors.invalidInput('INVALID_NEXT_TOKEN', 'The specified token is invalid.');
}

/**
 * One page of `items` (read lazily: only the page's ids are mapped). `key` names the listing;
 * `idOf` identifies an item so a token survives insertions and removals before its position.
 */
export function page<T>(
  items: readonly T[],
  input: PageInput,
  key: string,
  idOf: (item: T) => string,
  shardSize: number,
): { items: T[]; NextToken?: string } {
  validateMaxResults(input.MaxResults);
  const max = input.MaxResults ?? MAX_RESULTS;
  let start = 0;
  let opened = false;
  if (input.NextToken !== undefined) {
    const token = decode(input.NextToken, key);
    start = token.i;
    opened = token.o === 1;
    if (token.a !== undefined && (items[start] === undefined || idOf(items[start]) !== token.a)) {
      const moved = items.findIndex((item) => idOf(item) === token.a);
      if (moved >= 0) start = moved;
    }
  }
  start = Math.min(start, items.length);
  const next = (i: number, open?: 1): string => encode({ k: key, i, a: items[i] === undefined ? undefined : idOf(items[i]), o: open });
  if (start > 0 && start < items.length && start % shardSize === 0 && !opened) {
    return { items: [], NextToken: next(start, 1) };
  }
  const shardEnd = (Math.floor(start / shardSize) + 1) * shardSize;
  const end = Math.min(start + max, shardEnd, items.length);
  return { items: items.slice(start, end), NextToken: end < items.length ? next(end) : undefined };
}
