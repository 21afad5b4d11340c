import type { APIButtonComponent, APIMessageTopLevelComponent } from 'discord-api-types/v10';
import type { JSX } from 'preact';
import { safeUrl } from './embed-view.js';

/** Discord's component type numbers the page draws: action rows and buttons. */
const componentTypes = { actionRow: 1, button: 2 } as const;
const buttonStyles: Record<number, string> = { 1: 'primary', 2: 'secondary', 3: 'success', 4: 'danger', 5: 'link', 6: 'premium' };

export interface ComponentRowsProps {
  components: APIMessageTopLevelComponent[];
  /** Clicks a button; resolves when the bot has answered. */
  onClick: (customId: string) => Promise<void>;
  /** The button whose click is on its way, drawn as busy. */
  busy: string | null;
}

/** Rows of buttons under a message; a click becomes a component interaction. */
export function ComponentRows({ components, onClick, busy }: ComponentRowsProps): JSX.Element | null {
  const rows = components.filter((component) => component.type === componentTypes.actionRow);
  if (rows.length === 0) return null;
  return (
    <div class="component-rows">
      {rows.map((row, rowIndex) => (
        <div key={rowIndex} class="component-row" role="group">
          {('components' in row ? row.components : []).map((component, index) => {
            if (component.type !== componentTypes.button) return <span key={index} class="unsupported">(a menu the sandbox does not show)</span>;
            return <ButtonView key={index} button={component as APIButtonComponent} onClick={onClick} busy={busy} />;
          })}
        </div>
      ))}
    </div>
  );
}

function ButtonView({ button, onClick, busy }: { button: APIButtonComponent; onClick: ComponentRowsProps['onClick']; busy: string | null }): JSX.Element {
  const style = buttonStyles[button.style] ?? 'secondary';
  const label = 'label' in button ? button.label : undefined;
  const emoji = 'emoji' in button ? button.emoji?.name : undefined;
  const content = <>{emoji !== undefined && <span class="emoji" aria-hidden="true">{emoji}</span>}{label}</>;
  if ('url' in button) {
    const href = safeUrl(button.url);
    return <a class={`button ${style}`} href={href ?? undefined} target="_blank" rel="noopener noreferrer nofollow">{content}</a>;
  }
  const customId = 'custom_id' in button ? button.custom_id : null;
  return (
    <button
      type="button"
      class={`button ${style}${customId !== null && busy === customId ? ' busy' : ''}`}
      disabled={button.disabled === true || customId === null || busy !== null}
      aria-label={label ?? emoji}
      onClick={() => {
        if (customId !== null) void onClick(customId);
      }}
    >
      {content}
    </button>
  );
}
