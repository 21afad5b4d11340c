import type {
  ActionResult,
  AutocompleteResult,
  ButtonRequest,
  DigestRequest,
  MessageCommandRequest,
  ModalSubmitRequest,
  PlainMessageRequest,
  SandboxEvent,
  SandboxMessage,
  SandboxSession,
  SandboxUpload,
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
  /** Uploads a file for an attachment option; the bridge's reason in words when it refuses (too large, say). */
  upload(userId: string, file: File): Promise<SandboxUpload | { error: string }>;
  submitModal(request: ModalSubmitRequest): Promise<ActionResult>;
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

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
}

async function postJson<T>(path: string, body: unknown): Promise<T> {
  const response = await post(path, body);
  if (!response.ok) throw new Error(await refusalText(response));
  return (await response.json()) as T;
}

/** An action: done, or the bridge's reason in words for the person, whatever the status (a 413 for a huge entry, say). */
async function postAction(path: string, body: unknown): Promise<ActionResult> {
  const response = await post(path, body);
  if (response.ok || response.status === 422) return (await response.json()) as ActionResult;
  return { ok: false, error: await refusalText(response) };
}

/** The `error` of the bridge's JSON answer, or the status when there is none (a proxy's page, a dropped connection). */
async function refusalText(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { error?: unknown };
    if (typeof body.error === 'string' && body.error !== '') return body.error;
  } catch {
    // Not the bridge's JSON.
  }
  return `The sandbox answered ${response.status} ${response.statusText}. Is npm start still running?`;
}

export function createBridgeClient(base: URL = new URL('./', window.location.href)): BridgeClient {
  const url = (path: string) => new URL(path, base).toString();
  return {
    session: () => getJson(url('api/session')),
    messages: (channelId) => getJson(url(`api/channels/${encodeURIComponent(channelId)}/messages`)),
    slash: (request) => postAction(url('api/interactions/slash'), request),
    autocomplete: (request) => postJson(url('api/interactions/autocomplete'), request),
    button: (request) => postAction(url('api/interactions/button'), request),
    messageCommand: (request) => postAction(url('api/interactions/message-command'), request),
    async upload(userId, file) {
      const response = await fetch(url(`api/uploads?userId=${encodeURIComponent(userId)}`), {
        method: 'POST',
        headers: {
          'content-type': 'application/octet-stream',
          accept: 'application/json',
          'x-file-name': encodeURIComponent(file.name),
          ...(file.type === '' ? {} : { 'x-file-type': file.type }),
        },
        body: file,
      });
      if (!response.ok) return { error: await refusalText(response) };
      return (await response.json()) as SandboxUpload;
    },
    submitModal: (request) => postAction(url('api/interactions/modal-submit'), request),
    postMessage: (request) => postAction(url('api/messages'), request),
    runDigest: (request) => postAction(url('api/digest/run'), request),
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
