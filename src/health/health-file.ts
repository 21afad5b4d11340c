import { readFileSync, renameSync, writeFileSync } from 'node:fs';

/** What the health file holds: whether the bot is connected, and when that was last written. */
export interface HealthRecord {
  healthy: boolean;
  updatedAt: string;
}

/** A supervisor's health check passes while the file is this fresh and says healthy. */
const healthFreshnessMs = 90_000;
const writeIntervalMs = 30_000;

/**
 * Writes `{ healthy, updatedAt }` to `file` now and every 30 seconds, for a supervisor's
 * health check (`briefing-health`, the Dockerfile's HEALTHCHECK): the bot has no port to
 * probe, and a process that is alive but cut off from the gateway is not healthy. Written
 * to a temporary file first and renamed, so a reader never sees half a record. The
 * returned stop writes a last record saying unhealthy, for the time until the process is gone.
 */
export function startHealthFile(file: string, healthy: () => boolean, now: () => Date = () => new Date()): () => void {
  const write = (value: boolean) => {
    const record: HealthRecord = { healthy: value, updatedAt: now().toISOString() };
    writeFileSync(`${file}.tmp`, `${JSON.stringify(record)}\n`);
    renameSync(`${file}.tmp`, file);
  };
  write(healthy());
  const timer = setInterval(() => write(healthy()), writeIntervalMs).unref();
  return () => {
    clearInterval(timer);
    write(false);
  };
}

/** Why the bot is not healthy according to its health file, or null when it is. */
export function healthProblem(file: string, now: Date = new Date()): string | null {
  let record: Partial<HealthRecord>;
  try {
    record = JSON.parse(readFileSync(file, 'utf8')) as Partial<HealthRecord>;
  } catch (error) {
    return `no readable health file at ${file} (${error instanceof Error ? error.message : String(error)}): the bot is not running, or not yet started`;
  }
  const updatedAt = typeof record.updatedAt === 'string' ? Date.parse(record.updatedAt) : Number.NaN;
  if (Number.isNaN(updatedAt)) return `the health file ${file} has no valid updatedAt`;
  const ageMs = now.getTime() - updatedAt;
  if (ageMs > healthFreshnessMs) return `the health file was last written ${Math.round(ageMs / 1000)} s ago: the bot is stalled or stopped`;
  if (record.healthy !== true) return 'the bot is not connected to the Discord gateway (reconnecting, or stopping)';
  return null;
}
