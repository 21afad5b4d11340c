#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { runCli } from './run-cli.js';

// A .env file is read here, at the edge; configuration itself stays a pure function of the environment.
if (existsSync('.env')) process.loadEnvFile('.env');

process.exitCode = await runCli(process.argv.slice(2), { env: process.env, cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr });
