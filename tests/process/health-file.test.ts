import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { healthProblem, startHealthFile } from '../../src/health/health-file.js';

const folder = () => mkdtempSync(path.join(tmpdir(), 'briefing-health-'));

describe('the health file', () => {
  it('passes while it is fresh and says connected, and fails once the bot stops', () => {
    const file = path.join(folder(), 'health.json');
    const stop = startHealthFile(file, () => true, () => new Date('2026-03-02T09:00:00Z'));
    expect(healthProblem(file, new Date('2026-03-02T09:01:00Z'))).toBeNull();
    stop();
    expect(healthProblem(file, new Date('2026-03-02T09:01:00Z'))).toBe('the bot is not connected to the Discord gateway (reconnecting, or stopping)');
  });

  it('fails when the bot is running but cut off from the gateway', () => {
    const file = path.join(folder(), 'health.json');
    startHealthFile(file, () => false, () => new Date('2026-03-02T09:00:00Z'))();
    expect(healthProblem(file, new Date('2026-03-02T09:00:10Z'))).toBe('the bot is not connected to the Discord gateway (reconnecting, or stopping)');
  });

  it('fails when it has not been written for over 90 seconds, as for a stalled process', () => {
    const file = path.join(folder(), 'health.json');
    startHealthFile(file, () => true, () => new Date('2026-03-02T09:00:00Z'))();
    expect(healthProblem(file, new Date('2026-03-02T09:02:00Z'))).toBe('the health file was last written 120 s ago: the bot is stalled or stopped');
  });

  it('fails with a reason when the file is missing or not a record', () => {
    const directory = folder();
    expect(healthProblem(path.join(directory, 'health.json'))).toMatch(/^no readable health file at .*health\.json \(ENOENT/);
    writeFileSync(path.join(directory, 'bad.json'), '{"healthy":true}');
    expect(healthProblem(path.join(directory, 'bad.json'))).toMatch(/has no valid updatedAt/);
  });
});
