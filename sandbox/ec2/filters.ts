// EC2 Describe filters: filters are ANDed, a filter's values ORed, values may use the `*` and `?`
// wildcards, and every Describe call also accepts tag:KEY, tag-key and tag-value.
import * as errors from './exceptions.js';
import type { Tags } from './models.js';

export interface Filter {
  Name?: string;
  Values?: string[];
}

/** Filter name → the item's values for it (one or many). */
export type FilterFields<T> = Record<string, (item: T) => string | number | boolean | undefined | (string | undefined)[]>;

const patternCache = new Map<string, RegExp>();

function pattern(value: string): RegExp {
  let re = patternCache.get(value);
  if (!re) {
    const source = value.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    re = new RegExp(`^${source}$`, 's');
    patternCache.set(value, re);
  }
  return re;
}

function tagValues(name: string, tags: Tags): string[] | undefined {
  if (name.startsWith('tag:')) {
    const key = name.slice(4);
    return key in tags ? [tags[key]] : [];
  }
  if (name === 'tag-key') return Object.keys(tags);
  if (name === 'tag-value') return Object.values(tags);
  return undefined;
}

/**
 * The items matching every filter. `tags` gives the tags the caller sees on an item; an unknown
 * filter name is AWS's InvalidParameterValue.
 */
export function applyFilters<T>(items: T[], filters: Filter[] | undefined, fields: FilterFields<T>, tags: (item: T) => Tags = () => ({})): T[] {
  if (!filters || filters.length === 0) return items;
  const checks = filters.map((filter) => {
    const name = filter.Name ?? '';
    const isTag = name.startsWith('tag:') || name === 'tag-key' || name === 'tag-value';
    const field = Object.hasOwn(fields, name) ? fields[name] : undefined;
    if (!isTag && !field) throw errors.invalidFilter(name);
    const patterns = (filter.Values ?? []).map(pattern);
    return (item: T) => {
      const raw = isTag ? tagValues(name, tags(item))! : field!(item);
      const values = (Array.isArray(raw) ? raw : [raw]).filter((v) => v !== undefined).map(String);
      return values.some((v) => patterns.some((p) => p.test(v)));
    };
  });
  return items.filter((item) => checks.every((check) => check(item)));
}
