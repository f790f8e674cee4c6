import { updateShapeProblem } from './update-shape';

describe('the shape of a webhook update', () => {
  const chat = { id: 7001, type: 'private' };
  const from = { id: 7001, is_bot: false, first_name: 'Аня' };
  const member = (status: string) => ({ status, user: from });

  it('lets the updates Telegram sends through, kinds the bots do not know included', () => {
    const updates = [
      { update_id: 1, message: { message_id: 1, date: 0, chat, from, text: '/start' } },
      { update_id: 2, message: { message_id: 2, date: 0, chat, from, photo: [], caption: 'x' } },
      { update_id: 3, callback_query: { id: 'q', from, chat_instance: '1', data: 'sub:check' } },
      { update_id: 4, callback_query: { id: 'q', from, message: { message_id: 1, date: 0, chat } } },
      {
        update_id: 5,
        my_chat_member: {
          chat,
          from,
          date: 0,
          old_chat_member: member('member'),
          new_chat_member: member('kicked'),
        },
      },
      { update_id: 6, channel_post: { message_id: 1, date: 0, chat: { id: -100123, type: 'channel' } } },
      { update_id: 7, poll: { id: 'p', question: '?', options: [] } },
      { update_id: 8, business_message: { message_id: 1, date: 0, chat, from } },
    ];
    for (const update of updates)
      expect({ update, problem: updateShapeProblem(update) }).toEqual({ update, problem: null });
  });

  it('names what makes a body no update', () => {
    const problems: Array<[unknown, string]> = [
      [[], 'body'],
      ['x', 'body'],
      [null, 'body'],
      [{ update_id: 'x', message: {} }, 'update_id'],
      [{ update_id: 1e20, message: {} }, 'update_id'],
      [{ update_id: 1 }, 'body'],
      [{ update_id: 1, message: 'x' }, 'body'],
      [{ update_id: 1, message: null }, 'message'],
      [{ update_id: 1, message: [] }, 'message'],
      [{ update_id: 1, message: {} }, 'message.chat'],
      [{ update_id: 1, message: { chat: { id: 'abc', type: 'private' } } }, 'message.chat'],
      [{ update_id: 1, message: { chat, from: { id: 1e20 } } }, 'message.from'],
      [{ update_id: 1, message: { chat, from, text: 42 } }, 'message.text'],
      [{ update_id: 1, message: { chat, from, entities: 'x' } }, 'message.entities'],
      [{ update_id: 1, callback_query: {} }, 'callback_query.from'],
      [{ update_id: 1, callback_query: { from, data: {} } }, 'callback_query.data'],
      [{ update_id: 1, callback_query: { from, message: 'x' } }, 'callback_query.message'],
      [{ update_id: 1, my_chat_member: {} }, 'my_chat_member.chat'],
      [
        { update_id: 1, chat_member: { chat, from, old_chat_member: member('left'), new_chat_member: 'x' } },
        'chat_member.new_chat_member',
      ],
    ];
    for (const [body, field] of problems)
      expect({ body, field: updateShapeProblem(body)?.field }).toEqual({ body, field });
  });
});
