import { describe, expect, it } from 'vitest';
import { parseSlashLine } from '../../src/sandbox/slash-line.js';
import { fixtureCommands } from './fixture-commands.js';

const commands = fixtureCommands();
const parse = (line: string) => {
  const parsed = parseSlashLine(line, commands);
  if (parsed === null) throw new Error(`not a slash line: ${line}`);
  return parsed;
};
const valuesOf = (line: string) => Object.fromEntries(parse(line).values.map((value) => [value.option.name, value.raw]));

describe('parseSlashLine', () => {
  it('reads a line without a leading slash as a plain message', () => {
    expect(parseSlashLine('hello /ask', commands)).toBeNull();
  });

  it('is still on the command name until a space follows it', () => {
    const parsed = parse('/as');
    expect(parsed.focus).toEqual({ kind: 'command', prefix: 'as' });
    expect(parsed.command).toBeNull();
  });

  it('says so when the command is not registered', () => {
    expect(parse('/weather today').problems[0]).toContain('/weather is not a command here');
  });

  it('reads named options whose values hold spaces', () => {
    expect(valuesOf('/ask question:What did Japan lend in 2024? public:true')).toEqual({ question: 'What did Japan lend in 2024?', public: 'true' });
  });

  it('gives text typed before any option name to the first required option', () => {
    const parsed = parse('/ask How much was the loan?');
    expect(valuesOf('/ask How much was the loan?')).toEqual({ question: 'How much was the loan?' });
    expect(parsed.problems).toEqual([]);
  });

  it('asks for a missing required option', () => {
    expect(parse('/ask public:true').problems).toEqual(['Fill in question: What you want to know']);
  });

  it('does not read an option name inside a word as the start of an option', () => {
    expect(valuesOf('/ask question:is the opensource:ok')).toEqual({ question: 'is the opensource:ok' });
  });

  it('offers subcommands after a command that has them', () => {
    const parsed = parse('/digest se');
    expect(parsed.focus).toMatchObject({ kind: 'subcommand', prefix: 'se', start: 8 });
    expect(parsed.problems[0]).toContain('/digest has no "se"');
  });

  it('reads a subcommand and its options', () => {
    const parsed = parse('/digest setup channel:#digest schedule:daily 09:00 timezone:Europe/Paris');
    expect(parsed.subcommand?.name).toBe('setup');
    expect(valuesOf('/digest setup channel:#digest schedule:daily 09:00 timezone:Europe/Paris'))
      .toEqual({ channel: '#digest', schedule: 'daily 09:00', timezone: 'Europe/Paris' });
    expect(parsed.problems).toEqual([]);
  });

  it('accepts a subcommand without options as it is typed', () => {
    expect(parse('/digest status').problems).toEqual([]);
  });

  it('focuses the value being typed at the end of the line', () => {
    const parsed = parse('/digest setup channel:#digest schedule:daily 09:00 timezone:Europe/Pa');
    // Nothing but the value follows "timezone:", so the word cannot be the next option's name.
    expect(parsed.focus).toMatchObject({ kind: 'options', value: { raw: 'Europe/Pa' }, namePrefix: null });
    if (parsed.focus.kind !== 'options') throw new Error('unreachable');
    expect(parsed.focus.value?.option.name).toBe('timezone');
  });

  it('has no name prefix right after "name:", where only a value can follow', () => {
    const parsed = parse('/ask question:');
    expect(parsed.focus).toMatchObject({ kind: 'options', value: { raw: '' }, namePrefix: null });
  });

  it('offers the next option name after a space', () => {
    const parsed = parse('/ask question:loans ');
    expect(parsed.focus).toMatchObject({ kind: 'options', namePrefix: '', namePrefixStart: 20 });
  });

  it('reports an option given twice', () => {
    expect(parse('/ask question:a question:b').problems).toContain('question is given twice: keep one.');
  });
});
