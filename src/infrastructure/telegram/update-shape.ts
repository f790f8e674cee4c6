type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isId = (value: unknown) => Number.isSafeInteger(value);
const isChat = (value: unknown) => isObject(value) && isId(value.id) && typeof value.type === 'string';
const isUser = (value: unknown) => isObject(value) && isId(value.id);
const isMember = (value: unknown) =>
  isObject(value) && typeof value.status === 'string' && isUser(value.user);

/** The fields the bots and telegraf read without looking, as Telegram always sends them, wherever present. */
const FIELD_CHECKS: Record<string, { check: (value: unknown) => boolean; expected: string }> = {
  from: { check: isUser, expected: 'a user with an integer id' },
  chat: { check: isChat, expected: 'a chat with an integer id and a type' },
  text: { check: (value) => typeof value === 'string', expected: 'a string' },
  caption: { check: (value) => typeof value === 'string', expected: 'a string' },
  data: { check: (value) => typeof value === 'string', expected: 'a string' },
  entities: { check: Array.isArray, expected: 'an array' },
  message: { check: (value) => isObject(value) && isChat(value.chat), expected: 'a message with its chat' },
  old_chat_member: { check: isMember, expected: 'a chat member with a status and a user' },
  new_chat_member: { check: isMember, expected: 'a chat member with a status and a user' },
};

/** The fields Telegram always sends with each kind of update the bots handle. */
const REQUIRED: Record<string, readonly string[]> = {
  message: ['chat'],
  edited_message: ['chat'],
  channel_post: ['chat'],
  edited_channel_post: ['chat'],
  callback_query: ['from'],
  my_chat_member: ['chat', 'from', 'old_chat_member', 'new_chat_member'],
  chat_member: ['chat', 'from', 'old_chat_member', 'new_chat_member'],
};

/**
 * What makes a webhook body something other than a Telegram update (the field and what is wrong with it),
 * or null when it is one. Only the envelope is checked: an integer `update_id`, one kind of content
 * (telegraf takes the first field holding an object), and in it the fields Telegram always sends and the
 * handlers read without looking (the chat, the sender, a text). A kind the bots do not know passes, and is
 * ignored by them.
 */
export function updateShapeProblem(body: unknown): { field: string; error: string } | null {
  if (!isObject(body)) return { field: 'body', error: 'must be an object' };
  if (!isId(body.update_id)) return { field: 'update_id', error: 'must be an integer' };
  const kind = Object.keys(body).find((key) => typeof body[key] === 'object');
  if (kind === undefined) return { field: 'body', error: 'must carry the content of the update' };
  const content = body[kind];
  if (!isObject(content)) return { field: kind, error: 'must be an object' };
  const missing = (REQUIRED[kind] ?? []).find((field) => !(field in content));
  if (missing) return { field: `${kind}.${missing}`, error: 'is missing' };
  for (const [field, { check, expected }] of Object.entries(FIELD_CHECKS)) {
    if (field in content && !check(content[field]))
      return { field: `${kind}.${field}`, error: `must be ${expected}` };
  }
  return null;
}
