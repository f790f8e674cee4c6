import { configErrorLine } from './config-error-hint';

describe('configuration error line (start without .env)', () => {
  it('names the file to copy when there is no .env', () => {
    const line = configErrorLine('JWT_SECRET is required but not set', false);
    expect(line).toContain('JWT_SECRET is required but not set');
    expect(line).toContain('cp .env.example .env');
    expect(line).not.toContain('\n');
  });

  it('names only the variable when .env exists (the value in it is what is wrong)', () => {
    expect(configErrorLine('PORT must be an integer', true)).toBe(
      'Configuration error: PORT must be an integer',
    );
  });
});
