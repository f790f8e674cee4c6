import { pipedPassword, readPassword } from './read-password';

describe('admin:create password', () => {
  it('takes the first line of piped input, without its line break', () => {
    expect(pipedPassword('s3cret-Pass\n')).toBe('s3cret-Pass');
    expect(pipedPassword('s3cret-Pass\r\nignored\n')).toBe('s3cret-Pass');
    expect(pipedPassword('')).toBe('');
  });

  it('prefers ADMIN_PASSWORD over anything on standard input', async () => {
    await expect(readPassword({ ADMIN_PASSWORD: 'from-env-123' })).resolves.toBe('from-env-123');
  });
});
