import { afterLogin, rememberReturn } from './after-login';

describe('the page to open after logging in', () => {
  beforeEach(() => {
    const items = new Map<string, string>();
    (globalThis as { sessionStorage?: unknown }).sessionStorage = {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
      removeItem: (key: string) => void items.delete(key),
    };
  });

  it("is react-admin's next location, else the remembered one, else the dashboard; once", () => {
    expect(afterLogin({ nextPathname: '/admin/users/5/edit', nextSearch: '?x=1' })).toBe(
      '/admin/users/5/edit?x=1',
    );
    rememberReturn('/admin/broadcasts/create');
    expect(afterLogin(null)).toBe('/admin/broadcasts/create');
    expect(afterLogin(null)).toBe('/admin/');
  });

  it('never leaves the panel nor goes back to the login page', () => {
    expect(afterLogin({ nextPathname: 'https://evil.example/admin/' })).toBe('/admin/');
    expect(afterLogin({ nextPathname: '//evil.example/' })).toBe('/admin/');
    expect(afterLogin({ nextPathname: '/admin/login' })).toBe('/admin/');
    rememberReturn('/elsewhere');
    expect(afterLogin(undefined)).toBe('/admin/');
  });
});
