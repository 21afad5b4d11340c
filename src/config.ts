import path from 'node:path';
import { z } from 'zod';
import { invalidAllowEntries } from './extract/address-policy.js';
import { isLoopbackHost } from './http/host-guard.js';

/** Everything the process can be told through its environment, validated. */
export interface Config {
  corpusDir: string;
  dataDir: string;
  corpusMaxFileBytes: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Hours after its time that a digest slot missed while the bot was down is still posted, marked late; older slots are recorded as missed. */
  digestGraceHours: number;
  /** The shortest time a digest schedule may leave between two posts, in minutes; a schedule that fires more often is refused. */
  digestMinIntervalMinutes: number;
  /** How long the bot keeps trying to reach an unreachable Discord gateway before it exits for its supervisor to restart it. */
  gatewayGiveUpSeconds: number;
  /** A `postgres://` URL: all state in that shared database. Null: SQLite under `dataDir`. Secret (it may hold a password). */
  databaseUrl: string | null;
  /** Seconds a host holds a digest slot it claimed; after that another host may take an unfinished post over. */
  digestLeaseSeconds: number;
  /** The Discord connection, or null when no token is set (the bot then cannot reach Discord). */
  discord: DiscordConfig | null;
  /** Where `npm start` serves the sandbox page when no token is set. */
  sandbox: SandboxConfig;
  /** Fetching links added to the library. */
  links: LinksConfig;
  /** Documents added through `/add` and `briefing add`. */
  adding: AddingConfig;
  /**
   * An English–Russian dictd dictionary (path without `.index`) for English questions to find
   * Russian passages; undefined for the system's own (Debian's mueller7-dict), null for none.
   */
  russianDictionary: string | null | undefined;
  /** The HTTP health endpoint for a supervisor or load balancer; null (the default) when off. */
  health: HealthConfig | null;
}

/** How links are fetched: private addresses are refused unless listed here. */
export interface LinksConfig {
  /** Addresses or CIDR ranges a link may reach although private, e.g. ["127.0.0.1"] for tests; empty by default. */
  allowPrivate: string[];
}

/** Caps on one added document, and how often a host looks for documents another host added. */
export interface AddingConfig {
  /** Largest file or link accepted, in bytes (20 MB by default). */
  maxBytes: number;
  /** PDFs with more pages are refused. */
  maxPages: number;
  /** Extraction of one document stops with a message after this long. */
  timeoutMs: number;
  /** How often the database is asked whether another host added or removed a document; 0 for never. */
  syncIntervalMs: number;
}

/** GET /healthz: 200 when this instance is well, 503 with its problems when not. */
export interface HealthConfig {
  /** 127.0.0.1 unless asked otherwise; off loopback a token is required. */
  host: string;
  port: number;
  /** Required as `Authorization: Bearer …` when set. */
  token: string | null;
}

/** The sandbox that `npm start` runs without a token: a local Discord server, the bot, and a web page. */
export interface SandboxConfig {
  /** The page's address: 127.0.0.1 unless the person asks for another, so it is not reachable from other machines. */
  host: string;
  /** The page's port; when taken, a free one is used and printed. */
  port: number;
  /** A JSON file that keeps the sandbox's messages between runs (and the bot's database beside it), or null for a fresh start each time. */
  stateFile: string | null;
  /** The token the page's address must carry; null has one generated at each start when `host` is not loopback. */
  secret: string | null;
}

/** How the bot reaches Discord, or any Discord-compatible server that stands in for it. */
export interface DiscordConfig {
  token: string;
  applicationId: string;
  /** A development server: `npm run deploy` registers the commands there instead of globally. */
  guildId: string | null;
  /** REST base URL, given to discord.js as `rest.api`; the gateway address is asked from it. */
  apiBase: string;
  /** Which gateway shards this process runs; absent: one shard, no sharding. */
  sharding?: ShardingConfig;
}

/**
 * discord.js sharding within this process. `shards: 'auto'` runs every shard Discord recommends
 * here; a list runs those shards of `shardCount` (a number, or 'auto': the count GET /gateway/bot
 * recommends), so that several processes or hosts can split the shards between them.
 */
export interface ShardingConfig {
  shards: number[] | 'auto';
  shardCount: number | 'auto';
}

/** Where the process's state lives: the shared Postgres of DATABASE_URL, else `briefing.db` under DATA_DIR. */
export function databaseTarget(config: Pick<Config, 'databaseUrl' | 'dataDir'>): string {
  return config.databaseUrl ?? path.join(config.dataDir, 'briefing.db');
}

/** Discord's own REST base URL, the default of `DISCORD_API_BASE`. */
export const discordApiBase = 'https://discord.com/api';

/** Thrown once with every problem in the environment, so they can all be fixed in one go. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}\nSee .env.example for every variable with an example.`);
  }
}

const snowflake = /^\d{17,20}$/;

const emptyAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** A count of bytes as people write one in a .env file: digits only, so "20MB" or "2e7" is refused, not misread. */
const bytesInDigits = (example: string) => z.string().trim().regex(/^[0-9]+$/, `must be a whole number of bytes written in digits, e.g. ${example}`).transform(Number);

/** An address a server of ours listens on (the sandbox, the health check): loopback unless set. */
const listenHost = z.union([z.ipv4(), z.ipv6(), z.hostname()], { error: 'must be an address to listen on, without a port, e.g. 127.0.0.1 (this machine only) or 0.0.0.0 (every network)' }).default('127.0.0.1');

const environmentSchema = z.object({
  CORPUS_DIR: z.preprocess(emptyAsUndefined, z.string().default('corpus')),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('data')),
  CORPUS_MAX_FILE_BYTES: z.preprocess(emptyAsUndefined, bytesInDigits('2097152').pipe(z.number().positive('must be positive, e.g. 2097152')).default(20 * 1024 * 1024)),
  LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  DIGEST_GRACE_HOURS: z.preprocess(emptyAsUndefined, z.coerce.number('must be a number of hours, e.g. 6').min(0, 'must be 0 or more hours, e.g. 6').max(168, 'must be at most 168 hours (a week), e.g. 6').default(6)),
  DIGEST_MIN_INTERVAL_MINUTES: z.preprocess(emptyAsUndefined, z.coerce.number('must be a number of minutes, e.g. 60').int('must be a whole number of minutes, e.g. 60').min(0, 'must be 0 (no minimum) or more minutes, e.g. 60').max(10_080, 'must be at most 10080 minutes (a week), e.g. 60').default(60)),
  GATEWAY_GIVE_UP_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number('must be a number of seconds, e.g. 600').int('must be a whole number of seconds, e.g. 600').min(1, 'must be at least 1 second, e.g. 600').max(86_400, 'must be at most 86400 seconds (a day), e.g. 600').default(600)),
  DIGEST_LEASE_SECONDS: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number('must be a number of seconds, e.g. 600')
      .int('must be a whole number of seconds, e.g. 600')
      .min(5, 'must be at least 5 seconds: a post must fit in it, e.g. 600')
      .max(86_400, 'must be at most 86400 seconds (a day), e.g. 600')
      .default(600),
  ),
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .trim()
      .regex(/^postgres(ql)?:\/\/\S+$/i, 'must be a Postgres URL, e.g. postgres://briefing:secret@db.internal:5432/briefing; leave it empty to use SQLite under DATA_DIR')
      .refine((value) => URL.canParse(value), 'is not a readable URL: percent-encode special characters in the password, e.g. @ as %40')
      .optional(),
  ),
  DISCORD_TOKEN: z.preprocess(emptyAsUndefined, z.string().trim().regex(/^\S+$/, 'must be the bot token without spaces, as shown in the Developer Portal').optional()),
  DISCORD_APP_ID: z.preprocess(emptyAsUndefined, z.string().trim().regex(snowflake, 'must be the application id, a number of 17 to 20 digits, e.g. 123456789012345678').optional()),
  DISCORD_GUILD_ID: z.preprocess(emptyAsUndefined, z.string().trim().regex(snowflake, 'must be a server id, a number of 17 to 20 digits, e.g. 123456789012345678').optional()),
  DISCORD_API_BASE: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. https://discord.com/api' }).default(discordApiBase)),
  SHARDS: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .trim()
      .regex(/^(auto|\d{1,4}(\s*,\s*\d{1,4})*)$/i, "must be 'auto' or shard ids separated by commas, e.g. 0,1")
      .optional(),
  ),
  SHARD_COUNT: z.preprocess(
    emptyAsUndefined,
    z.union([z.literal('auto'), z.coerce.number().int().min(1).max(10_000)], { error: "must be 'auto' or a whole number of shards from 1, e.g. 2" }).optional(),
  ),
  SANDBOX_HOST: z.preprocess(emptyAsUndefined, listenHost),
  SANDBOX_PORT: z.preprocess(emptyAsUndefined, z.coerce.number('must be a port number, e.g. 3210').int('must be a whole port number, e.g. 3210').min(0, 'must be between 0 and 65535, e.g. 3210').max(65535, 'must be between 0 and 65535, e.g. 3210').default(3210)),
  LINKS_ALLOW_PRIVATE: z.preprocess(emptyAsUndefined, z.string().default('').transform((value) => value.split(/[\s,]+/).filter((entry) => entry !== '')).refine((entries) => invalidAllowEntries(entries).length === 0, { error: 'must list IP addresses or CIDR ranges separated by commas, e.g. 127.0.0.1 or 10.0.0.0/8 (host names are not allowed: the check is on addresses)' })),
  ADD_MAX_BYTES: z.preprocess(emptyAsUndefined, bytesInDigits('20971520 (20 MB)').pipe(z.number().min(1024, 'must be at least 1024 bytes, e.g. 20971520 (20 MB)').max(1024 * 1024 * 1024, 'must be at most 1073741824 (1 GB), e.g. 20971520 (20 MB)')).default(20 * 1024 * 1024)),
  ADD_MAX_PAGES: z.preprocess(emptyAsUndefined, z.coerce.number('must be a number of pages, e.g. 500').int('must be a whole number of pages, e.g. 500').min(1, 'must be at least 1 page, e.g. 500').max(100_000, 'must be at most 100000 pages, e.g. 500').default(500)),
  ADD_TIMEOUT_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number('must be a number of seconds, e.g. 30').min(1, 'must be at least 1 second, e.g. 30').max(600, 'must be at most 600 seconds, e.g. 30').default(30)),
  LIBRARY_SYNC_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number('must be a number of seconds, e.g. 3').min(0, 'must be 0 (never look) or more seconds, e.g. 3').max(3600, 'must be at most 3600 seconds (an hour), e.g. 3').default(3)),
  HEALTH_PORT: z.preprocess(emptyAsUndefined, z.coerce.number('must be a port number, e.g. 8080').int('must be a whole port number, e.g. 8080').min(1, 'must be between 1 and 65535, e.g. 8080').max(65535, 'must be between 1 and 65535, e.g. 8080').optional()),
  HEALTH_HOST: z.preprocess(emptyAsUndefined, listenHost),
  HEALTH_TOKEN: z.preprocess(emptyAsUndefined, z.string().trim().min(16, 'must be at least 16 characters, e.g. the output of `openssl rand -hex 16`').optional()),
  SANDBOX_STATE_FILE: z.preprocess(emptyAsUndefined, z.string().regex(/\.json$/i, 'must be a path to a .json file, e.g. data/sandbox.json').optional()),
  SANDBOX_SECRET: z.preprocess(emptyAsUndefined, z.string().regex(/^[A-Za-z0-9._~-]{16,200}$/, 'must be 16 to 200 letters, digits or . _ ~ - (it goes into the page address as ?token=), e.g. the output of `openssl rand -hex 24`; leave it empty to have one made at each start').optional()),
  RUSSIAN_DICTIONARY: z.preprocess(emptyAsUndefined, z.string().refine((value) => !/\.(index|dict|dz)$/i.test(value), 'must be the dictionary\'s path without .index or .dict.dz, e.g. /usr/share/dictd/mueller7, or off').optional()),
});

/**
 * Reads the configuration from an environment. Pure: the same environment always gives
 * the same Config, and relative paths are resolved against `cwd`.
 */
export function loadConfig(env: Record<string, string | undefined>, cwd: string = process.cwd()): Config {
  const parsed = environmentSchema.safeParse(env);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)),
    ...discordPairProblems(env),
    ...shardingProblems(parsed.success ? parsed.data : null),
    ...healthProblems(parsed.success ? parsed.data : null),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const value = parsed.data;
  return {
    corpusDir: path.resolve(cwd, value.CORPUS_DIR),
    dataDir: path.resolve(cwd, value.DATA_DIR),
    corpusMaxFileBytes: value.CORPUS_MAX_FILE_BYTES,
    logLevel: value.LOG_LEVEL,
    digestGraceHours: value.DIGEST_GRACE_HOURS,
    digestMinIntervalMinutes: value.DIGEST_MIN_INTERVAL_MINUTES,
    gatewayGiveUpSeconds: value.GATEWAY_GIVE_UP_SECONDS,
    databaseUrl: value.DATABASE_URL ?? null,
    digestLeaseSeconds: value.DIGEST_LEASE_SECONDS,
    discord: value.DISCORD_TOKEN !== undefined && value.DISCORD_APP_ID !== undefined
      ? {
          token: value.DISCORD_TOKEN,
          applicationId: value.DISCORD_APP_ID,
          guildId: value.DISCORD_GUILD_ID ?? null,
          apiBase: value.DISCORD_API_BASE.replace(/\/+$/, ''),
          ...shardingOf(value),
        }
      : null,
    health: value.HEALTH_PORT === undefined ? null : { host: value.HEALTH_HOST, port: value.HEALTH_PORT, token: value.HEALTH_TOKEN ?? null },
    sandbox: {
      host: value.SANDBOX_HOST,
      port: value.SANDBOX_PORT,
      stateFile: value.SANDBOX_STATE_FILE === undefined ? null : path.resolve(cwd, value.SANDBOX_STATE_FILE),
      secret: value.SANDBOX_SECRET ?? null,
    },
    links: { allowPrivate: value.LINKS_ALLOW_PRIVATE },
    adding: { maxBytes: value.ADD_MAX_BYTES, maxPages: value.ADD_MAX_PAGES, timeoutMs: value.ADD_TIMEOUT_SECONDS * 1000, syncIntervalMs: value.LIBRARY_SYNC_SECONDS * 1000 },
    russianDictionary: value.RUSSIAN_DICTIONARY === undefined ? undefined : value.RUSSIAN_DICTIONARY.toLowerCase() === 'off' ? null : path.resolve(cwd, value.RUSSIAN_DICTIONARY),
  };
}

type Environment = z.infer<typeof environmentSchema>;

function shardIds(text: string): number[] {
  return text.split(',').map((id) => Number(id.trim()));
}

function shardingOf(value: Environment): { sharding?: ShardingConfig } {
  if (value.SHARDS === undefined) return {};
  if (value.SHARDS.toLowerCase() === 'auto') return { sharding: { shards: 'auto', shardCount: 'auto' } };
  return { sharding: { shards: shardIds(value.SHARDS), shardCount: value.SHARD_COUNT ?? 'auto' } };
}

/** A shard list needs ids below the count, each once; a count without a list says nothing to run. */
function shardingProblems(value: Environment | null): string[] {
  if (value === null) return [];
  if (value.SHARDS === undefined) return value.SHARD_COUNT === undefined ? [] : ["SHARD_COUNT: needs SHARDS, the shards this process runs, e.g. SHARDS=0,1 or SHARDS=auto"];
  if (value.SHARDS.toLowerCase() === 'auto') return value.SHARD_COUNT === undefined ? [] : ['SHARD_COUNT: leave it empty with SHARDS=auto, which runs every recommended shard in this process'];
  const ids = shardIds(value.SHARDS);
  const problems: string[] = [];
  if (new Set(ids).size !== ids.length) problems.push('SHARDS: lists a shard twice; name each shard once, e.g. 0,1');
  const count = value.SHARD_COUNT;
  if (typeof count === 'number' && ids.some((id) => id >= count)) {
    problems.push(`SHARDS: shard ids run from 0 to SHARD_COUNT - 1 (${count - 1}); ${ids.filter((id) => id >= count).join(', ')} is out of range`);
  }
  return problems;
}

/** Off loopback, anyone on the network could ask: a token is required then. */
function healthProblems(value: Environment | null): string[] {
  if (value === null || value.HEALTH_PORT === undefined || value.HEALTH_TOKEN !== undefined || isLoopbackHost(value.HEALTH_HOST)) return [];
  return [`HEALTH_TOKEN: is required when HEALTH_HOST (${value.HEALTH_HOST}) is reachable from other machines: set one of at least 16 characters, e.g. the output of \`openssl rand -hex 16\``];
}

/** Both or neither: a half-configured Discord section is a mistake, not a request to run without Discord. */
function discordPairProblems(env: Record<string, string | undefined>): string[] {
  const hasToken = emptyAsUndefined(env.DISCORD_TOKEN) !== undefined;
  const hasApplicationId = emptyAsUndefined(env.DISCORD_APP_ID) !== undefined;
  if (hasToken && !hasApplicationId) return ['DISCORD_APP_ID: is required when DISCORD_TOKEN is set: copy the Application ID from the Developer Portal, e.g. 123456789012345678'];
  if (hasApplicationId && !hasToken) return ['DISCORD_TOKEN: is required when DISCORD_APP_ID is set: copy the bot token from the Developer Portal (Bot > Reset Token)'];
  return [];
}
