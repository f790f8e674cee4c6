import { checkJobHandlers } from './check-job-handlers';

describe('checkJobHandlers', () => {
  it('accepts one handler per job', () => {
    expect(() =>
      checkJobHandlers(
        ['a', 'b'],
        [
          { name: 'a', owner: 'A' },
          { name: 'b', owner: 'B' },
        ],
      ),
    ).not.toThrow();
  });

  it('refuses a job without a handler, a job with two and a handler of an unknown job', () => {
    expect(() => checkJobHandlers(['a', 'b'], [{ name: 'a', owner: 'A' }])).toThrow('job "b" has no handler');
    expect(() =>
      checkJobHandlers(
        ['a'],
        [
          { name: 'a', owner: 'A1' },
          { name: 'a', owner: 'A2' },
        ],
      ),
    ).toThrow('job "a" has 2 handlers (A1, A2)');
    expect(() => checkJobHandlers([], [{ name: 'x', owner: 'X' }])).toThrow('X handles unknown job "x"');
  });
});
