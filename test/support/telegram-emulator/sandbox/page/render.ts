import type { SandboxMessage } from '../sandbox-types';
import { formattedText } from './entities.js';

export interface MessageActions {
  press(messageId: number, data: string): void;
}

/** One chat bubble as Telegram would draw it: picture, text or caption, inline keyboard, time. */
export function messageBubble(message: SandboxMessage, actions: MessageActions): HTMLElement {
  const bubble = document.createElement('div');
  bubble.className = `msg ${message.fromBot ? 'bot' : 'me'}`;
  bubble.dataset.messageId = String(message.id);
  if (message.photo) {
    const img = document.createElement('img');
    img.src = message.photo;
    img.alt = 'фото';
    img.addEventListener('error', () => img.replaceWith(note('🖼 фото')));
    bubble.append(img);
  }
  if (message.video) bubble.append(note(`🎬 ${message.video}`));
  if (message.document) bubble.append(note(`📄 ${message.document}`));
  const text = message.text ?? message.caption;
  if (text !== undefined) {
    const body = document.createElement('div');
    body.className = 'text';
    body.append(formattedText(text, message.text !== undefined ? message.entities : message.captionEntities));
    bubble.append(body);
  }
  if (message.inlineKeyboard) bubble.append(inlineKeyboard(message, actions));
  const meta = document.createElement('div');
  meta.className = 'meta';
  meta.textContent = `${message.edited ? 'изменено ' : ''}${time(message.date)}`;
  bubble.append(meta);
  return bubble;
}

function inlineKeyboard(message: SandboxMessage, actions: MessageActions): HTMLElement {
  const keyboard = document.createElement('div');
  keyboard.className = 'inline-kb';
  for (const row of message.inlineKeyboard ?? []) {
    const line = document.createElement('div');
    line.className = 'row';
    for (const button of row) {
      if (button.url) {
        const link = document.createElement('a');
        link.href = button.url;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        link.textContent = `${button.text} ↗`;
        line.append(link);
      } else {
        const press = document.createElement('button');
        press.type = 'button';
        press.textContent = button.text;
        const data = button.data;
        if (data !== undefined) press.addEventListener('click', () => actions.press(message.id, data));
        line.append(press);
      }
    }
    keyboard.append(line);
  }
  return keyboard;
}

/** The reply keyboard under the input field; a press sends the button's text. */
export function replyKeyboard(rows: string[][], send: (text: string) => void): HTMLElement[] {
  return rows.map((row) => {
    const line = document.createElement('div');
    line.className = 'row';
    for (const label of row) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = label;
      button.addEventListener('click', () => send(label));
      line.append(button);
    }
    return line;
  });
}

function note(text: string): HTMLElement {
  const element = document.createElement('div');
  element.className = 'file';
  element.textContent = text;
  return element;
}

function time(seconds: number): string {
  return new Date(seconds * 1000).toLocaleTimeString('ru-RU', { hour: '2-digit', minute: '2-digit' });
}
