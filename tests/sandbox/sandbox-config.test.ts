import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env, '/srv/bot');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('the sandbox settings', () => {
  it('keep the sandbox on this machine, fresh in memory, unless told otherwise', () => {
    expect(loadConfig({}, '/srv/bot').sandbox).toEqual({ host: '127.0.0.1', port: 3210, stateFile: null, secret: null });
  });

  it('take SANDBOX_SECRET as the token the page address must carry', () => {
    expect(loadConfig({ SANDBOX_SECRET: 'correct-horse-battery-staple' }, '/srv/bot').sandbox.secret).toBe('correct-horse-battery-staple');
  });

  it('open the page to the network only when SANDBOX_HOST asks for it', () => {
    expect(loadConfig({ SANDBOX_HOST: '0.0.0.0', SANDBOX_PORT: '8080' }, '/srv/bot').sandbox).toMatchObject({ host: '0.0.0.0', port: 8080 });
  });

  it('resolve SANDBOX_STATE_FILE against the working folder', () => {
    expect(loadConfig({ SANDBOX_STATE_FILE: 'data/sandbox.json' }, '/srv/bot').sandbox.stateFile).toBe('/srv/bot/data/sandbox.json');
  });

  it('list every bad sandbox setting at once, each with an example', () => {
    const problems = problemsOf({ SANDBOX_HOST: '127.0.0.1:3210', SANDBOX_PORT: '70000', SANDBOX_STATE_FILE: 'data/sandbox.txt', SANDBOX_SECRET: 'short' });
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/^SANDBOX_HOST: .*without a port, e\.g\. 127\.0\.0\.1/);
    expect(problems[1]).toMatch(/^SANDBOX_PORT: must be between 0 and 65535/);
    expect(problems[2]).toMatch(/^SANDBOX_STATE_FILE: must be a path to a \.json file/);
    expect(problems[3]).toMatch(/^SANDBOX_SECRET: must be 16 to 200 letters, digits or \. _ ~ - .*e\.g\. the output of `openssl rand -hex 24`/);
  });
});
