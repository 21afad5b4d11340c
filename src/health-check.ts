/*
 * `npm run health` (or `node dist/src/health-check.js`): exit code 0 when the running bot's
 * health file (DATA_DIR/health.json) is fresh and says it is connected, 1 otherwise, with the
 * reason on stderr. The Dockerfile's HEALTHCHECK runs it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from './config.js';
import { healthProblem } from './health/health-file.js';

try {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const problem = healthProblem(path.join(loadConfig(process.env).dataDir, 'health.json'));
  if (problem === null) console.log('briefing-bot is healthy');
  else {
    console.error(`briefing-bot is not healthy: ${problem}`);
    process.exitCode = 1;
  }
} catch (error) {
  console.error(`briefing-bot is not healthy: ${error instanceof ConfigError ? error.message : String(error)}`);
  process.exitCode = 1;
}
