import { draftKey, dropAllDrafts, keepable, keepDrafts, readDraft, trackForm } from './keep-draft';

/** sessionStorage as the browser has it, in memory (the unit project runs in Node). */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
  };
}

describe('drafts of the forms being edited when the session ends', () => {
  beforeEach(() => {
    (globalThis as { sessionStorage?: Storage }).sessionStorage = memoryStorage();
  });

  it('keys a draft by the form and the record it edits', () => {
    expect(draftKey('users', 42)).toBe('dvorik.draft:users:42');
    expect(draftKey('broadcasts', undefined)).toBe('dvorik.draft:broadcasts:new');
  });

  it('never keeps a password, a token, a secret or a file', () => {
    const file = new Blob(['jpeg']);
    expect(
      keepable({ notes: 'Любит лакрицу', password: 'x', accessToken: 't', apiSecret: 's', media: file }),
    ).toEqual({ notes: 'Любит лакрицу' });
  });

  it('writes the forms on screen when asked, and only those', () => {
    const untrack = trackForm(draftKey('users', 7), () => ({ notes: 'до пятницы' }));
    trackForm(draftKey('broadcasts'), () => ({ title: 'Пастила', password: 'нет' }))();
    keepDrafts();
    expect(readDraft(draftKey('users', 7))).toEqual({ notes: 'до пятницы' });
    expect(readDraft(draftKey('broadcasts'))).toBeNull();
    untrack();
  });

  it('forgets every draft on a deliberate logout, and reads nothing broken', () => {
    sessionStorage.setItem('dvorik.draft:users:1', '{"notes":"a"}');
    sessionStorage.setItem('dvorik.draft:users:2', 'not json');
    sessionStorage.setItem('dvorik.session', '{}');
    expect(readDraft('dvorik.draft:users:2')).toBeNull();
    dropAllDrafts();
    expect(sessionStorage.length).toBe(1);
    expect(sessionStorage.getItem('dvorik.session')).toBe('{}');
  });
});
