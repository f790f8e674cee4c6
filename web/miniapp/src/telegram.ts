/** The part of Telegram's Mini App API (telegram-web-app.js, `window.Telegram.WebApp`) these pages use. */
export interface TelegramWebApp {
  initData: string;
  colorScheme?: 'light' | 'dark';
  themeParams?: Record<string, string | undefined>;
  ready(): void;
  expand?(): void;
  close(): void;
  onEvent?(event: 'themeChanged', handler: () => void): void;
  openTelegramLink?(url: string): void;
  openLink?(url: string): void;
  showConfirm?(message: string, callback: (ok: boolean) => void): void;
  showScanQrPopup?(params: { text?: string }, callback: (text: string) => boolean | void): void;
  closeScanQrPopup?(): void;
  HapticFeedback?: { notificationOccurred(type: 'error' | 'success' | 'warning'): void };
  MainButton?: {
    setText(text: string): void;
    show(): void;
    hide(): void;
    enable?(): void;
    disable?(): void;
    showProgress?(leaveActive?: boolean): void;
    hideProgress?(): void;
    onClick(handler: () => void): void;
    offClick(handler: () => void): void;
  };
}

declare global {
  interface Window {
    Telegram?: { WebApp?: TelegramWebApp };
  }
}

/** Telegram's WebApp object, or null when the page is opened outside Telegram. */
export function telegram(): TelegramWebApp | null {
  const app = window.Telegram?.WebApp;
  return app && typeof app.ready === 'function' ? app : null;
}

/** Telegram's theme key => the CSS variable the stylesheet reads. */
const THEME_VARIABLES: Record<string, string> = {
  bg_color: '--bg',
  secondary_bg_color: '--bg2',
  text_color: '--text',
  hint_color: '--hint',
  link_color: '--link',
  button_color: '--button',
  button_text_color: '--button-text',
  destructive_text_color: '--danger',
};

/** Follows Telegram's colours (themeParams) now and whenever the user switches between light and dark. */
export function followTheme(app: TelegramWebApp | null): void {
  const apply = () => {
    const root = document.documentElement;
    root.dataset.scheme = app?.colorScheme ?? 'light';
    for (const [key, variable] of Object.entries(THEME_VARIABLES)) {
      const value = app?.themeParams?.[key];
      if (value && /^#[0-9a-f]{3,8}$/i.test(value)) root.style.setProperty(variable, value);
    }
  };
  apply();
  app?.onEvent?.('themeChanged', apply);
}

/** Opens a t.me link inside Telegram (a new tab outside it). */
export function openTelegramLink(app: TelegramWebApp | null, url: string): void {
  if (app?.openTelegramLink) app.openTelegramLink(url);
  else window.open(url, '_blank', 'noopener');
}

/** Asks to confirm with Telegram's native dialog (the browser's outside Telegram). */
export function confirmed(app: TelegramWebApp | null, message: string): Promise<boolean> {
  return new Promise((resolve) => {
    if (app?.showConfirm) app.showConfirm(message, resolve);
    else resolve(window.confirm(message));
  });
}
