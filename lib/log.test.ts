// Protects: the console's log is one line per event, readable as text or as JSON lines for a log collector,
// and what a request sends (a path with a newline, a huge value) cannot forge or flood lines.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorReason, log } from './log';

function capture(stream: NodeJS.WriteStream): () => string {
  let written = '';
  vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written += String(chunk);
    return true;
  });
  return () => written;
}

afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.CROSSING_LOG_FORMAT;
});

describe('log', () => {
  it('writes one text line, warnings and errors to standard error', () => {
    const stderr = capture(process.stderr);
    log('warn', 'request refused', { status: 403, path: '/settings', reason: 'Cross-site request refused.', address: undefined });
    expect(stderr()).toBe('crossing: warn: request refused status=403 path=/settings reason="Cross-site request refused."\n');
  });

  it('writes information to standard output', () => {
    const stdout = capture(process.stdout);
    log('info', 'console listening', { url: 'http://127.0.0.1:3000' });
    expect(stdout()).toBe('crossing: console listening url=http://127.0.0.1:3000\n');
  });

  it('keeps what a request sent on its own line, quoted and cut short', () => {
    const stderr = capture(process.stderr);
    log('warn', 'request refused', { path: '/x\ncrossing: error: forged line', reason: 'a'.repeat(5000) });
    const lines = stderr().split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('path="/x\\ncrossing: error: forged line"');
    expect(lines[0].length).toBeLessThan(400);
  });

  it('writes JSON lines with CROSSING_LOG_FORMAT=json', () => {
    process.env.CROSSING_LOG_FORMAT = 'json';
    const stderr = capture(process.stderr);
    log('error', 'request failed', { method: 'POST', status: 500, path: '/x\ny' });
    const lines = stderr().split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'error', message: 'request failed', method: 'POST', status: 500, path: '/x\ny' });
  });
});

describe('errorReason', () => {
  it('is the error and its causes in one line, without the stack', () => {
    const error = new Error('outer', { cause: new TypeError('inner') });
    expect(errorReason(error)).toBe('Error: outer: TypeError: inner');
    expect(errorReason('plain')).toBe('plain');
  });

  it("names an OAuth server's answer", () => {
    const error = Object.assign(new Error('server responded with an error in the response body'), {
      code: 'OAUTH_RESPONSE_BODY_ERROR',
      error: 'invalid_grant',
      error_description: 'grant request is invalid',
    });
    expect(errorReason(error)).toBe('OAUTH_RESPONSE_BODY_ERROR: server responded with an error in the response body (invalid_grant: grant request is invalid)');
  });
});
