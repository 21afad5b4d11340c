import { describe, expect, it } from 'vitest';
import { parseSchedule } from '../../src/digest/schedule.js';
import { saveDigestSettings } from '../../src/digest/settings-store.js';
import { createSlotComposer } from '../../src/digest/slot-composer.js';
import { openDatabase } from '../../src/storage/database.js';
import { recordDocumentsSeen } from '../../src/storage/documents-seen-store.js';
import { entry, silentLogger } from './helpers.js';

describe('composing the digest of a slot', () => {
  it('uses the server settings, the timeline and the first-seen times of the documents', async () => {
    const db = await openDatabase(':memory:', silentLogger);
    const settings = await saveDigestSettings(db, { guildId: 'g', channelId: 'c', schedule: parseSchedule('daily 09:00'), timeZone: 'Asia/Tokyo', windowDays: 3, enabled: true }, new Date('2026-08-01T00:00:00Z'));
    await recordDocumentsSeen(db, ['old'], new Date('2026-08-01T00:00:00Z'));
    await recordDocumentsSeen(db, ['new'], new Date('2026-08-24T00:00:00Z'));
    const compose = createSlotComposer({
      db,
      timeline: () => [entry('2004-08-27', 'launch', 'old')],
      documents: () => [
        { id: 'old', title: 'Old source', scope: null, addition: null },
        { id: 'new', title: 'New source', scope: null, addition: null },
        { id: 'unrecorded', title: 'Never recorded as seen', scope: null, addition: null },
      ],
    });
    // 00:00 UTC on the 25th is 09:00 in Tokyo: the window is the 25th to the 27th.
    const digest = await compose(settings, new Date('2026-08-25T00:00:00Z'), { since: new Date('2026-08-20T00:00:00Z') });
    expect(digest.window).toEqual({ from: '2026-08-25', to: '2026-08-27' });
    expect(digest.anniversaries.map((anniversary) => [anniversary.wording, anniversary.event.citations[0]?.title])).toEqual([['22 years ago this week', 'Old source']]);
    expect(digest.newDocuments.map((document) => document.title)).toEqual(['New source']);
    await db.close();
  });

  it('gives each server its own and the shared documents only, with their dates', async () => {
    const db = await openDatabase(':memory:', silentLogger);
    const at = new Date('2026-08-01T00:00:00Z');
    const ours = await saveDigestSettings(db, { guildId: '111111111111111111', channelId: 'c', schedule: parseSchedule('daily 09:00'), timeZone: 'UTC', windowDays: 3, enabled: true }, at);
    const theirs = await saveDigestSettings(db, { guildId: '222222222222222222', channelId: 'c', schedule: parseSchedule('daily 09:00'), timeZone: 'UTC', windowDays: 3, enabled: true }, at);
    await recordDocumentsSeen(db, ['shared', 'ours', 'theirs'], new Date('2026-08-24T00:00:00Z'));
    const compose = createSlotComposer({
      db,
      timeline: () => [entry('2004-08-26', 'launch', 'shared'), entry('2010-08-26', 'our memo', 'ours'), entry('2012-08-26', 'their memo', 'theirs')],
      documents: () => [
        { id: 'shared', title: 'Shared source', scope: null, addition: null },
        { id: 'ours', title: 'Our memo', scope: '111111111111111111', addition: null },
        { id: 'theirs', title: 'Their memo', scope: '222222222222222222', addition: null },
      ],
    });
    const slot = new Date('2026-08-25T09:00:00Z');
    const since = new Date('2026-08-20T00:00:00Z');
    const titles = (digest: Awaited<ReturnType<typeof compose>>) => ({
      newDocuments: digest.newDocuments.map((document) => document.title),
      cited: digest.anniversaries.flatMap((anniversary) => anniversary.event.citations.map((citation) => citation.title)),
    });
    expect(titles(await compose(ours, slot, { since }))).toEqual({ newDocuments: ['Our memo', 'Shared source'], cited: ['Shared source', 'Our memo'] });
    expect(titles(await compose(theirs, slot, { since }))).toEqual({ newDocuments: ['Shared source', 'Their memo'], cited: ['Shared source', 'Their memo'] });
    await db.close();
  });

  it('lists documents added with /add in their own server only, with who added them and when', async () => {
    const db = await openDatabase(':memory:', silentLogger);
    const settings = await saveDigestSettings(db, { guildId: 'g', channelId: 'c', schedule: parseSchedule('daily 09:00'), timeZone: 'UTC', windowDays: 3, enabled: true }, new Date('2026-08-01T00:00:00Z'));
    const added = (name: string | null, at: string) => ({ addedBy: name === null ? null : { id: `id-${name}`, name }, addedAt: Date.parse(at), link: null });
    const compose = createSlotComposer({
      db,
      timeline: () => [],
      documents: () => [
        { id: 'ours', title: 'Added here', scope: 'g', addition: added('Ada', '2026-08-22T10:00:00Z') },
        { id: 'theirs', title: 'Added in another server', scope: 'other', addition: added('Eve', '2026-08-22T11:00:00Z') },
        { id: 'cli', title: 'Added from the command line', scope: null, addition: added(null, '2026-08-23T10:00:00Z') },
        { id: 'before', title: 'Added before the last digest', scope: 'g', addition: added('Ada', '2026-08-19T10:00:00Z') },
      ],
    });
    const digest = await compose(settings, new Date('2026-08-25T09:00:00Z'), { since: new Date('2026-08-20T00:00:00Z') });
    expect(digest.newDocuments).toEqual([
      { docId: 'ours', title: 'Added here', addedAt: new Date('2026-08-22T10:00:00Z'), addedBy: { kind: 'member', name: 'Ada' } },
      { docId: 'cli', title: 'Added from the command line', addedAt: new Date('2026-08-23T10:00:00Z'), addedBy: { kind: 'command-line' } },
    ]);
    await db.close();
  });
});
