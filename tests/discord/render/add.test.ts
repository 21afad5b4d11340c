import { ComponentType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { AddPreview } from '../../../src/library/intake-types.js';
import { renderAddCancelled, renderAddEditModal, renderAdded, renderAddExpired, renderAddPreview, renderRemoveConfirmation, renderRemoved } from '../../../src/discord/render/add.js';
import { discordLimits, limitViolations } from '../../../src/discord/render/limits.js';
import { sourceDocument } from '../fixtures/documents.js';

const addedBy = { id: '42', name: 'Ada' };

function preview(overrides: Partial<AddPreview> = {}, document: Parameters<typeof sourceDocument>[0] = {}): AddPreview {
  return {
    token: 'tok',
    document: sourceDocument({ id: 'added-0123456789', format: 'html', scope: 'g', addition: { addedBy, addedAt: 0, link: 'https://example.org/a.html' }, ...document }),
    passageCount: 12,
    firstPassage: 'Japan pledged 2.5 trillion yen over five years.',
    warnings: [],
    expiresAt: Date.UTC(2026, 0, 1, 12, 15),
    ...overrides,
  };
}

const field = (payload: ReturnType<typeof renderAddPreview>, name: string) => payload.embeds?.[0]?.fields?.find((candidate) => candidate.name === name)?.value;

describe('the /add preview', () => {
  it('shows the metadata found, the passage count, the first passage as quoted, and when it expires', () => {
    const payload = renderAddPreview(preview(), 's1');
    expect(payload.embeds?.[0]?.title).toBe('Preview: Bridges, not blocs');
    expect(field(payload, 'Author')).toBe('A. Writer');
    expect(field(payload, 'Outlet')).toBe('The Times of Central Asia');
    expect(field(payload, 'Published')).toBe(`<t:${Date.UTC(2025, 7, 20, 12) / 1000}:D> (dateline on the first line of the text)`);
    expect(field(payload, 'Passages')).toBe('12');
    expect(field(payload, 'First passage')).toBe('> Japan pledged 2.5 trillion yen over five years.');
    expect(field(payload, 'From')).toBe('`https://example.org/a.html`');
    expect(payload.embeds?.[0]?.description).toContain(`expires <t:${Date.UTC(2026, 0, 1, 12, 15) / 1000}:R>`);
    expect(field(payload, 'Check before adding')).toBeUndefined();
  });

  it('carries Add, Edit and Cancel buttons naming its session', () => {
    const [row] = renderAddPreview(preview(), 's1').components ?? [];
    expect(row?.components.map((button) => ['custom_id' in button ? button.custom_id : '', 'label' in button ? button.label : ''])).toEqual([
      ['add:commit:s1', 'Add'],
      ['add:edit:s1', 'Edit'],
      ['add:cancel:s1', 'Cancel'],
    ]);
  });

  it('says what was not found and lists the warnings, such as a date it could not pin down', () => {
    const payload = renderAddPreview(preview({ warnings: ['"spring 2025" is not a date I can pin down: set one with Edit'], firstPassage: null }, { author: null, outlet: null, published: null, publishedBasis: null }), 's1');
    expect(field(payload, 'Author')).toBe('not found');
    expect(field(payload, 'Outlet')).toBe('not found');
    expect(field(payload, 'Published')).toBe('not found');
    expect(field(payload, 'First passage')).toBe('None: the document has no text to quote.');
    expect(field(payload, 'Check before adding')).toBe('⚠️ "spring 2025" is not a date I can pin down: set one with Edit');
  });

  it('names an uploaded file where a link would be', () => {
    expect(field(renderAddPreview(preview({}, { file: 'notes.docx', addition: { addedBy, addedAt: 0, link: null } }), 's1'), 'From')).toBe('file notes.docx');
  });

  it('shows Markdown and mentions in the metadata as typed, and pings nobody', () => {
    const payload = renderAddPreview(preview({ firstPassage: '> **not bold** @everyone' }, { title: '# Title_with_underscores', author: '*Ada*' }), 's1');
    expect(payload.embeds?.[0]?.title).toBe('Preview: # Title\\_with\\_underscores');
    expect(field(payload, 'Author')).toBe('\\*Ada\\*');
    expect(field(payload, 'First passage')).toBe('> \\> \\*\\*not bold\\*\\* @everyone');
    expect(payload.allowedMentions).toEqual({ parse: [] });
  });

  it('stays within every Discord limit with huge metadata, a huge first passage and many warnings', () => {
    const long = 'word '.repeat(3000);
    const payload = renderAddPreview(
      preview({ firstPassage: `*${long}*`, warnings: Array.from({ length: 40 }, (_, index) => `warning ${index} ${long}`) }, { title: long, author: long, outlet: long, publishedBasis: long, id: 'x'.repeat(500), addition: { addedBy, addedAt: 0, link: `https://example.org/${'a'.repeat(3000)}` } }),
      's1',
    );
    expect(limitViolations(payload)).toEqual([]);
    expect(field(payload, 'Check before adding')).toMatch(/…and 35 more$/);
    expect(field(payload, 'First passage')).toMatch(/ …$/);
  });
});

describe('the /add Edit modal', () => {
  it('is prefilled with the title, author, outlet and date, and requires only the title', () => {
    const modal = renderAddEditModal(preview(), 's1');
    expect(modal.custom_id).toBe('add:revise:s1');
    const inputs = modal.components.map((row) => ('components' in row ? row.components[0] : undefined));
    expect(inputs.map((input) => (input?.type === ComponentType.TextInput ? [input.custom_id, input.value, input.required] : null))).toEqual([
      ['title', 'Bridges, not blocs', true],
      ['author', 'A. Writer', false],
      ['outlet', 'The Times of Central Asia', false],
      ['published', '2025-08-20', false],
    ]);
  });

  it('leaves a field empty when the document says nothing', () => {
    const modal = renderAddEditModal(preview({}, { author: null, outlet: null, published: null }), 's1');
    const values = modal.components.map((row) => ('components' in row && row.components[0]?.type === ComponentType.TextInput ? row.components[0].value : undefined));
    expect(values).toEqual(['Bridges, not blocs', '', '', '']);
  });

  it('keeps within Discord\'s modal limits, cutting a prefilled value to its field\'s maximum', () => {
    const modal = renderAddEditModal(preview({}, { title: 'long title '.repeat(100), author: 'a'.repeat(5000) }), 's1');
    expect(modal.title.length).toBeLessThanOrEqual(discordLimits.modalTitle);
    expect(modal.components.length).toBeLessThanOrEqual(discordLimits.modalRows);
    for (const row of modal.components) {
      const input = 'components' in row ? row.components[0] : undefined;
      if (input?.type !== ComponentType.TextInput) throw new Error('every row holds one text input');
      expect(input.label?.length ?? 0).toBeLessThanOrEqual(discordLimits.textInputLabel);
      expect(input.placeholder?.length ?? 0).toBeLessThanOrEqual(discordLimits.textInputPlaceholder);
      expect(input.max_length ?? 0).toBeLessThanOrEqual(discordLimits.textInputValue);
      expect(input.value?.length ?? 0).toBeLessThanOrEqual(input.max_length ?? 0);
    }
  });
});

describe('the /add and /remove outcomes', () => {
  it('says an added document is answerable now, with its id, and that only this server sees it', () => {
    const { content } = renderAdded(preview().document, 12);
    expect(content).toBe('Added *Bridges, not blocs* (id `added-0123456789`, 12 passages). It is answerable now: try `/ask question: … source: added-0123456789`. Only this server sees it.');
  });

  it('keeps the added message within 2,000 characters whatever the title', () => {
    expect(renderAdded(sourceDocument({ title: 'word '.repeat(2000), id: 'i'.repeat(400) }), 1).content?.length).toBeLessThanOrEqual(discordLimits.content);
  });

  it('replaces the whole preview once added, so its "Nothing is added until you press Add" goes with its buttons', () => {
    expect(renderAdded(preview().document, 12)).toMatchObject({ embeds: [], components: [] });
  });

  it('takes the buttons away once cancelled or expired', () => {
    expect(renderAddCancelled('Bridges').components).toEqual([]);
    expect(renderAddExpired()).toMatchObject({ components: [], embeds: [] });
    expect(renderAddExpired().content).toContain('Run /add again');
  });

  it('asks before removing, naming what goes with the document and who added it', () => {
    const payload = renderRemoveConfirmation(preview().document, 12, 's2');
    expect(payload.embeds?.[0]?.title).toBe('Remove Bridges, not blocs?');
    expect(payload.embeds?.[0]?.description).toBe('id `added-0123456789`. Added by Ada.\nRemoving it takes its 12 passages, its key dates and its digest mentions away at once, for everyone in this server. It cannot be undone, but the document can be added again.');
    expect(payload.components?.[0]?.components.map((button) => ('custom_id' in button ? button.custom_id : ''))).toEqual(['remove:confirm:s2', 'remove:keep:s2']);
    expect(limitViolations(renderRemoveConfirmation(sourceDocument({ title: 'x '.repeat(3000) }), undefined, 's2'))).toEqual([]);
  });

  it('confirms a removal without buttons', () => {
    expect(renderRemoved(sourceDocument())).toMatchObject({ content: 'Removed *Bridges, not blocs* (id `tca-2025-08-bridges-not-blocs`). It no longer answers questions.', components: [] });
  });
});
