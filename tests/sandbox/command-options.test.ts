import type { APIApplicationCommand } from 'discord-api-types/v10';
import { SlashCommandBuilder } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { slashInvocation } from '../../src/sandbox/command-options.js';
import { parseSlashLine } from '../../src/sandbox/slash-line.js';
import { fixtureCommands } from './fixture-commands.js';

/** Shaped like `/add`: a file or a link. */
const add = new SlashCommandBuilder()
  .setName('add')
  .setDescription('Add a document')
  .addAttachmentOption((option) => option.setName('file').setDescription('A PDF, DOCX, HTML, Markdown or text file'))
  .addStringOption((option) => option.setName('link').setDescription('A web page or PDF link'))
  .addStringOption((option) => option.setName('title').setDescription('Title'));
const commands = [...fixtureCommands(), { id: '2000', application_id: '1', version: '1', default_member_permissions: null, ...add.toJSON() } as APIApplicationCommand];
const invoke = (line: string, ...rest: [Parameters<typeof slashInvocation>[1]?, Parameters<typeof slashInvocation>[2]?, Parameters<typeof slashInvocation>[3]?]) => {
  const parsed = parseSlashLine(line, commands);
  if (parsed === null) throw new Error('not a slash line');
  return slashInvocation(parsed, ...rest);
};

describe('slashInvocation', () => {
  it('reads a boolean option as a boolean', () => {
    expect(invoke('/ask question:why public:True')).toEqual({
      ok: true,
      invocation: { commandName: 'ask', subcommandPath: [], values: { question: 'why', public: true }, focused: null },
    });
  });

  it('names the subcommand and reads an integer, leaving the channel for the driver to resolve', () => {
    expect(invoke('/digest setup channel:#digest schedule:daily 09:00 timezone:UTC window:7')).toEqual({
      ok: true,
      invocation: { commandName: 'digest', subcommandPath: ['setup'], values: { channel: '#digest', schedule: 'daily 09:00', timezone: 'UTC', window: 7 }, focused: null },
    });
  });

  it('refuses a value that is not of its option\'s type, saying what to type', () => {
    expect(invoke('/digest setup channel:#digest schedule:daily 09:00 timezone:UTC window:a week')).toEqual({ ok: false, problems: ['window must be a whole number, e.g. 7.'] });
    expect(invoke('/ask question:why public:maybe')).toEqual({ ok: false, problems: ['public must be True or False.'] });
  });

  it('refuses a line the parser found incomplete', () => {
    expect(invoke('/digest setup channel:#digest')).toMatchObject({ ok: false, problems: ['Fill in schedule: When', 'Fill in timezone: Time zone'] });
  });

  it('sends the value of a choice typed by its name', () => {
    expect(invoke('/timeline topic:loans')).toMatchObject({ ok: true, invocation: { values: { topic: 'loans' } } });
    expect(invoke('/timeline topic:Budgets')).toEqual({ ok: false, problems: ['topic must be one of: Loans, Elections.'] });
  });

  it('sends the value of an autocomplete choice picked by its name', () => {
    const picked = { source: { name: 'Bank report (2024)', value: 'bank-report' } };
    expect(invoke('/ask question:loan source:Bank report (2024)', picked)).toMatchObject({ ok: true, invocation: { values: { question: 'loan', source: 'bank-report' } } });
  });

  it('passes a string option exactly as typed, a leading @ included', () => {
    expect(invoke('/ask question:@everyone what changed?')).toMatchObject({ ok: true, invocation: { values: { question: '@everyone what changed?' } } });
    expect(invoke('/digest setup channel:#digest schedule:@daily timezone:UTC')).toMatchObject({ ok: true, invocation: { values: { schedule: '@daily' } } });
  });

  it('names the option being typed for autocomplete and lets it go unfinished', () => {
    expect(invoke('/digest setup channel:#digest schedule:daily 09:00 timezone:Europe/Pa', {}, 'autocomplete')).toEqual({
      ok: true,
      invocation: { commandName: 'digest', subcommandPath: ['setup'], values: { channel: '#digest', schedule: 'daily 09:00', timezone: 'Europe/Pa' }, focused: 'timezone' },
    });
  });

  it('sends an attachment option as the id of the file attached to it, the line showing only its name', () => {
    expect(invoke('/add file:Report 2025.pdf title:Loans', {}, 'execute', { file: '123456' })).toEqual({
      ok: true,
      invocation: { commandName: 'add', subcommandPath: [], values: { file: '123456', title: 'Loans' }, focused: null },
    });
  });

  it('asks for a file when an attachment option is named but nothing is attached', () => {
    expect(invoke('/add file:report.pdf')).toEqual({ ok: false, problems: ['file: attach a file with the 📎 file button above the message box.'] });
  });

  it('passes a pasted link into a string option exactly as typed, query and fragment included', () => {
    const link = 'https://www.example.org/analysis/japan-central-asia?utm_source=x&page=2#section-3';
    expect(invoke(`/add link:${link}`)).toMatchObject({ ok: true, invocation: { values: { link } } });
  });
});
