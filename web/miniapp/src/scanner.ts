import './styles.css';
import { api, ApiError } from './api';
import { h, show } from './dom';
import { followTheme, telegram } from './telegram';
import { TEXTS } from './texts';

interface Scanner {
  status: string;
  fullName: string | null;
  today: { code: string | null; atText: string }[];
}
interface CodeCard {
  code: string;
  valueText: string;
  description: string | null;
  clientFirstName: string | null;
  expiresText: string;
  minPurchaseText: string | null;
  shared: boolean;
}
interface Redemption extends CodeCard {
  usedAtText: string;
}

const app = telegram();
const root = document.getElementById('app') as HTMLElement;
const initData = app?.initData ?? '';
followTheme(app);
app?.ready();
app?.expand?.();

const result = h('section', { id: 'result', 'aria-live': 'polite' });
const today = h('section', { id: 'today' });
/** What Telegram's main button does now: scan, or redeem the card shown. */
let mainAction: (() => void) | null = null;
const onMain = () => mainAction?.();
app?.MainButton?.onClick(onMain);

function mainButton(text: string | null, action: (() => void) | null): void {
  mainAction = action;
  const button = app?.MainButton;
  if (!button) return;
  if (text === null) return button.hide();
  button.setText(text);
  button.show();
}

/** The cashier's scanner: scan (or type) a code, see the staff bot's card, redeem it. */
async function load(): Promise<void> {
  if (!initData) return show(root, h('p', { class: 'refusal', role: 'alert' }, TEXTS.outsideTelegram));
  let scanner: Scanner;
  try {
    scanner = await api<Scanner>(initData, 'scanner');
  } catch (error) {
    return show(
      root,
      h('p', { class: 'refusal', role: 'alert' }, error instanceof ApiError ? error.text : TEXTS.failed),
    );
  }
  if (scanner.status !== 'approved') {
    mainButton(null, null);
    return show(
      root,
      h('p', { class: 'refusal', role: 'alert' }, TEXTS.notCashier[scanner.status] ?? TEXTS.failed),
    );
  }
  const input = h('input', {
    name: 'code',
    autocomplete: 'off',
    autocapitalize: 'characters',
    placeholder: TEXTS.manualPlaceholder,
    'aria-label': TEXTS.manualLabel,
  });
  show(
    root,
    h(
      'header',
      {},
      h('h1', {}, TEXTS.scannerTitle),
      h('p', { class: 'muted' }, TEXTS.hello(scanner.fullName)),
    ),
    h('button', { type: 'button', class: 'big', id: 'scan', onclick: scan }, TEXTS.scan),
    h(
      'form',
      {
        onsubmit: (event) => {
          event.preventDefault();
          if (input.value.trim()) void check(input.value);
        },
      },
      h('label', {}, TEXTS.manualLabel),
      h('div', { class: 'row' }, input, h('button', { type: 'submit', class: 'secondary' }, TEXTS.check)),
    ),
    result,
    today,
  );
  renderToday(scanner.today);
  mainButton(TEXTS.scan, scan);
}

function scan(): void {
  if (!app?.showScanQrPopup) return;
  app.showScanQrPopup({ text: TEXTS.scanPrompt }, (text) => {
    void check(text);
    return true; // close the scanner: one code at a time
  });
}

async function check(code: string): Promise<void> {
  show(result);
  try {
    const card = await api<CodeCard>(initData, 'scanner/check', { code });
    const redeem = card.shared
      ? null
      : h(
          'button',
          { type: 'button', class: 'big', id: 'redeem', onclick: () => void redeemCode(card.code) },
          TEXTS.redeem,
        );
    show(
      result,
      h('article', { class: 'code' }, h('p', { class: 'ok' }, TEXTS.valid), ...facts(card)),
      redeem,
    );
    mainButton(
      card.shared ? TEXTS.scan : TEXTS.redeem,
      card.shared ? scan : () => void redeemCode(card.code),
    );
  } catch (error) {
    refused(error);
  }
}

async function redeemCode(code: string): Promise<void> {
  app?.MainButton?.showProgress?.();
  try {
    const done = await api<Redemption>(initData, 'scanner/redeem', { code });
    app?.HapticFeedback?.notificationOccurred('success');
    show(
      result,
      h(
        'article',
        { class: 'code' },
        h('p', { class: 'ok' }, TEXTS.redeemed(done.usedAtText)),
        ...facts(done, false),
      ),
    );
    renderToday((await api<Scanner>(initData, 'scanner')).today);
  } catch (error) {
    refused(error);
  } finally {
    app?.MainButton?.hideProgress?.();
  }
  mainButton(TEXTS.scan, scan);
}

function refused(error: unknown): void {
  app?.HapticFeedback?.notificationOccurred('error');
  const text = error instanceof ApiError ? error.text : TEXTS.failed;
  show(result, h('p', { class: 'refusal', role: 'alert' }, `❌ ${text}`));
  mainButton(TEXTS.scan, scan);
}

/** The staff bot's card: code, worth, what for, whose, until when, minimum purchase. */
function facts(card: CodeCard, withTerms = true): HTMLElement[] {
  const line = (label: string, value: string, className = '') =>
    h('p', { class: className }, h('span', { class: 'muted' }, `${label}: `), value);
  const lines: (HTMLElement | null)[] = [
    line(TEXTS.code, card.code, 'code-text'),
    line(TEXTS.worth, card.valueText, 'worth'),
    withTerms && card.description ? h('p', {}, card.description) : null,
    card.clientFirstName ? line(TEXTS.client, card.clientFirstName) : null,
    withTerms ? line(TEXTS.until, card.expiresText) : null,
    withTerms && card.minPurchaseText ? line(TEXTS.minPurchase, card.minPurchaseText) : null,
    withTerms && card.shared ? h('p', { class: 'hint' }, TEXTS.sharedCode) : null,
  ];
  return lines.filter((node): node is HTMLElement => node !== null);
}

function renderToday(list: Scanner['today']): void {
  show(
    today,
    h('h2', {}, TEXTS.todayTitle),
    list.length === 0
      ? h('p', { class: 'muted' }, TEXTS.todayEmpty)
      : h(
          'ul',
          {},
          ...list.map((row) =>
            h('li', {}, h('span', { class: 'code-text' }, row.code ?? '—'), ` · ${row.atText}`),
          ),
        ),
  );
}

void load();
