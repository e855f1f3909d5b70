// Protects the lists' paging: the page asked for, the last one past the end, the first one for nonsense, the count of every match, and the filters kept in a page's link.
import { describe, expect, it } from 'vitest';
import { DENSE_PAGE_SIZE, listQuery, pageOf } from './paging';

const rows = Array.from({ length: 120 }, (_, i) => i);

describe('pageOf', () => {
  it('gives the page asked for and how many rows match', () => {
    expect(pageOf(rows, 2)).toEqual({ rows: rows.slice(50, 100), matching: 120, page: 2, pages: 3 });
    expect(pageOf(rows, 3, DENSE_PAGE_SIZE)).toEqual({ rows: rows.slice(50, 75), matching: 120, page: 3, pages: 5 });
  });

  it('gives the last page past the end and the first for a page before it', () => {
    expect(pageOf(rows, 9)).toMatchObject({ page: 3, rows: rows.slice(100) });
    expect(pageOf(rows, 0)).toMatchObject({ page: 1, rows: rows.slice(0, 50) });
    expect(pageOf(rows, -4)).toMatchObject({ page: 1 });
  });

  it('gives one empty page of nothing', () => {
    expect(pageOf([], 1)).toEqual({ rows: [], matching: 0, page: 1, pages: 1 });
  });
});

describe('listQuery', () => {
  it('keeps the filters set, leaves out the unset ones and the first page', () => {
    expect(listQuery({ scope: 'outside', page: 1, q: undefined, account: '' })).toBe('?scope=outside');
    expect(listQuery({ page: 2, hidden: true, external: false })).toBe('?page=2&hidden=1');
    expect(listQuery({})).toBe('');
  });

  it('encodes any value', () => {
    expect(listQuery({ q: 'a&b=c #d' })).toBe('?q=a%26b%3Dc+%23d');
  });
});
