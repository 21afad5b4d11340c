/*
 * `npm start`. With DISCORD_TOKEN set, the bot runs against Discord. Without it, the
 * sandbox runs: a local Discord server on 127.0.0.1, the same bot connected to it, and a
 * web page to use it from. SIGINT and SIGTERM shut either down cleanly.
 */
import path from 'node:path';
import { ConfigError, databaseTarget, loadConfig, type Config } from './config.js';
import { environmentWithDotEnv } from './dot-env.js';
import { exitFatally, exitOnUncaughtErrors } from './fatal-errors.js';
import { startHealthFile } from './health/health-file.js';
import { createLogger, type Logger } from './logger.js';
import { dataDirError, prepareDataDir } from './runtime-folder.js';
import { startSandbox } from './sandbox/start-sandbox.js';
import { startBriefingBot } from './start-briefing-bot.js';

const config = readConfig();
const logger = createLogger({ level: config.logLevel });
exitOnUncaughtErrors(logger);

try {
  await prepareDataDir(config.dataDir);
  const stop = config.discord === null ? await runSandbox(config, logger) : await runOnDiscord(config, logger);
  stopOnSignals(stop, logger);
} catch (error) {
  // A wrong token, a busy port, a locked database or a missing corpus is for the operator to fix: say what, not where.
  const reason = dataDirError(error, config.dataDir) ?? error;
  console.error(`briefing-bot could not start: ${reason instanceof Error ? reason.message : String(reason)}`);
  logger.debug({ err: error }, 'start-up failed');
  logger.flush();
  process.exitCode = 1;
}

async function runOnDiscord(config: Config, logger: Logger): Promise<() => Promise<void>> {
  if (config.discord === null) throw new Error('runOnDiscord needs the Discord configuration');
  let stopHealthFile = (): void => undefined;
  const running = await startBriefingBot({
    config,
    discord: config.discord,
    database: databaseTarget(config),
    logger,
    // Schedules and leases are handed over cleanly, then the process exits for its supervisor to restart it.
    onGatewayLost: (error) => {
      stopHealthFile();
      const exit = () => exitFatally(logger, error, 'the Discord gateway is lost; exiting for the supervisor to restart the bot');
      setTimeout(exit, 5000).unref();
      running.stop().then(exit, exit);
    },
  });
  stopHealthFile = startHealthFile(path.join(config.dataDir, 'health.json'), () => running.bot.gatewayConnected);
  return async () => {
    stopHealthFile();
    await running.stop();
  };
}

async function runSandbox(config: Config, logger: Logger): Promise<() => Promise<void>> {
  const sandbox = await startSandbox({ config, logger });
  const { exposed, networkUrls } = sandbox.access;
  const warning = [
    '',
    `  WARNING: SANDBOX_HOST=${config.sandbox.host} opens the page to the network. Anyone who has the address`,
    '  with its token can act as the sandbox\'s members. Share it only with people you trust, and use',
    '  SANDBOX_HOST=127.0.0.1 (the default) when only this machine needs the page.',
    ...networkUrls.map((url) => `  From another machine: ${url}`),
  ];
  console.log(
    [
      '',
      'briefing-bot is running in the sandbox: a local Discord server on this machine, no token needed.',
      `  Open ${sandbox.url} in your browser and type / in the message box.`,
      ...(exposed ? warning : ['  Only this machine can open it (SANDBOX_HOST=127.0.0.1).']),
      '  To run the bot on Discord instead, set DISCORD_TOKEN and DISCORD_APP_ID in .env (see .env.example).',
      '  Ctrl+C stops it.',
      '',
    ].join('\n'),
  );
  return () => sandbox.close();
}

function stopOnSignals(stop: () => Promise<void>, logger: Logger): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    stop().then(
      () => logger.flush(),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown was not clean');
        process.exitCode = 1;
        logger.flush();
      },
    );
    // Everything is closed; if a stray handle still holds the process, do not hang the terminal.
    setTimeout(() => process.exit(), 5000).unref();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}

/** The configuration, or every problem with it on stderr and exit code 1. */
function readConfig(): Config {
  try {
    return loadConfig(environmentWithDotEnv(process.env));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
