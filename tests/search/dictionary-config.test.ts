import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('RUSSIAN_DICTIONARY', () => {
  it('is the system\'s dictionary when unset, none when "off", and a path resolved against the folder otherwise', () => {
    expect(loadConfig({}, '/srv/bot').russianDictionary).toBeUndefined();
    expect(loadConfig({ RUSSIAN_DICTIONARY: 'off' }, '/srv/bot').russianDictionary).toBeNull();
    expect(loadConfig({ RUSSIAN_DICTIONARY: 'dicts/mueller7' }, '/srv/bot').russianDictionary).toBe('/srv/bot/dicts/mueller7');
  });

  it('is refused with the file extension, saying to give the path without it', () => {
    expect(() => loadConfig({ RUSSIAN_DICTIONARY: '/usr/share/dictd/mueller7.index' })).toThrow(ConfigError);
    expect(() => loadConfig({ RUSSIAN_DICTIONARY: '/usr/share/dictd/mueller7.dict.dz' })).toThrow(/RUSSIAN_DICTIONARY: must be the dictionary's path without \.index or \.dict\.dz/);
  });
});
