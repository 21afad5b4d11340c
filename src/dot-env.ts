import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { ConfigError } from './config.js';

/**
 * The variables of a `.env` file, read at the process's edge; configuration itself stays a
 * pure function of the environment. A missing file is no variables. A file that cannot be
 * used is a ConfigError that says what to do, never a stack trace. A byte-order mark (as some
 * Windows editors write) is dropped, so the first variable keeps its name.
 */
function readDotEnv(file: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return {};
    throw new ConfigError([dotEnvProblem(path.resolve(file), code)]);
  }
  return parseEnv(text.replace(/^\uFEFF/, '')) as Record<string, string>;
}

function dotEnvProblem(file: string, code: string | undefined): string {
  switch (code) {
    case 'EISDIR':
      return `.env: ${file} is a folder, not a file. Remove or rename the folder, then copy .env.example to .env and fill it in.`;
    case 'EACCES':
    case 'EPERM':
      return `.env: ${file} cannot be read by this user (permission denied). Make it readable by the user running the bot, e.g. chmod u+r .env.`;
    case 'ENOTDIR':
      return `.env: a part of the path ${file} is a file where a folder should be. Run the bot from the project folder.`;
    default:
      return `.env: ${file} cannot be read (${code ?? 'unknown error'}). Check the file, or remove it and set the variables in the environment.`;
  }
}

/**
 * The environment a process runs with: the `.env` file's variables under the real
 * environment's, which win, as with `node --env-file`.
 */
export function environmentWithDotEnv(env: NodeJS.ProcessEnv, file = '.env'): Record<string, string | undefined> {
  return { ...readDotEnv(file), ...env };
}
