import type { Logger } from './logger.js';

/** Logs a fatal error through pino and ends the process with code 1; pino flushes its buffer on exit. */
export function exitFatally(logger: Logger, error: unknown, message: string): never {
  logger.fatal({ err: error }, message);
  process.exit(1);
}

/**
 * Any error that nothing caught (an uncaught exception or an unhandled rejection) is logged
 * through pino, then the process exits with code 1 for its supervisor to restart it (see
 * deploy/). Carrying on would leave the bot in a state nobody planned for, and Node's own
 * exit writes a raw stack to stderr with no log line.
 */
export function exitOnUncaughtErrors(logger: Logger): void {
  process.on('uncaughtException', (error) => exitFatally(logger, error, 'fatal uncaught exception; exiting for the supervisor to restart the bot'));
  process.on('unhandledRejection', (reason) => exitFatally(logger, reason, 'fatal unhandled rejection; exiting for the supervisor to restart the bot'));
}
