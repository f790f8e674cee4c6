import { badRequest } from '../api-error';
import type { MethodSpec } from './method-spec';

const getMe: MethodSpec = {
  name: 'getMe',
  chat: 'none',
  sends: false,
  reachesUser: false,
  handle: ({ bot }) => bot,
};

/** Commands are kept per scope and language, as Telegram keeps them. */
function commandsKey(token: string, scope: unknown, language: string | undefined): string {
  return `${token}|${JSON.stringify(scope ?? { type: 'default' })}|${language ?? ''}`;
}

const setMyCommands: MethodSpec = {
  name: 'setMyCommands',
  chat: 'none',
  sends: false,
  reachesUser: false,
  handle({ state, token, params }) {
    const commands = params.json('commands');
    if (!Array.isArray(commands)) throw badRequest('parameter "commands" is required');
    for (const command of commands as unknown[]) {
      const { command: name, description } = (command ?? {}) as { command?: unknown; description?: unknown };
      if (typeof name !== 'string' || !/^[a-z0-9_]{1,32}$/.test(name))
        throw badRequest('BOT_COMMAND_INVALID');
      if (typeof description !== 'string' || description.length < 1 || description.length > 256) {
        throw badRequest('command description is empty');
      }
    }
    state.commands.set(commandsKey(token, params.json('scope'), params.string('language_code')), commands);
    return true;
  },
};

const getMyCommands: MethodSpec = {
  name: 'getMyCommands',
  chat: 'none',
  sends: false,
  reachesUser: false,
  handle: ({ state, token, params }) =>
    state.commands.get(commandsKey(token, params.json('scope'), params.string('language_code'))) ?? [],
};

const deleteMyCommands: MethodSpec = {
  name: 'deleteMyCommands',
  chat: 'none',
  sends: false,
  reachesUser: false,
  handle({ state, token, params }) {
    state.commands.delete(commandsKey(token, params.json('scope'), params.string('language_code')));
    return true;
  },
};

const getFile: MethodSpec = {
  name: 'getFile',
  chat: 'none',
  sends: false,
  reachesUser: false,
  handle({ state, params }) {
    const file = state.files.get(params.requiredString('file_id', 'file_id is empty'));
    if (!file) throw badRequest('invalid file_id');
    return file;
  },
};

export const botAccountMethods: MethodSpec[] = [
  getMe,
  setMyCommands,
  getMyCommands,
  deleteMyCommands,
  getFile,
];
