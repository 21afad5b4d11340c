/*
 * `npm start`. With DISCORD_TOKEN set, the bot runs against Discord (src/main.ts). Without
 * it, the sandbox runs: a local Discord server on 127.0.0.1, the same bot connected to it,
 * and a web page to use the bot from, whose address is printed.
 */
import { existsSync } from 'node:fs';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger } from './logger.js';
import { startSandbox } from './sandbox/start-sandbox.js';

if (existsSync('.env')) process.loadEnvFile('.env');
let config: Config;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

if (config.discord !== null) {
  await import('./main.js');
} else {
  const logger = createLogger({ level: config.logLevel });
  try {
    const sandbox = await startSandbox({ config, logger });
    const openToNetwork = config.sandbox.host !== '127.0.0.1' && config.sandbox.host !== 'localhost' && config.sandbox.host !== '::1';
    console.log([
      '',
      'briefing-bot is running in the sandbox: a local Discord server on this machine, no token needed.',
      `  Open ${sandbox.url} in your browser and type / in the message box.`,
      openToNetwork ? `  SANDBOX_HOST=${config.sandbox.host}: other machines on your network can open the page too.` : '  Only this machine can open it (SANDBOX_HOST=127.0.0.1).',
      '  To run the bot on Discord instead, set DISCORD_TOKEN and DISCORD_APP_ID in .env (see .env.example).',
      '  Ctrl+C stops it.',
      '',
    ].join('\n'));
    let stopping = false;
    const stop = (signal: NodeJS.Signals): void => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'stopping the sandbox');
      sandbox.close().then(
        () => logger.flush(),
        (error: unknown) => {
          logger.error({ err: error }, 'the sandbox did not stop cleanly');
          process.exitCode = 1;
          logger.flush();
        },
      );
      // Everything is closed; if a stray handle still holds the process, do not hang the terminal.
      setTimeout(() => process.exit(), 5000).unref();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    // A busy port, a broken SANDBOX_STATE_FILE or a missing corpus is for the person to fix: say what, not where.
    console.error(`briefing-bot could not start the sandbox: ${error instanceof Error ? error.message : String(error)}`);
    logger.debug({ err: error }, 'sandbox start-up failed');
    logger.flush();
    process.exitCode = 1;
  }
}
