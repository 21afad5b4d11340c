import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('the caps on added documents and the library sync', () => {
  it('defaults to 20 MB, 500 pages, 30 s and a look every 3 s', () => {
    expect(loadConfig({}).adding).toEqual({ maxBytes: 20 * 1024 * 1024, maxPages: 500, timeoutMs: 30_000, syncIntervalMs: 3000 });
  });

  it('reads each variable, and 0 turns the sync off', () => {
    expect(loadConfig({ ADD_MAX_BYTES: '1048576', ADD_MAX_PAGES: '50', ADD_TIMEOUT_SECONDS: '5', LIBRARY_SYNC_SECONDS: '0' }).adding).toEqual({ maxBytes: 1_048_576, maxPages: 50, timeoutMs: 5000, syncIntervalMs: 0 });
  });

  it('lists every bad value at once, with an example', () => {
    expect(problems({ ADD_MAX_BYTES: '20MB', ADD_MAX_PAGES: '0', ADD_TIMEOUT_SECONDS: 'soon', LIBRARY_SYNC_SECONDS: '-1' })).toEqual([
      'ADD_MAX_BYTES: must be a whole number of bytes written in digits, e.g. 20971520 (20 MB)',
      'ADD_MAX_PAGES: must be at least 1 page, e.g. 500',
      'ADD_TIMEOUT_SECONDS: must be a number of seconds, e.g. 30',
      'LIBRARY_SYNC_SECONDS: must be 0 (never look) or more seconds, e.g. 3',
    ]);
  });
});
