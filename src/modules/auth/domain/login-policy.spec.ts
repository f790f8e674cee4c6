import { isUsernameForm, normaliseUsername } from './login-policy';

describe('the one form of a username', () => {
  it('folds case, surrounding spaces and compatibility forms into one counter key', () => {
    for (const typed of ['Victim', ' victim ', 'VICTIM', 'ｖｉｃｔｉｍ'])
      expect({ typed, form: normaliseUsername(typed) }).toEqual({ typed, form: 'victim' });
  });

  it('looks up only names an admin can have, so the collation never matches another spelling', () => {
    expect(isUsernameForm(normaliseUsername('Marina.K-2'))).toBe(true);
    for (const typed of ['víctim', 'vıctim', 'straße', 'vic tim', 'ab', 'v\u0301ictim', 'x'.repeat(65)])
      expect({ typed, lookedUp: isUsernameForm(normaliseUsername(typed)) }).toEqual({
        typed,
        lookedUp: false,
      });
  });
});
