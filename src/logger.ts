import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';

export type { Logger } from 'pino';

/**
 * Paths that may carry the Discord token or other credentials. pino replaces them
 * before a line is written, so a secret never reaches a log whatever a caller passes.
 */
export const redactedPaths = [
  'token',
  '*.token',
  '*.*.token',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'req.headers.authorization',
  'discord.token',
  'config.discord.token',
  'DATABASE_URL',
  '*.DATABASE_URL',
  'databaseUrl',
  '*.databaseUrl',
  'HEALTH_TOKEN',
  '*.HEALTH_TOKEN',
  'health.token',
  '*.health.token',
];

export interface CreateLoggerOptions {
  level?: LoggerOptions['level'];
  /** Human-readable lines; the default when the output is a terminal. */
  pretty?: boolean;
  /** Where the lines go; stderr by default so that command output on stdout stays clean. */
  destination?: DestinationStream;
}

/** The one root logger of a process. Modules take `logger.child({ module: 'name' })`. */
export function createLogger(options: CreateLoggerOptions = {}): Logger {
  const base: LoggerOptions = {
    level: options.level ?? 'info',
    redact: { paths: redactedPaths, censor: '[redacted]' },
    serializers: { err: pino.stdSerializers.err },
  };
  if (options.destination) return pino(base, options.destination);
  const pretty = options.pretty ?? process.stderr.isTTY === true;
  if (pretty) {
    return pino({ ...base, transport: { target: 'pino-pretty', options: { destination: 2, colorize: true, translateTime: 'SYS:HH:MM:ss' } } });
  }
  return pino(base, pino.destination({ dest: 2, sync: false }));
}
