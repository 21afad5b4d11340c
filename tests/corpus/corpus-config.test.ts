import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('CORPUS_MAX_FILE_BYTES', () => {
  it.each(['1e1', '0x10', '5.5', '-3', '+7'])('refuses %s as not a whole number of bytes written in digits', (value) => {
    expect(problemsOf({ CORPUS_MAX_FILE_BYTES: value })).toEqual(['CORPUS_MAX_FILE_BYTES: must be a whole number of bytes written in digits, e.g. 2097152']);
  });

  it('takes digits, and 20 MiB when unset', () => {
    expect(loadConfig({ CORPUS_MAX_FILE_BYTES: '4096' }).corpusMaxFileBytes).toBe(4096);
    expect(loadConfig({}).corpusMaxFileBytes).toBe(20 * 1024 * 1024);
  });
});
