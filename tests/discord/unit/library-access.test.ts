import { describe, expect, it } from 'vitest';
import { settingText } from '../../../commands/library.js';
import { mayEditLibrary, removableDocuments } from '../../../src/discord/library-access.js';
import { requireOwner, type RemoveSession } from '../../../src/discord/sessions.js';
import { sourceDocument } from '../fixtures/documents.js';

describe('who may add and remove documents', () => {
  it('lets members with Manage Server, whether or not a role is named', () => {
    expect(mayEditLibrary({ manageServer: true, roleIds: [] }, null)).toBe(true);
    expect(mayEditLibrary({ manageServer: true, roleIds: [] }, 'analysts')).toBe(true);
  });

  it('lets members of the named role, and only of that role', () => {
    expect(mayEditLibrary({ manageServer: false, roleIds: ['readers', 'analysts'] }, 'analysts')).toBe(true);
    expect(mayEditLibrary({ manageServer: false, roleIds: ['readers'] }, 'analysts')).toBe(false);
  });

  it('refuses everyone else, and a role only counts once it is named', () => {
    expect(mayEditLibrary({ manageServer: false, roleIds: [] }, null)).toBe(false);
    expect(mayEditLibrary({ manageServer: false, roleIds: ['analysts'] }, null)).toBe(false);
  });
});

describe('the buttons of /add and /remove', () => {
  const session: RemoveSession = { kind: 'remove', ownerId: 'ada', guildId: 'g', document: sourceDocument() };

  it('answer the person who ran the command', () => {
    expect(() => requireOwner(session, 'ada')).not.toThrow();
  });

  it('refuse anyone else, saying how to get their own', () => {
    expect(() => requireOwner(session, 'bob')).toThrow('Only the person who ran /remove can use these buttons. Run /remove yourself to get your own.');
  });
});

describe('what /remove offers', () => {
  const addition = { addedBy: { id: '1', name: 'Ada' }, addedAt: 0, link: null };
  const documents = [
    sourceDocument({ id: 'folder' }),
    sourceDocument({ id: 'ours', scope: 'g', addition }),
    sourceDocument({ id: 'theirs', scope: 'other', addition }),
    sourceDocument({ id: 'command-line', scope: null, addition: { ...addition, addedBy: null } }),
  ];

  it('is the added documents this server sees: its own and those added for every server, never folder documents', () => {
    expect(removableDocuments(documents, 'g').map((document) => document.id)).toEqual(['ours', 'command-line']);
  });
});

describe('what /library role says', () => {
  it('names the role, what it replaced, and that Discord still needs the command permission set', () => {
    expect(settingText('1', '2')).toBe('Members with <@&2> (instead of <@&1>) may now add and remove documents, as members with Manage Server can. Discord still hides /add and /remove from members without Manage Server until an admin allows them for this role in Server Settings → Integrations → this bot.');
  });

  it('says what clearing did, and what holds when no role was named', () => {
    expect(settingText('1', null)).toMatch(/^Cleared: <@&1> may no longer add or remove documents/);
    expect(settingText(null, null)).toMatch(/^No role is named: only members with Manage Server/);
  });
});
