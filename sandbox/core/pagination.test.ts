// Protects list pagination: every item once across pages, all items without maxResults, a foreign token refused.
import { describe, expect, it } from 'vitest';
import { paginate } from './pagination.js';

describe('paginate', () => {
  const invalidToken = (token: string) => new Error(`bad ${token}`);
  it('walks all items in pages and rejects a foreign token', () => {
    const items = Array.from({ length: 12 }, (_, i) => i);
    const seen: number[] = [];
    let nextToken: string | undefined;
    do {
      const page = paginate(items, { maxResults: 5, nextToken, invalidToken });
      seen.push(...page.items);
      nextToken = page.nextToken;
    } while (nextToken);
    expect(seen).toEqual(items);
    expect(paginate(items, { invalidToken }).items).toHaveLength(12);
    expect(() => paginate(items, { nextToken: 'garbage', invalidToken })).toThrow('bad garbage');
  });
});
