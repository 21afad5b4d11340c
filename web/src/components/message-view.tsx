import { useState } from 'preact/hooks';
import type { APIApplicationCommand } from 'discord-api-types/v10';
import type { JSX } from 'preact';
import type { SandboxMessage } from '../../../src/sandbox/bridge-protocol.js';
import { AttachmentView } from './attachment-view.js';
import { ComponentRows } from './component-rows.js';
import { EmbedView } from './embed-view.js';
import { MarkdownView } from './markdown-view.js';

/** Discord's message flag bits the page reads. */
const messageFlags = { ephemeral: 1 << 6, loading: 1 << 7 } as const;

export interface MessageViewProps {
  entry: SandboxMessage;
  botId: string;
  /** Message commands from the "Apps" menu. */
  messageCommands: APIApplicationCommand[];
  onButton: (messageId: string, customId: string) => Promise<void>;
  onMessageCommand: (messageId: string, commandName: string) => Promise<void>;
  onDismiss: (messageId: string) => void;
}

/** One message: who wrote it, the command it answers, its content, embeds, buttons and attachments. */
export function MessageView({ entry, botId, messageCommands, onButton, onMessageCommand, onDismiss }: MessageViewProps): JSX.Element {
  const [busy, setBusy] = useState<string | null>(null);
  const [appsOpen, setAppsOpen] = useState(false);
  const { message, invocation } = entry;
  const flags = message.flags ?? 0;
  const ephemeral = (flags & messageFlags.ephemeral) !== 0 || entry.visibleTo !== null;
  const loading = (flags & messageFlags.loading) !== 0;
  const author = message.author.global_name ?? message.author.username;
  const isBot = message.author.id === botId || message.author.bot === true;

  const click = async (customId: string): Promise<void> => {
    setBusy(customId);
    try {
      await onButton(message.id, customId);
    } finally {
      setBusy(null);
    }
  };

  return (
    <li class={`message${ephemeral ? ' ephemeral' : ''}`} data-testid="message" data-message-id={message.id} data-author={message.author.username}>
      {invocation !== null && (
        <div class="invocation"><span class="invoker">{invocation.userName}</span> used <span class="command-name">{invocation.command}</span></div>
      )}
      <div class="message-body">
        <div class={`avatar${isBot ? ' bot' : ''}`} aria-hidden="true">{author.slice(0, 1).toUpperCase()}</div>
        <div class="message-main">
          <header class="message-header">
            <span class="author">{author}</span>
            {isBot && <span class="bot-tag">APP</span>}
            <time class="sent-at" dateTime={message.timestamp}>{new Date(message.timestamp).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}</time>
            {message.edited_timestamp !== null && !loading && <span class="edited">(edited)</span>}
          </header>
          {loading && <div class="thinking" role="status">{author} is thinking…</div>}
          {message.content !== '' && <MarkdownView source={message.content} />}
          {/* Discord shows attachments above the embeds. */}
          {message.attachments.map((attachment) => <AttachmentView key={attachment.id} attachment={attachment} />)}
          {message.embeds.map((embed, index) => <EmbedView key={index} embed={embed} />)}
          {message.components !== undefined && <ComponentRows components={message.components} onClick={click} busy={busy} />}
          {ephemeral && (
            <div class="ephemeral-note" data-testid="ephemeral-note">
              <span aria-hidden="true">👁</span> Only you can see this ·{' '}
              <button type="button" class="link-button" onClick={() => onDismiss(message.id)}>Dismiss message</button>
            </div>
          )}
        </div>
        {!ephemeral && !loading && messageCommands.length > 0 && (
          <div class="message-actions">
            <button type="button" class="apps-button" aria-expanded={appsOpen} aria-label="Apps" onClick={() => setAppsOpen(!appsOpen)}>Apps ▾</button>
            {appsOpen && (
              <ul class="apps-menu" role="menu">
                {messageCommands.map((command) => (
                  <li key={command.id} role="none">
                    <button
                      type="button"
                      role="menuitem"
                      onClick={() => {
                        setAppsOpen(false);
                        void onMessageCommand(message.id, command.name);
                      }}
                    >
                      {command.name}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </li>
  );
}
