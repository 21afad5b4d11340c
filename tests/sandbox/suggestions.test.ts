import { describe, expect, it } from 'vitest';
import { parseSlashLine } from '../../src/sandbox/slash-line.js';
import { suggestionsFor, type SuggestionContext } from '../../web/src/composer/suggestions.js';
import { fixtureCommands } from './fixture-commands.js';

const context: SuggestionContext = {
  commands: fixtureCommands(),
  channels: [{ id: '1', name: 'general', topic: null }, { id: '2', name: 'digest', topic: 'Where the digest arrives' }],
  autocomplete: null,
};
const suggest = (line: string, extra: Partial<SuggestionContext> = {}) => suggestionsFor(parseSlashLine(line, context.commands), { ...context, ...extra });
const apply = (line: string, index = 0, extra: Partial<SuggestionContext> = {}) => {
  const suggestion = suggest(line, extra)[index];
  if (suggestion === undefined) throw new Error(`no suggestion ${index} for ${line}`);
  return line.slice(0, suggestion.from) + suggestion.insert;
};

describe('suggestionsFor', () => {
  it('lists the slash commands starting with what is typed, not the context-menu ones', () => {
    expect(suggest('/').map((suggestion) => suggestion.label)).toEqual(['/ask', '/digest', '/timeline']);
    expect(apply('/d')).toBe('/digest ');
  });

  it('offers nothing for a plain message', () => {
    expect(suggest('hello')).toEqual([]);
  });

  it('completes a subcommand in place', () => {
    expect(suggest('/digest s').map((suggestion) => suggestion.label)).toEqual(['/digest setup', '/digest status']);
    expect(apply('/digest s')).toBe('/digest setup ');
  });

  it('lists the options not yet given after a space, and Enter picks one only when nothing is being typed', () => {
    expect(suggest('/ask ').map((suggestion) => [suggestion.label, suggestion.pickOnEnter])).toEqual([['question', true], ['source', true], ['public', true]]);
    expect(apply('/ask ')).toBe('/ask question:');
    expect(suggest('/ask question:why p').map((suggestion) => [suggestion.label, suggestion.pickOnEnter])).toEqual([['public', false]]);
    expect(apply('/ask question:why p')).toBe('/ask question:why public:');
  });

  it('suggests True and False for a boolean, and channels for a channel option', () => {
    expect(suggest('/ask question:why public:').map((suggestion) => suggestion.label)).toEqual(['True', 'False']);
    expect(apply('/digest setup channel:#d')).toBe('/digest setup channel:#digest ');
  });

  it('shows the bot\'s autocomplete choices for the option being typed, and remembers the picked value', () => {
    const autocomplete = { option: 'source', choices: [{ name: 'Bank report (2024)', value: 'bank-report' }] };
    const [first] = suggest('/ask question:loans source:bank', { autocomplete });
    expect(first).toMatchObject({ label: 'Bank report (2024)', insert: 'Bank report (2024) ', picked: { option: 'source', choice: { value: 'bank-report' } } });
    // Choices for another option are not shown here.
    expect(suggest('/ask question:loans source:bank', { autocomplete: { ...autocomplete, option: 'timezone' } })).toEqual([]);
  });

  it('filters an option\'s fixed choices by name', () => {
    expect(suggest('/timeline topic:lo').map((suggestion) => suggestion.label)).toEqual(['Loans']);
  });
});
