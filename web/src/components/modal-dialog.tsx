import { useEffect, useRef, useState } from 'preact/hooks';
import type { JSX, TargetedEvent } from 'preact';
import type { ActionResult, SandboxModal, SandboxModalItem } from '../../../src/sandbox/bridge-protocol.js';

export interface ModalDialogProps {
  modal: SandboxModal;
  /** Sends the filled-in values, by custom id; resolves with the bridge's answer. */
  onSubmit: (values: Record<string, string>) => Promise<ActionResult>;
  /** Closes the form without sending anything, as Discord's Cancel does. */
  onClose: () => void;
}

type TextItem = Extract<SandboxModalItem, { kind: 'text' }>;

/** A form the bot showed (a modal), filled in and submitted as in Discord: the browser checks lengths, the bridge checks again. */
export function ModalDialog({ modal, onSubmit, onClose }: ModalDialogProps): JSX.Element {
  const fields = modal.items.filter((item): item is TextItem => item.kind === 'text');
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(fields.map((field) => [field.customId, field.value])));
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const first = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = async (event: TargetedEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setSending(true);
    setProblem(null);
    try {
      const result = await onSubmit(values);
      if (result.ok) onClose();
      else setProblem(result.error);
    } catch (error) {
      setProblem(`The sandbox could not send this: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setSending(false);
    }
  };

  return (
    <div class="modal-backdrop" onKeyDown={(event) => event.key === 'Escape' && onClose()}>
      <div class="modal" role="dialog" aria-modal="true" aria-labelledby="modal-title">
        <form class="modal-form" onSubmit={(event) => void submit(event)}>
          <h2 id="modal-title">{modal.title}</h2>
          {modal.items.map((item, index) => {
            if (item.kind === 'display') return <p key={index} class="modal-text">{item.content}</p>;
            if (item.kind === 'unsupported') return <p key={index} class="unsupported">{item.label}: a menu the sandbox does not draw; its default goes with the form.</p>;
            const common = {
              name: item.customId,
              value: values[item.customId] ?? '',
              required: item.required,
              maxLength: item.maxLength,
              ...(item.minLength > 0 ? { minLength: item.minLength } : {}),
              placeholder: item.placeholder ?? undefined,
              disabled: sending,
              onInput: (event: TargetedEvent<HTMLInputElement | HTMLTextAreaElement>) => {
                const value = event.currentTarget.value;
                setValues((previous) => ({ ...previous, [item.customId]: value }));
              },
              ...(fields[0] === item ? { ref: first } : {}),
            };
            return (
              <label key={item.customId} class="modal-field">
                <span class="modal-label">{item.label}{item.required && <span class="required" aria-hidden="true"> *</span>}</span>
                {item.description !== null && <span class="modal-description">{item.description}</span>}
                {item.style === 'paragraph' ? <textarea rows={4} {...common} /> : <input type="text" {...common} />}
              </label>
            );
          })}
          {problem !== null && <div class="composer-problem" role="alert">{problem}</div>}
          <div class="modal-buttons">
            <button type="button" class="button link" onClick={onClose}>Cancel</button>
            <button type="submit" class="button primary" disabled={sending}>Submit</button>
          </div>
        </form>
      </div>
    </div>
  );
}
