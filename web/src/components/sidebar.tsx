import type { JSX } from 'preact';
import type { SandboxChannel, SandboxUser } from '../../../src/sandbox/bridge-protocol.js';
import type { ConnectionStatus } from '../api.js';

export interface SidebarProps {
  guildName: string;
  channels: SandboxChannel[];
  currentChannelId: string;
  unread: ReadonlySet<string>;
  onChannel: (channelId: string) => void;
  users: SandboxUser[];
  currentUserId: string;
  onUser: (userId: string) => void;
  connection: ConnectionStatus;
}

/** The server's name, its channels, and who you are acting as. */
export function Sidebar(props: SidebarProps): JSX.Element {
  const current = props.users.find((user) => user.id === props.currentUserId);
  return (
    <nav class="sidebar" aria-label="Server">
      <h1 class="guild-name">{props.guildName}</h1>
      <ul class="channel-list" aria-label="Channels">
        {props.channels.map((channel) => (
          <li key={channel.id}>
            <button
              type="button"
              class={`channel${channel.id === props.currentChannelId ? ' current' : ''}${props.unread.has(channel.id) ? ' unread' : ''}`}
              aria-current={channel.id === props.currentChannelId ? 'page' : undefined}
              onClick={() => props.onChannel(channel.id)}
            >
              <span class="hash" aria-hidden="true">#</span>{channel.name}
            </button>
          </li>
        ))}
      </ul>
      <div class="user-panel">
        <div class="avatar" aria-hidden="true">{(current?.displayName ?? '?').slice(0, 1)}</div>
        <label class="user-switcher">
          <span class="label">Acting as</span>
          <select value={props.currentUserId} onChange={(event) => props.onUser(event.currentTarget.value)} aria-label="Acting as">
            {props.users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.displayName} — {user.roleNames.join(', ') || 'member'}
              </option>
            ))}
          </select>
        </label>
        <span class={`connection ${props.connection}`} title={`Sandbox connection: ${props.connection}`} aria-label={`Sandbox connection: ${props.connection}`} />
      </div>
    </nav>
  );
}
