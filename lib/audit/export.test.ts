// Protects: the audit export takes only a clear date range (saying which bound is wrong and what form it needs),
// and writes each entry as one JSON line of the same shape, hostile text included.
import { describe, expect, it } from 'vitest';
import { auditLine, parseExportRange } from './export';

const range = (query: string) => parseExportRange(new URLSearchParams(query));

describe('audit export range', () => {
  it('takes dates (midnight UTC) and times with a zone; from inclusive, to exclusive', () => {
    expect(range('from=2026-11-01&to=2026-12-01')).toEqual({ ok: true, range: { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') } });
    expect(range('from=2026-11-01T09:30:00%2B02:00&to=2026-11-01T08:00:00Z')).toMatchObject({ ok: true, range: { from: new Date('2026-11-01T07:30:00Z') } });
  });

  it('names the bound that is missing or malformed, and refuses an empty range', () => {
    expect(range('to=2026-12-01')).toEqual({ ok: false, error: 'from is missing: give a date (2026-11-01, midnight UTC) or a time with its zone (2026-11-01T09:30:00Z).' });
    expect(range('from=2026-11-01&to=yesterday')).toMatchObject({ ok: false, error: expect.stringMatching(/^to is not a date/) });
    expect(range('from=2026-11-01T09:30:00&to=2026-12-01')).toMatchObject({ ok: false, error: expect.stringMatching(/^from is not a date/) });
    expect(range('from=2026-13-01&to=2026-12-01')).toMatchObject({ ok: false, error: expect.stringMatching(/^from is not/) });
    expect(range('from=2026-12-01&to=2026-12-01')).toEqual({ ok: false, error: 'to must be after from (the range is from inclusive, to exclusive).' });
  });
});

describe('audit export line', () => {
  it('is one line of JSON with every field, whatever the text holds', () => {
    const line = auditLine({ id: 7, at: new Date('2026-11-01T00:00:00Z'), actor: 'a@example.com', role: 'admin', action: 'iam:CreateRole', outcome: 'intent', parameters: { roleName: 'x\n{"id":1}\u2028' } });
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toMatch(/\n/);
    expect(JSON.parse(line)).toEqual({
      id: 7, at: '2026-11-01T00:00:00.000Z', actor: 'a@example.com', role: 'admin', action: 'iam:CreateRole', accountId: null, region: null,
      outcome: 'intent', requestId: null, error: null, planId: null, step: null, accessRequest: null, parameters: { roleName: 'x\n{"id":1}\u2028' },
    });
  });
});
