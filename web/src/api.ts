import type {
  ActionResult,
  AutocompleteResult,
  ButtonRequest,
  DigestRequest,
  MessageCommandRequest,
  PlainMessageRequest,
  SandboxEvent,
  SandboxMessage,
  SandboxSession,
  SlashRequest,
} from '../../src/sandbox/bridge-protocol.js';

/** Whether the page is connected to the bridge's event stream. */
export type ConnectionStatus = 'connecting' | 'open' | 'closed';

/** The page's only way out: HTTP to the bridge, and its WebSocket for what happens. */
export interface BridgeClient {
  session(): Promise<SandboxSession>;
  messages(channelId: string): Promise<SandboxMessage[]>;
  slash(request: SlashRequest): Promise<ActionResult>;
  autocomplete(request: SlashRequest): Promise<AutocompleteResult>;
  button(request: ButtonRequest): Promise<ActionResult>;
  messageCommand(request: MessageCommandRequest): Promise<ActionResult>;
  postMessage(request: PlainMessageRequest): Promise<ActionResult>;
  runDigest(request: DigestRequest): Promise<ActionResult>;
  /** Calls `listener` for every event until the returned function is called; reconnects after a drop. */
  subscribe(listener: (event: SandboxEvent) => void, onStatus: (status: ConnectionStatus) => void): () => void;
}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function postJson<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok && response.status !== 422) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export function createBridgeClient(base: URL = new URL('./', window.location.href)): BridgeClient {
  const url = (path: string) => new URL(path, base).toString();
  return {
    session: () => getJson(url('api/session')),
    messages: (channelId) => getJson(url(`api/channels/${encodeURIComponent(channelId)}/messages`)),
    slash: (request) => postJson(url('api/interactions/slash'), request),
    autocomplete: (request) => postJson(url('api/interactions/autocomplete'), request),
    button: (request) => postJson(url('api/interactions/button'), request),
    messageCommand: (request) => postJson(url('api/interactions/message-command'), request),
    postMessage: (request) => postJson(url('api/messages'), request),
    runDigest: (request) => postJson(url('api/digest/run'), request),
    subscribe(listener, onStatus) {
      let socket: WebSocket | null = null;
      let stopped = false;
      let retry: ReturnType<typeof setTimeout> | undefined;
      const connect = (): void => {
        const address = new URL('api/events', base);
        address.protocol = address.protocol === 'https:' ? 'wss:' : 'ws:';
        onStatus('connecting');
        socket = new WebSocket(address);
        socket.addEventListener('open', () => onStatus('open'));
        socket.addEventListener('message', (message) => {
          if (typeof message.data === 'string') listener(JSON.parse(message.data) as SandboxEvent);
        });
        socket.addEventListener('close', () => {
          onStatus('closed');
          if (!stopped) retry = setTimeout(connect, 1000);
        });
      };
      connect();
      return () => {
        stopped = true;
        clearTimeout(retry);
        socket?.close();
      };
    },
  };
}
