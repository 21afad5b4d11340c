import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { APIApplicationCommand, APIApplicationCommandOptionChoice } from 'discord-api-types/v10';
import type { JSX, TargetedKeyboardEvent } from 'preact';
import type { ActionResult, AutocompleteResult, SandboxChannel } from '../../../src/sandbox/bridge-protocol.js';
import { parseSlashLine, type SlashLine } from '../../../src/sandbox/slash-line.js';
import { suggestionsFor, type Suggestion } from '../composer/suggestions.js';

export interface ComposerProps {
  channel: SandboxChannel;
  commands: readonly APIApplicationCommand[];
  channels: readonly SandboxChannel[];
  /** Sends the line: a slash command, or a plain message. */
  onSend: (line: string, picked: Record<string, APIApplicationCommandOptionChoice>) => Promise<ActionResult>;
  /** Asks the bot's autocomplete handler about the option being typed. */
  onAutocomplete: (line: string) => Promise<AutocompleteResult>;
}

const autocompleteDelayMs = 150;

/** The message box: slash commands with their options suggested as you type, as in Discord. */
export function Composer({ channel, commands, channels, onSend, onAutocomplete }: ComposerProps): JSX.Element {
  const [line, setLine] = useState('');
  const [picked, setPicked] = useState<Record<string, APIApplicationCommandOptionChoice>>({});
  const [autocomplete, setAutocomplete] = useState<{ line: string; result: AutocompleteResult } | null>(null);
  const [highlight, setHighlight] = useState(0);
  const [navigated, setNavigated] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);

  const parsed = useMemo(() => parseSlashLine(line, commands), [line, commands]);
  const autocompleteOption = autocompleteTarget(parsed);
  useEffect(() => {
    if (autocompleteOption === null) return undefined;
    let current = true;
    const timer = setTimeout(() => {
      onAutocomplete(line)
        .then((result) => {
          if (current) setAutocomplete({ line, result });
        })
        .catch(() => {
          if (current) setAutocomplete({ line, result: { option: autocompleteOption, choices: [] } });
        });
    }, autocompleteDelayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [line, autocompleteOption]);

  const suggestions = dismissed
    ? []
    : suggestionsFor(parsed, { commands, channels, autocomplete: autocomplete === null || autocompleteOption === null ? null : autocomplete.result });
  const highlighted = suggestions[Math.min(highlight, suggestions.length - 1)];

  const edit = (value: string): void => {
    setLine(value);
    setHighlight(0);
    setNavigated(false);
    setDismissed(false);
    setProblem(null);
  };

  const choose = (suggestion: Suggestion): void => {
    edit(line.slice(0, suggestion.from) + suggestion.insert);
    if (suggestion.picked !== undefined) {
      const { option, choice } = suggestion.picked;
      setPicked((previous) => ({ ...previous, [option]: choice }));
    }
    input.current?.focus();
  };

  const send = async (): Promise<void> => {
    if (line.trim() === '' || sending) return;
    if (parsed !== null && parsed.problems.length > 0) {
      setProblem(parsed.problems[0] ?? null);
      return;
    }
    setSending(true);
    try {
      const result = await onSend(line, picked);
      if (result.ok) {
        edit('');
        setPicked({});
      } else {
        setProblem(result.error);
      }
    } catch (error) {
      // The bridge did not answer at all: say so here, where the person is looking, not in the console.
      setProblem(`The sandbox could not send this: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setSending(false);
    }
  };

  const onKeyDown = (event: TargetedKeyboardEvent<HTMLTextAreaElement>): void => {
    if (suggestions.length > 0 && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setHighlight((Math.min(highlight, suggestions.length - 1) + step + suggestions.length) % suggestions.length);
      setNavigated(true);
      return;
    }
    if (event.key === 'Escape') {
      setDismissed(true);
      return;
    }
    if (event.key === 'Tab' && highlighted !== undefined) {
      event.preventDefault();
      choose(highlighted);
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      if (highlighted !== undefined && (highlighted.pickOnEnter || navigated)) choose(highlighted);
      else void send();
    }
  };

  return (
    <div class="composer">
      {suggestions.length > 0 && (
        <ul class="suggestions" role="listbox" aria-label="Suggestions">
          {suggestions.map((suggestion, index) => (
            <li
              key={suggestion.key}
              role="option"
              aria-selected={suggestion === highlighted}
              class={suggestion === highlighted ? 'selected' : undefined}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(suggestion);
              }}
              onMouseEnter={() => setHighlight(index)}
            >
              <span class="suggestion-label">{suggestion.label}</span>
              <span class="suggestion-detail">{suggestion.detail}</span>
            </li>
          ))}
        </ul>
      )}
      {parsed?.command !== null && parsed !== null && <OptionHints parsed={parsed} />}
      {problem !== null && <div class="composer-problem" role="alert">{problem}</div>}
      <div class="composer-box">
        <textarea
          ref={input}
          rows={1}
          value={line}
          aria-label={`Message #${channel.name}`}
          placeholder={`Message #${channel.name} — type / for commands`}
          disabled={sending}
          onInput={(event) => edit(event.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
      </div>
    </div>
  );
}

/** The bar above the box: the command's options, the one being typed marked, with its description. */
function OptionHints({ parsed }: { parsed: SlashLine }): JSX.Element {
  const path = [parsed.command?.name, parsed.group?.name, parsed.subcommand?.name].filter((part) => part !== undefined).join(' ');
  const focused = parsed.focus.kind === 'options' ? parsed.focus.value?.option ?? null : null;
  const described = focused ?? parsed.subcommand ?? parsed.command;
  return (
    <div class="option-hints" aria-label="Command options">
      <span class="hint-command">/{path}</span>
      {parsed.options.map((option) => {
        const given = parsed.values.some((value) => value.option === option);
        return (
          <span key={option.name} class={`hint-option${option === focused ? ' focused' : ''}${given ? ' given' : ''}`}>
            {option.required === true ? option.name : `[${option.name}]`}
          </span>
        );
      })}
      {described !== null && described !== undefined && <span class="hint-description">{described.description}</span>}
    </div>
  );
}

/** The option whose value is being typed, when the bot answers autocomplete for it. */
function autocompleteTarget(parsed: SlashLine | null): string | null {
  if (parsed === null || parsed.focus.kind !== 'options' || parsed.focus.value === null) return null;
  const option = parsed.focus.value.option;
  return 'autocomplete' in option && option.autocomplete === true ? option.name : null;
}
