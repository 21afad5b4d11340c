#!/usr/bin/env node
import { runCli } from './run-cli.js';

// Output that cannot be written (a full disk, a closed pipe as in `briefing sources | head -1`)
// is reported in one line, never as an unhandled stream error with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') process.stderr.write(`briefing could not write its output (${error.code ?? error.message}). Check where it goes, e.g. free disk space.\n`);
  process.exit(error.code === 'EPIPE' ? 0 : 1);
});

process.exitCode = await runCli(process.argv.slice(2), { env: process.env, dotEnvFile: '.env', cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr });
