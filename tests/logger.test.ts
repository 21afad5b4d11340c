import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';

const secret = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.secret-token-value';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter((line) => line !== ''));
      done();
    },
  });
  return { logger: createLogger({ level: 'trace', destination }), lines };
}

describe('the logger', () => {
  it('never writes the Discord token, wherever a caller puts it', () => {
    const { logger, lines } = capture();
    const config = loadConfig({ DISCORD_TOKEN: secret, DISCORD_APP_ID: '123456789012345678' }, '/tmp');
    logger.info({ config }, 'configuration');
    logger.info({ discord: config.discord }, 'discord section');
    logger.info({ token: secret }, 'bare token');
    logger.info({ headers: { authorization: `Bot ${secret}` } }, 'request headers');
    logger.info({ env: { DISCORD_TOKEN: secret } }, 'environment');
    expect(lines).toHaveLength(5);
    for (const line of lines) expect(line).not.toContain(secret);
    expect(lines.join('\n')).toContain('[redacted]');
  });

  it('puts context in fields and errors under err, for child loggers of a module', () => {
    const { logger, lines } = capture();
    logger.child({ module: 'search' }).error({ err: new Error('index file unreadable'), docId: 'memo' }, 'snapshot rebuilt');
    const line = JSON.parse(lines[0] ?? '{}') as { module: string; docId: string; msg: string; err: { message: string; stack: string } };
    expect(line).toMatchObject({ module: 'search', docId: 'memo', msg: 'snapshot rebuilt', err: { message: 'index file unreadable' } });
    expect(line.err.stack).toContain('Error: index file unreadable');
  });
});
