import type { LocalDiscordCore } from '../core.js';
import type { Route } from '../http/router.js';
import { handleInteractionCallback } from '../interactions/interaction-callbacks.js';
import {
  createFollowUp,
  deleteInteractionMessage,
  editInteractionMessage,
  interactionForWebhook,
  interactionMessage,
} from '../interactions/interaction-webhooks.js';

/** The interaction callback and the interaction webhook: replies, edits and follow-ups, none needing the bot token. */
export function interactionRoutes(core: LocalDiscordCore): Route[] {
  const interaction = (params: Record<string, string>) => interactionForWebhook(core, params.applicationId ?? '', params.token ?? '');
  return [
    {
      method: 'POST',
      pattern: '/interactions/:interactionId/:token/callback',
      auth: 'none',
      handle: ({ params, body, files, query }) =>
        handleInteractionCallback(core, {
          interactionId: params.interactionId ?? '',
          token: params.token ?? '',
          body,
          files,
          withResponse: query.get('with_response') === 'true',
        }),
    },
    {
      method: 'POST',
      pattern: '/webhooks/:applicationId/:token',
      auth: 'none',
      handle: ({ params, body, files, query }) => {
        const message = createFollowUp(core, interaction(params), body, files);
        return query.get('wait') === 'true' ? { status: 200, body: message } : { status: 204 };
      },
    },
    {
      method: 'GET',
      pattern: '/webhooks/:applicationId/:token/messages/:messageId',
      auth: 'none',
      handle: ({ params }) => ({ status: 200, body: interactionMessage(core, interaction(params), params.messageId ?? '').message }),
    },
    {
      method: 'PATCH',
      pattern: '/webhooks/:applicationId/:token/messages/:messageId',
      auth: 'none',
      handle: ({ params, body, files }) => ({
        status: 200,
        body: editInteractionMessage(core, interaction(params), params.messageId ?? '', body, files),
      }),
    },
    {
      method: 'DELETE',
      pattern: '/webhooks/:applicationId/:token/messages/:messageId',
      auth: 'none',
      handle: ({ params }) => {
        deleteInteractionMessage(core, interaction(params), params.messageId ?? '');
        return { status: 204 };
      },
    },
  ];
}
