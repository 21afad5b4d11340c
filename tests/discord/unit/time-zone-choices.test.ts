import { describe, expect, it } from 'vitest';
import { timeZoneChoices } from '../../../src/discord/autocomplete/time-zone-choices.js';

describe('timeZoneChoices', () => {
  it('puts names that start with what was typed first', () => {
    expect(timeZoneChoices('europe/b').map((choice) => choice.value)).toContain('Europe/Berlin');
    expect(timeZoneChoices('Europe/')[0]?.value.startsWith('Europe/')).toBe(true);
  });

  it('finds a zone by its city, with spaces read as underscores', () => {
    expect(timeZoneChoices('tashk')[0]?.value).toBe('Asia/Tashkent');
    expect(timeZoneChoices('new york')[0]?.value).toBe('America/New_York');
  });

  it('suggests near spellings of a misspelt city', () => {
    expect(timeZoneChoices('Europe/Berln').map((choice) => choice.value)).toContain('Europe/Berlin');
  });

  it('offers at most 25 IANA names', () => {
    const choices = timeZoneChoices('a');
    expect(choices).toHaveLength(25);
    for (const choice of choices) expect(() => new Intl.DateTimeFormat('en', { timeZone: choice.value })).not.toThrow();
  });
});
