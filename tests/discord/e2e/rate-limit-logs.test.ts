import { afterEach, describe, expect, it } from 'vitest';
import { botToken, startHarness, type Harness } from './harness.js';

const rateLimitLine = 'rate limited; the request waits in the queue';

describe('rate limits in the logs', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('logs a 429 on the interaction callback like any other rate limit, without the interaction token, and still replies', async () => {
    harness = await startHarness();
    harness.server.faults.rateLimit('POST /interactions/:interactionId/:token/callback', { times: 1, retryAfterMs: 100 });
    const handle = harness.server.driver.slash('/help');
    await handle.reply();
    const line = await harness.waitForLog((candidate) => candidate.msg === rateLimitLine);
    expect(line).toMatchObject({ route: '/interactions/:id/:token/callback', method: 'POST', retryAfterMs: 100, global: false, level: 40 });
    const callbacks = harness.server.state.requests.filter((request) => request.path.startsWith(`/interactions/${handle.id}/`));
    expect(callbacks.map((request) => request.status)).toEqual([429, 204]);
    expect(JSON.stringify(harness.logs)).not.toContain(handle.record.token);
    expect(JSON.stringify(harness.logs)).not.toContain(botToken);
  });

  it('logs a 429 on a channel post the same way', async () => {
    harness = await startHarness();
    harness.server.faults.rateLimit('POST /channels/:channelId/messages', { times: 1, retryAfterMs: 100 });
    await harness.bot.client.rest.post(`/channels/${harness.server.state.channel('digest').id}/messages`, { body: { content: 'hello' } });
    const line = await harness.waitForLog((candidate) => candidate.msg === rateLimitLine);
    expect(line).toMatchObject({ route: '/channels/:id/messages', method: 'POST', global: false, level: 40 });
  });
});
