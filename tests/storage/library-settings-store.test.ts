import { describe, expect, it } from 'vitest';
import { getLibraryEditorRole, setLibraryEditorRole } from '../../src/storage/library-settings-store.js';
import { engines, useScratchDatabase } from '../support/engines.js';

describe.each(engines)('the library editor role per server, on $engine', ({ scratch }) => {
  const { db } = useScratchDatabase(scratch);

  it('has no role for a server that never named one', async () => {
    expect(await getLibraryEditorRole(db(), '111')).toBeNull();
  });

  it('keeps the role a server names, replaces it when another is named, and clears it', async () => {
    await setLibraryEditorRole(db(), '111', '900', new Date('2026-01-01T00:00:00Z'));
    expect(await getLibraryEditorRole(db(), '111')).toBe('900');
    await setLibraryEditorRole(db(), '111', '901', new Date('2026-01-02T00:00:00Z'));
    expect(await getLibraryEditorRole(db(), '111')).toBe('901');
    await setLibraryEditorRole(db(), '111', null, new Date('2026-01-03T00:00:00Z'));
    expect(await getLibraryEditorRole(db(), '111')).toBeNull();
  });

  it('keeps each server to its own role', async () => {
    await setLibraryEditorRole(db(), '111', '900', new Date('2026-01-01T00:00:00Z'));
    await setLibraryEditorRole(db(), '222', '800', new Date('2026-01-01T00:00:00Z'));
    expect(await getLibraryEditorRole(db(), '111')).toBe('900');
    expect(await getLibraryEditorRole(db(), '222')).toBe('800');
  });
});
