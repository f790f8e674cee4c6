import type { SandboxBot, SandboxCast, SandboxChat } from '../sandbox-types';
import { sandboxApi } from './api.js';
import { identityFrom, NEWCOMER, queryOf, type Identity } from './identity.js';
import { messageBubble, replyKeyboard } from './render.js';

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is missing from the page`);
  return found as T;
}

const ui = {
  who: element<HTMLSelectElement>('who'),
  whoHint: element<HTMLElement>('who-hint'),
  newcomer: element<HTMLElement>('newcomer'),
  newcomerName: element<HTMLInputElement>('newcomer-name'),
  newcomerStart: element<HTMLInputElement>('newcomer-start'),
  bot: element<HTMLSelectElement>('bot'),
  memberRow: element<HTMLElement>('member-row'),
  member: element<HTMLInputElement>('member'),
  channelName: element<HTMLElement>('channel-name'),
  blocked: element<HTMLInputElement>('blocked'),
  title: element<HTMLElement>('chat-title'),
  messages: element<HTMLElement>('messages'),
  startBar: element<HTMLElement>('start-bar'),
  start: element<HTMLButtonElement>('start'),
  replyKeyboard: element<HTMLElement>('reply-keyboard'),
  composer: element<HTMLFormElement>('composer'),
  text: element<HTMLInputElement>('text'),
  toast: element<HTMLElement>('toast'),
};

let toastTimer: number | undefined;
function toast(text: string, alert = false): void {
  ui.toast.textContent = text;
  ui.toast.className = alert ? 'alert' : '';
  ui.toast.hidden = false;
  window.clearTimeout(toastTimer);
  toastTimer = window.setTimeout(() => (ui.toast.hidden = true), alert ? 6000 : 3000);
}

function reportProblem(problem: string | null): void {
  if (problem) toast(problem, true);
}

/** Goes to another identity (a reload: each tab is one person at a time). */
function become(identity: Identity): void {
  location.search = queryOf(identity);
}

function fillPickers(cast: SandboxCast, me: Identity): void {
  ui.who.append(new Option('Новый клиент (пришёл по ссылке)', NEWCOMER, false, me.key === NEWCOMER));
  for (const person of cast.people)
    ui.who.append(new Option(person.label, person.key, false, me.key === person.key));
  for (const bot of cast.bots)
    ui.bot.append(new Option(`${bot.title} (@${bot.username})`, bot.role, false, me.bot === bot.role));
  ui.who.addEventListener('change', () => {
    const person = cast.people.find((p) => p.key === ui.who.value);
    become(identityFrom(new URLSearchParams(person ? { as: person.key } : { as: NEWCOMER }), cast));
  });
  ui.bot.addEventListener('change', () =>
    become({ ...me, bot: ui.bot.value === 'staff' ? 'staff' : 'client' }),
  );
  ui.newcomer.hidden = me.key !== NEWCOMER;
  ui.newcomerName.value = me.user.first_name;
  ui.newcomerStart.value = me.start;
  ui.newcomerName.addEventListener('change', () =>
    become({ ...me, user: { ...me.user, first_name: ui.newcomerName.value.trim() || 'Гость' } }),
  );
  ui.newcomerStart.addEventListener('change', () => become({ ...me, start: ui.newcomerStart.value.trim() }));
  ui.whoHint.textContent = me.person
    ? (me.person.hint ?? '')
    : me.start
      ? `Новый человек, пришёл по ссылке ?start=${me.start}: нажмите «ЗАПУСТИТЬ».`
      : 'Новый человек, бот его ещё не знает: нажмите «ЗАПУСТИТЬ».';
  if (me.person?.start) {
    const invite = document.createElement('a');
    invite.href = `/sandbox/?start=${encodeURIComponent(me.person.start)}`;
    invite.target = '_blank';
    invite.textContent = ' Пригласить друга по своей ссылке ↗';
    ui.whoHint.append(invite);
  }
}

function wireChat(bot: SandboxBot, me: Identity, cast: SandboxCast): void {
  const send = async (text: string): Promise<void> => {
    reportProblem((await sandboxApi.send(bot.id, me.user, text)).problem);
  };
  ui.composer.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = ui.text.value.trim();
    if (!text) return;
    ui.text.value = '';
    void send(text).catch((e: Error) => toast(e.message, true));
  });
  ui.start.addEventListener('click', () => {
    void send(me.start ? `/start ${me.start}` : '/start').catch((e: Error) => toast(e.message, true));
  });
  ui.memberRow.hidden = bot.role !== 'client' || cast.channel === null;
  ui.channelName.textContent = cast.channel ?? '';
  ui.member.addEventListener('change', () => {
    void sandboxApi.membership(bot.id, me.user, ui.member.checked).then((r) => reportProblem(r.problem));
  });
  ui.blocked.addEventListener('change', () => {
    void sandboxApi.block(bot.id, me.user, ui.blocked.checked).then((r) => reportProblem(r.problem));
  });
  const actions = {
    press: (messageId: number, data: string) => {
      void sandboxApi
        .press(bot.id, me.user, messageId, data)
        .then((r) => {
          if (r.answer) toast(r.answer.text, r.answer.alert);
          reportProblem(r.problem);
        })
        .catch((e: Error) => toast(e.message, true));
    },
  };
  const draw = (chat: SandboxChat): void => {
    const atBottom = ui.messages.scrollHeight - ui.messages.scrollTop - ui.messages.clientHeight < 40;
    ui.messages.replaceChildren(...chat.messages.map((m) => messageBubble(m, actions)));
    ui.replyKeyboard.replaceChildren(...replyKeyboard(chat.replyKeyboard ?? [], (text) => void send(text)));
    ui.startBar.hidden = chat.messages.length > 0;
    ui.member.checked = chat.member === true;
    ui.blocked.checked = chat.blocked;
    if (atBottom) ui.messages.scrollTop = ui.messages.scrollHeight;
  };
  void follow(bot.id, me.user.id, draw);
}

/** Draws the chat, then waits for the next change, for as long as the tab is open. */
async function follow(bot: number, user: number, draw: (chat: SandboxChat) => void): Promise<void> {
  let since = -1;
  for (;;) {
    try {
      const chat = await sandboxApi.chat(bot, user, since);
      if (chat.version !== since) draw(chat);
      since = chat.version;
    } catch {
      ui.title.dataset.offline = 'true';
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
}

async function main(): Promise<void> {
  const cast = await sandboxApi.cast();
  const me = identityFrom(new URLSearchParams(location.search), cast);
  history.replaceState(null, '', queryOf(me));
  fillPickers(cast, me);
  const bot = cast.bots.find((b) => b.role === me.bot) ?? cast.bots[0];
  if (!bot) {
    ui.title.textContent =
      'Эмулятор не знает ни одного бота: запустите его через npm run demo или npm run emulator.';
    return;
  }
  ui.title.textContent = `${bot.title} · вы: ${me.user.first_name}`;
  document.title = `${me.user.first_name} · ${bot.title}`;
  wireChat(bot, me, cast);
}

main().catch((error: Error) => {
  ui.title.textContent = `Песочница не загрузилась: ${error.message}`;
});
