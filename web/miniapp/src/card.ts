import './styles.css';
import { api, ApiError } from './api';
import { h, show } from './dom';
import { confirmed, followTheme, openTelegramLink, telegram } from './telegram';
import { TEXTS } from './texts';

interface CardCode {
  code: string;
  valueText: string;
  description: string | null;
  expiresText: string;
  qrSvg: string;
}
interface ClientCard {
  firstName: string | null;
  codes: CardCode[];
  birthDate: string | null;
  isSubscribed: boolean;
  channelUrl: string;
  referralLink: string | null;
  contacts: string;
}

const app = telegram();
const root = document.getElementById('app') as HTMLElement;
const initData = app?.initData ?? '';
followTheme(app);
app?.ready();
app?.expand?.();

/** The client's loyalty card: codes with QR, birthday, channel, invitation, contacts. */
async function load(): Promise<void> {
  if (!initData) return show(root, refusal(TEXTS.outsideTelegram));
  try {
    render(await api<ClientCard>(initData, 'card'));
  } catch (error) {
    show(root, refusal(error instanceof ApiError ? error.text : TEXTS.failed, true));
  }
}

function render(card: ClientCard): void {
  show(
    root,
    h('header', {}, h('h1', {}, TEXTS.cardTitle), h('p', { class: 'muted' }, TEXTS.hello(card.firstName))),
    codes(card.codes),
    birthday(card.birthDate),
    channel(card),
    card.referralLink && invitation(card.referralLink),
    card.contacts.trim() &&
      h('section', {}, h('h2', {}, TEXTS.contactsTitle), h('p', { class: 'contacts' }, card.contacts)),
  );
}

function codes(list: CardCode[]): HTMLElement {
  if (list.length === 0) return h('section', {}, h('h2', {}, TEXTS.codesTitle), h('p', {}, TEXTS.noCodes));
  return h(
    'section',
    {},
    h('h2', {}, TEXTS.codesTitle),
    ...list.map((code) =>
      h(
        'article',
        { class: 'code', 'data-code': code.code },
        h('p', { class: 'worth' }, code.valueText),
        code.description && h('p', {}, code.description),
        h('p', { class: 'muted' }, TEXTS.validUntil(code.expiresText)),
        h('img', {
          class: 'qr',
          alt: TEXTS.qrAlt(code.code),
          src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(code.qrSvg)}`,
        }),
        h('p', { class: 'code-text' }, code.code),
        h('p', { class: 'muted small' }, TEXTS.showToCashier),
      ),
    ),
  );
}

function birthday(saved: string | null): HTMLElement {
  const section = h('section', { id: 'birthday' }, h('h2', {}, TEXTS.birthdayTitle));
  if (saved) {
    section.append(h('p', {}, TEXTS.birthdayIs(birthdayText(saved))));
    return section;
  }
  const input = h('input', {
    name: 'birthday',
    inputmode: 'numeric',
    autocomplete: 'bday',
    placeholder: TEXTS.birthdayPlaceholder,
    'aria-label': TEXTS.birthdayTitle,
  });
  const message = h('p', { class: 'hint', role: 'status' });
  const form = h(
    'form',
    {
      onsubmit: (event) => {
        event.preventDefault();
        void saveBirthday(section, input.value, message);
      },
    },
    h('p', {}, TEXTS.birthdayAsk),
    h('div', { class: 'row' }, input, h('button', { type: 'submit' }, TEXTS.birthdaySave)),
    message,
  );
  section.append(form);
  return section;
}

async function saveBirthday(section: HTMLElement, typed: string, message: HTMLElement): Promise<void> {
  // The server reads the date by the bot's rules; an unreadable one comes back with the bot's hint.
  if (!typed.trim()) return void (message.textContent = TEXTS.birthdayAsk);
  if (!(await confirmed(app, TEXTS.birthdayConfirm(typed.trim())))) return;
  try {
    const saved = await api<{ birthDate: string; text: string }>(initData, 'card/birthday', { date: typed });
    show(section, h('h2', {}, TEXTS.birthdayTitle), h('p', {}, TEXTS.birthdaySaved(saved.text)));
  } catch (error) {
    const details = error instanceof ApiError ? error.details : {};
    message.textContent =
      typeof details.hint === 'string' ? details.hint : error instanceof ApiError ? error.text : TEXTS.failed;
  }
}

function channel(card: ClientCard): HTMLElement {
  const section = h('section', { id: 'channel' }, h('h2', {}, TEXTS.channelTitle));
  if (card.isSubscribed) {
    section.append(h('p', {}, TEXTS.subscribed));
    return section;
  }
  const message = h('p', { class: 'hint', role: 'status' });
  const check = async () => {
    try {
      const answer = await api<{ subscribed: boolean; giftCode: string | null }>(
        initData,
        'card/subscription/check',
        {},
      );
      if (!answer.subscribed) return void (message.textContent = TEXTS.notSubscribedYet);
      message.textContent = answer.giftCode ? TEXTS.giftGiven(answer.giftCode) : TEXTS.subscriptionThanks;
      await load();
    } catch (error) {
      message.textContent = error instanceof ApiError ? error.text : TEXTS.failed;
    }
  };
  section.append(
    h('p', {}, TEXTS.subscribeAsk),
    h(
      'div',
      { class: 'row' },
      h(
        'button',
        { type: 'button', onclick: () => openTelegramLink(app, card.channelUrl) },
        TEXTS.openChannel,
      ),
      h('button', { type: 'button', class: 'secondary', onclick: () => void check() }, TEXTS.iSubscribed),
    ),
    message,
  );
  return section;
}

function invitation(link: string): HTMLElement {
  const share = `https://t.me/share/url?url=${encodeURIComponent(link)}&text=${encodeURIComponent(TEXTS.shareText)}`;
  return h(
    'section',
    { id: 'invite' },
    h('h2', {}, TEXTS.friendTitle),
    h('p', {}, TEXTS.friendText),
    h('p', { class: 'link' }, link),
    h('button', { type: 'button', onclick: () => openTelegramLink(app, share) }, TEXTS.share),
  );
}

function refusal(text: string, retry = false): HTMLElement {
  return h(
    'section',
    { class: 'refusal', role: 'alert' },
    h('p', {}, text),
    retry && h('button', { type: 'button', onclick: () => void load() }, TEXTS.retry),
    app && h('button', { type: 'button', class: 'secondary', onclick: () => app.close() }, TEXTS.closeApp),
  );
}

/** `1990-11-25` => «25 ноября 1990 г.»; `--11-25` (no year) => «25 ноября». */
function birthdayText(iso: string): string {
  const yearless = iso.startsWith('--');
  const date = new Date(`${yearless ? '2000' : iso.slice(0, 4)}-${iso.slice(-5)}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('ru-RU', {
    day: 'numeric',
    month: 'long',
    ...(yearless ? {} : { year: 'numeric' }),
    timeZone: 'UTC',
  }).format(date);
}

void load();
