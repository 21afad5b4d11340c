#!/usr/bin/env node
import { runCli } from './run-cli.js';

process.exitCode = await runCli(process.argv.slice(2), { env: process.env, dotEnvFile: '.env', cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr });
