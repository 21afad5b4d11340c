import { describe, expect, it } from 'vitest';
import { parseSchedule } from '../../src/digest/schedule.js';
import { disableDigest, enableDigest, getDigestSettings, listEnabledDigestSettings, saveDigestSettings } from '../../src/digest/settings-store.js';
import { engines, useScratchDatabase } from '../support/engines.js';

describe.each(engines)('digest settings in the database, on $engine', ({ scratch }) => {
  const { db } = useScratchDatabase(scratch);
  const setup = { guildId: 'guild-1', channelId: 'channel-1', schedule: parseSchedule('weekly mon 09:00'), timeZone: 'Europe/Berlin', windowDays: 14, enabled: true };


  it('saves and reads back every setting', async () => {
    await saveDigestSettings(db(), setup, new Date('2025-06-01T00:00:00Z'));
    expect(await getDigestSettings(db(), 'guild-1')).toEqual({
      ...setup,
      picture: true,
      activeSince: new Date('2025-06-01T00:00:00Z'),
      createdAt: new Date('2025-06-01T00:00:00Z'),
      updatedAt: new Date('2025-06-01T00:00:00Z'),
    });
    expect(await getDigestSettings(db(), 'other')).toBeNull();
  });

  it('keeps every setting when the digest is turned off, and turns it on again as it was', async () => {
    await saveDigestSettings(db(), setup, new Date('2025-06-01T00:00:00Z'));
    const off = await disableDigest(db(), 'guild-1', new Date('2025-06-02T00:00:00Z'));
    expect(off).toMatchObject({ enabled: false, channelId: 'channel-1', timeZone: 'Europe/Berlin', windowDays: 14, schedule: setup.schedule });
    expect(await listEnabledDigestSettings(db())).toEqual([]);
    const on = await enableDigest(db(), 'guild-1', new Date('2025-06-03T00:00:00Z'));
    expect(on).toMatchObject({ enabled: true, channelId: 'channel-1', activeSince: new Date('2025-06-03T00:00:00Z'), createdAt: new Date('2025-06-01T00:00:00Z') });
  });

  it('replaces the settings on a new setup and keeps when they were first made', async () => {
    await saveDigestSettings(db(), setup, new Date('2025-06-01T00:00:00Z'));
    await saveDigestSettings(db(), { ...setup, channelId: 'channel-2', schedule: parseSchedule('daily 07:00') }, new Date('2025-06-05T00:00:00Z'));
    expect(await getDigestSettings(db(), 'guild-1')).toMatchObject({ channelId: 'channel-2', schedule: { cron: '0 7 * * *' }, createdAt: new Date('2025-06-01T00:00:00Z'), activeSince: new Date('2025-06-05T00:00:00Z') });
  });

  it('keeps the picture switch, on unless setup turns it off', async () => {
    expect((await saveDigestSettings(db(), setup)).picture).toBe(true);
    expect((await saveDigestSettings(db(), { ...setup, picture: false })).picture).toBe(false);
    expect((await disableDigest(db(), 'guild-1'))?.picture).toBe(false);
    expect((await saveDigestSettings(db(), { ...setup, picture: true })).picture).toBe(true);
  });

  it('answers null when turning off a server that never set a digest up', async () => {
    expect(await disableDigest(db(), 'nowhere')).toBeNull();
  });
});
