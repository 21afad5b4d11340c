import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { APIApplicationCommand, APIApplicationCommandOptionChoice } from 'discord-api-types/v10';
import type { JSX, TargetedKeyboardEvent } from 'preact';
import type { ActionResult, AutocompleteResult, SandboxChannel, SandboxUpload } from '../../../src/sandbox/bridge-protocol.js';
import { optionTypes, parseSlashLine, type SlashLine } from '../../../src/sandbox/slash-line.js';
import { suggestionsFor, type Suggestion } from '../composer/suggestions.js';

export interface ComposerProps {
  channel: SandboxChannel;
  commands: readonly APIApplicationCommand[];
  channels: readonly SandboxChannel[];
  /** Sends the line: a slash command (with the uploads attached to its attachment options, by option name), or a plain message. */
  onSend: (line: string, picked: Record<string, APIApplicationCommandOptionChoice>, attachments: Record<string, string>) => Promise<ActionResult>;
  /** Uploads a file picked for an attachment option. */
  onUpload: (file: File) => Promise<SandboxUpload | { error: string }>;
  /** Asks the bot's autocomplete handler about the option being typed. */
  onAutocomplete: (line: string) => Promise<AutocompleteResult>;
}

const autocompleteDelayMs = 150;

/** The message box: slash commands with their options suggested as you type, as in Discord. */
export function Composer({ channel, commands, channels, onSend, onUpload, onAutocomplete }: ComposerProps): JSX.Element {
  const [line, setLine] = useState('');
  const [picked, setPicked] = useState<Record<string, APIApplicationCommandOptionChoice>>({});
  const [autocomplete, setAutocomplete] = useState<{ line: string; result: AutocompleteResult } | null>(null);
  const [highlight, setHighlight] = useState(0);
  const [navigated, setNavigated] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  /** Files attached to attachment options, by option name, as Discord's box holds them until the command is sent. */
  const [attached, setAttached] = useState<Record<string, SandboxUpload>>({});
  const [uploading, setUploading] = useState<string | null>(null);
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
      const optionNames = new Set(parsed?.options.map((option) => option.name) ?? []);
      const attachments = Object.fromEntries(Object.entries(attached).filter(([name]) => optionNames.has(name)).map(([name, upload]) => [name, upload.id]));
      const result = await onSend(line, picked, attachments);
      if (result.ok) {
        edit('');
        setPicked({});
        setAttached({});
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

  /** Uploads a picked file and names it in the line as the option's value, as Discord's box shows it. */
  const attach = async (option: string, file: File): Promise<void> => {
    setUploading(option);
    setProblem(null);
    try {
      const upload = await onUpload(file);
      if ('error' in upload) {
        setProblem(upload.error);
        return;
      }
      setAttached((previous) => ({ ...previous, [option]: upload }));
      const current = parseSlashLine(line, commands)?.values.find((value) => value.option.name === option);
      const next = current === undefined ? `${line.replace(/\s*$/, ' ')}${option}:${upload.filename} ` : `${line.slice(0, current.start)}${upload.filename}${line.slice(current.end)}`;
      setLine(next);
      input.current?.focus();
    } catch (error) {
      setProblem(`The sandbox could not take this file: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setUploading(null);
    }
  };
  const attachmentOptions = parsed?.options.filter((option) => option.type === optionTypes.attachment) ?? [];

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
      {attachmentOptions.length > 0 && (
        <div class="attachments-bar" aria-label="Attachments">
          {attachmentOptions.map((option) => {
            const upload = attached[option.name];
            if (upload !== undefined) {
              return (
                <span key={option.name} class="attached" data-testid="attached-file">
                  📎 {option.name}: {upload.filename} ({formatSize(upload.size)})
                  <button type="button" aria-label={`Remove ${upload.filename}`} onClick={() => setAttached(({ [option.name]: _removed, ...rest }) => rest)}>✕</button>
                </span>
              );
            }
            return (
              <label key={option.name} class="attach-button">
                {uploading === option.name ? `Uploading to ${option.name}…` : `📎 ${option.name}`}
                <input
                  type="file"
                  aria-label={`Attach a file to ${option.name}`}
                  disabled={uploading !== null}
                  onChange={(event) => {
                    const file = event.currentTarget.files?.[0];
                    event.currentTarget.value = '';
                    if (file !== undefined) void attach(option.name, file);
                  }}
                />
              </label>
            );
          })}
        </div>
      )}
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

/** A file size as Discord's client writes it: bytes, KB or MB. */
function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The option whose value is being typed, when the bot answers autocomplete for it. */
function autocompleteTarget(parsed: SlashLine | null): string | null {
  if (parsed === null || parsed.focus.kind !== 'options' || parsed.focus.value === null) return null;
  const option = parsed.focus.value.option;
  return 'autocomplete' in option && option.autocomplete === true ? option.name : null;
}
