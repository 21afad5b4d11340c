import path from 'node:path';
import { z } from 'zod';

/** Everything the process can be told through its environment, validated. */
export interface Config {
  corpusDir: string;
  dataDir: string;
  corpusMaxFileBytes: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

/** Thrown once with every problem in the environment, so they can all be fixed in one go. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}\nSee .env.example for every variable with an example.`);
  }
}

const emptyAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const environmentSchema = z.object({
  CORPUS_DIR: z.preprocess(emptyAsUndefined, z.string().default('corpus')),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('data')),
  CORPUS_MAX_FILE_BYTES: z.preprocess(emptyAsUndefined, z.coerce.number().int('must be a whole number of bytes, e.g. 2097152').positive('must be positive, e.g. 2097152').default(2 * 1024 * 1024)),
  LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
});

/**
 * Reads the configuration from an environment. Pure: the same environment always gives
 * the same Config, and relative paths are resolved against `cwd`.
 */
export function loadConfig(env: Record<string, string | undefined>, cwd: string = process.cwd()): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const value = parsed.data;
  return {
    corpusDir: path.resolve(cwd, value.CORPUS_DIR),
    dataDir: path.resolve(cwd, value.DATA_DIR),
    corpusMaxFileBytes: value.CORPUS_MAX_FILE_BYTES,
    logLevel: value.LOG_LEVEL,
  };
}
