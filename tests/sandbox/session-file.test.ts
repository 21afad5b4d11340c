import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SandboxMessage, SandboxSession } from '../../src/sandbox/bridge-protocol.js';
import { startSandboxHarness } from './sandbox-harness.js';

describe('SANDBOX_STATE_FILE', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'briefing-sandbox-session-'));
  const stateFile = path.join(dataDir, 'sandbox.json');
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps the channel\'s messages, and who asked for them, across a restart', async () => {
    const first = await startSandboxHarness({ dataDir, env: { SANDBOX_STATE_FILE: stateFile } });
    let postedId: string | undefined;
    try {
      const session = (await first.get('api/session')).body as SandboxSession;
      const general = session.channels.find((channel) => channel.name === 'general')?.id;
      const ada = session.users.find((user) => user.username === 'ada')?.id;
      await first.post('api/interactions/slash', { userId: ada, channelId: general, line: '/ask question:What is the Central Asia plus Japan Dialogue? public:true' });
      const event = await first.waitForEvent((candidate) => candidate.type === 'message-create' && candidate.message.visibleTo === null && candidate.message.message.embeds.length > 0);
      postedId = event.type === 'message-create' ? event.message.message.id : undefined;
    } finally {
      await first.close();
    }

    const second = await startSandboxHarness({ dataDir, env: { SANDBOX_STATE_FILE: stateFile } });
    try {
      const session = (await second.get('api/session')).body as SandboxSession;
      const general = session.channels.find((channel) => channel.name === 'general')?.id ?? '';
      const messages = (await second.get(`api/channels/${general}/messages`)).body as SandboxMessage[];
      const kept = messages.find((entry) => entry.message.id === postedId);
      expect(kept?.invocation).toMatchObject({ userName: 'Ada', command: '/ask' });
      expect(kept?.message.embeds.length).toBeGreaterThan(0);
    } finally {
      await second.close();
    }
  });

  it('refuses a file that is not a sandbox session, saying what to do', async () => {
    const broken = path.join(dataDir, 'broken.json');
    writeFileSync(broken, '{"not": "a session"}');
    await expect(startSandboxHarness({ dataDir, env: { SANDBOX_STATE_FILE: broken } })).rejects.toThrow(/is not a sandbox session file\. Move it away/);
  });
});
