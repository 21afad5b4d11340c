import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { ActionResult, SandboxEvent, SandboxMessage, SandboxModal, SandboxSession } from '../../src/sandbox/bridge-protocol.js';
import { commandTypes } from '../../src/sandbox/slash-line.js';
import type { BridgeClient, ConnectionStatus } from './api.js';
import { Composer } from './components/composer.js';
import { MessageView } from './components/message-view.js';
import { ModalDialog } from './components/modal-dialog.js';
import { NamesContext } from './components/names.js';
import { Sidebar } from './components/sidebar.js';

/** A note from the page itself, shown only to its user like Discord's own system notes. */
interface Notice {
  id: string;
  channelId: string;
  userId: string;
  text: string;
}

type MessagesByChannel = Record<string, SandboxMessage[]>;

/** The sandbox page: one server, its channels, the message list and the message box. */
export function App({ bridge }: { bridge: BridgeClient }): JSX.Element {
  const [session, setSession] = useState<SandboxSession | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [channelId, setChannelId] = useState('');
  const [userId, setUserId] = useState('');
  const [messages, setMessages] = useState<MessagesByChannel>({});
  const [notices, setNotices] = useState<Notice[]>([]);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const [unread, setUnread] = useState<ReadonlySet<string>>(new Set());
  const [connection, setConnection] = useState<ConnectionStatus>('connecting');
  const [digestBusy, setDigestBusy] = useState(false);
  /** The bridge's question before "Run digest now" posts while the digest is off. */
  const [digestQuestion, setDigestQuestion] = useState<{ channelId: string; text: string; confirm: string } | null>(null);
  /** A form the bot answered the person's action with, open until they submit or cancel it. */
  const [modal, setModal] = useState<{ channelId: string; userId: string; modal: SandboxModal } | null>(null);
  const channelRef = useRef(channelId);
  channelRef.current = channelId;

  useEffect(() => {
    bridge.session().then((loaded) => {
      setSession(loaded);
      setChannelId((loaded.channels.find((channel) => channel.name === 'general') ?? loaded.channels[0])?.id ?? '');
      setUserId((loaded.users.find((user) => user.manageServer) ?? loaded.users[0])?.id ?? '');
    }, (error: unknown) => setLoadError(error instanceof Error ? error.message : String(error)));
  }, [bridge]);

  useEffect(() => bridge.subscribe((event) => {
    setMessages((previous) => applyEvent(previous, event));
    if (event.type === 'commands') bridge.session().then(setSession, () => undefined);
    if (event.type === 'message-create' && event.message.message.channel_id !== channelRef.current && event.message.visibleTo === null) {
      const target = event.message.message.channel_id;
      setUnread((previous) => new Set([...previous, target]));
    }
  }, (status) => {
    setConnection(status);
    // After a reconnect the stream may have missed events: reload what is shown.
    if (status === 'open') setMessages({});
  }), [bridge]);

  useEffect(() => {
    if (channelId === '' || messages[channelId] !== undefined) return;
    bridge.messages(channelId).then((loaded) => setMessages((previous) => ({ ...previous, [channelId]: loaded })), () => undefined);
  }, [bridge, channelId, messages]);

  const listRef = useRef<HTMLOListElement>(null);
  // Follow new messages only while the reader is at the bottom, as Discord does; reading older ones is not interrupted.
  const following = useRef(true);
  const shown = useMemo(
    () => (messages[channelId] ?? []).filter((entry) => (entry.visibleTo === null || entry.visibleTo === userId) && !dismissed.has(entry.message.id)),
    [messages, channelId, userId, dismissed],
  );
  const shownNotices = notices.filter((notice) => notice.channelId === channelId && notice.userId === userId);
  useEffect(() => {
    following.current = true;
  }, [channelId, userId]);
  useEffect(() => {
    const list = listRef.current;
    if (list !== null && following.current) list.scrollTop = list.scrollHeight;
  }, [shown, shownNotices.length]);

  if (loadError !== null) return <main class="load-error"><h1>The sandbox is not reachable</h1><p>{loadError}</p><p>Is <code>npm start</code> still running?</p></main>;
  if (session === null) return <main class="loading">Starting the sandbox…</main>;
  const channel = session.channels.find((candidate) => candidate.id === channelId) ?? session.channels[0];
  if (channel === undefined) return <main class="load-error">The sandbox server has no text channels.</main>;
  const currentUser = session.users.find((user) => user.id === userId);
  const userCommands = session.commands.filter((command) => currentUser?.commandIds.includes(command.id) === true);
  const messageCommands = userCommands.filter((command) => command.type === commandTypes.message);

  const notify = (text: string): void => {
    setNotices((previous) => [...previous, { id: `notice-${Date.now()}-${previous.length}`, channelId: channel.id, userId, text }]);
  };
  /** Opens the form a successful action was answered with, if any, and passes the result on. */
  const opening = async (action: Promise<ActionResult>): Promise<ActionResult> => {
    const result = await action;
    if (result.ok && result.modal !== undefined) setModal({ channelId: channel.id, userId, modal: result.modal });
    return result;
  };
  const report = async (action: Promise<ActionResult>): Promise<void> => {
    following.current = true;
    try {
      const result = await opening(action);
      if (!result.ok) notify(result.error);
    } catch (error) {
      notify(`The sandbox could not do that: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const runDigest = async (confirmed: boolean): Promise<void> => {
    setDigestQuestion(null);
    setDigestBusy(true);
    try {
      const result = await bridge.runDigest(confirmed ? { channelId: channel.id, confirmed } : { channelId: channel.id });
      if (!result.ok && result.confirm !== undefined) setDigestQuestion({ channelId: channel.id, text: result.error, confirm: result.confirm });
      else await report(Promise.resolve(result));
    } catch (error) {
      await report(Promise.reject(error instanceof Error ? error : new Error(String(error))));
    } finally {
      setDigestBusy(false);
    }
  };

  return (
    <NamesContext.Provider value={session.names}>
      <div class="layout">
        <Sidebar
          guildName={session.guild.name}
          channels={session.channels}
          currentChannelId={channel.id}
          unread={unread}
          onChannel={(id) => {
            setChannelId(id);
            setUnread((previous) => new Set([...previous].filter((candidate) => candidate !== id)));
          }}
          users={session.users}
          currentUserId={userId}
          onUser={setUserId}
          connection={connection}
        />
        <main class="channel" aria-label={`#${channel.name}`}>
          <header class="channel-header">
            <h2><span class="hash" aria-hidden="true">#</span>{channel.name}</h2>
            {channel.topic !== null && <span class="topic">{channel.topic}</span>}
            <button type="button" class="run-digest" disabled={digestBusy} onClick={() => void runDigest(false)}>
              {digestBusy ? 'Running the digest…' : 'Run digest now'}
            </button>
          </header>
          {digestQuestion !== null && digestQuestion.channelId === channel.id && (
            <div class="confirm-bar" role="alertdialog" aria-label="Confirm the digest" aria-describedby="digest-question">
              <span id="digest-question">{digestQuestion.text}</span>
              <button type="button" class="confirm" onClick={() => void runDigest(true)}>{digestQuestion.confirm}</button>
              <button type="button" onClick={() => setDigestQuestion(null)}>Cancel</button>
            </div>
          )}
          <ol
            class="messages"
            ref={listRef}
            aria-label="Messages"
            aria-live="polite"
            onScroll={(event) => {
              const list = event.currentTarget;
              following.current = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
            }}
          >
            {shown.length === 0 && shownNotices.length === 0 && (
              <li class="channel-start">This is the start of #{channel.name}. Type <kbd>/</kbd> to use {session.bot.name}.</li>
            )}
            {shown.map((entry) => (
              <MessageView
                key={entry.message.id}
                entry={entry}
                botId={session.bot.id}
                messageCommands={messageCommands}
                onButton={(messageId, customId) => report(bridge.button({ userId, channelId: channel.id, messageId, customId }))}
                onMessageCommand={(messageId, commandName) => report(bridge.messageCommand({ userId, channelId: channel.id, messageId, commandName }))}
                onDismiss={(messageId) => setDismissed((previous) => new Set([...previous, messageId]))}
              />
            ))}
            {shownNotices.map((notice) => (
              <li key={notice.id} class="message ephemeral notice" data-testid="notice">
                <div class="message-body">
                  <div class="avatar system" aria-hidden="true">!</div>
                  <div class="message-main">
                    <header class="message-header"><span class="author">Sandbox</span></header>
                    <p>{notice.text}</p>
                    <div class="ephemeral-note">Only you can see this</div>
                  </div>
                </div>
              </li>
            ))}
          </ol>
          <Composer
            key={channel.id}
            channel={channel}
            commands={userCommands}
            channels={session.channels}
            onSend={(line, picked, attachments) => {
              following.current = true;
              return line.startsWith('/')
                ? opening(bridge.slash({ userId, channelId: channel.id, line, picked, attachments }))
                : bridge.postMessage({ userId, channelId: channel.id, content: line });
            }}
            onUpload={(file) => bridge.upload(userId, file)}
            onAutocomplete={(line) => bridge.autocomplete({ userId, channelId: channel.id, line })}
          />
        </main>
      </div>
      {modal !== null && (
        <ModalDialog
          key={modal.modal.interactionId}
          modal={modal.modal}
          onSubmit={(values) => {
            following.current = true;
            return opening(bridge.submitModal({ userId: modal.userId, channelId: modal.channelId, interactionId: modal.modal.interactionId, values }));
          }}
          onClose={() => setModal(null)}
        />
      )}
    </NamesContext.Provider>
  );
}

/** Applies one pushed event to the messages of the channels the page has loaded. */
export function applyEvent(previous: MessagesByChannel, event: SandboxEvent): MessagesByChannel {
  if (event.type === 'message-create' || event.type === 'message-update') {
    const channelId = event.message.message.channel_id;
    const list = previous[channelId];
    if (list === undefined) return previous;
    const index = list.findIndex((entry) => entry.message.id === event.message.message.id);
    const next = index === -1 ? [...list, event.message] : list.map((entry, position) => (position === index ? event.message : entry));
    return { ...previous, [channelId]: next };
  }
  if (event.type === 'message-delete') {
    const list = previous[event.channelId];
    if (list === undefined) return previous;
    return { ...previous, [event.channelId]: list.filter((entry) => entry.message.id !== event.messageId) };
  }
  return previous;
}
