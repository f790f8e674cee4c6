import type { Page } from 'playwright-core';

/** What a test scripts for Telegram's Mini App object and reads back from it. */
export interface WebAppStubOptions {
  initData: string;
  /** What Telegram's QR scanner "reads" when the page opens it. */
  qrText?: string;
  colorScheme?: 'light' | 'dark';
  themeParams?: Record<string, string>;
}

/** The calls the stub recorded (`window.__telegram`). */
export interface WebAppRecord {
  scanPopups: { text?: string }[];
  mainButton: { text: string; visible: boolean; clicks: number };
  closed: number;
  confirms: string[];
  links: string[];
}

/**
 * Stands in for https://telegram.org/js/telegram-web-app.js: the request for the real script is refused
 * (tests never leave the machine) and `window.Telegram.WebApp` is defined before any page script runs, with
 * signed initData. It records showScanQrPopup, MainButton, close, showConfirm (answered yes) and links;
 * `clickMainButton` presses Telegram's main button.
 */
export async function stubTelegramWebApp(
  page: Page,
  options: WebAppStubOptions,
): Promise<{ blocked: string[] }> {
  const blocked: string[] = [];
  await page.route('https://telegram.org/**', async (route) => {
    blocked.push(route.request().url());
    await route.abort();
  });
  await page.addInitScript((stub: WebAppStubOptions) => {
    const record: WebAppRecord = {
      scanPopups: [],
      mainButton: { text: '', visible: false, clicks: 0 },
      closed: 0,
      confirms: [],
      links: [],
    };
    const mainHandlers: (() => void)[] = [];
    const target = globalThis as unknown as Record<string, unknown>;
    target.__telegram = record;
    target.__clickMainButton = () => {
      record.mainButton.clicks++;
      for (const handler of [...mainHandlers]) handler();
    };
    target.Telegram = {
      WebApp: {
        initData: stub.initData,
        colorScheme: stub.colorScheme ?? 'light',
        themeParams: stub.themeParams ?? {},
        ready: () => undefined,
        expand: () => undefined,
        close: () => void record.closed++,
        onEvent: () => undefined,
        openTelegramLink: (url: string) => void record.links.push(url),
        showConfirm: (message: string, callback: (ok: boolean) => void) => {
          record.confirms.push(message);
          setTimeout(() => callback(true), 0);
        },
        showScanQrPopup: (params: { text?: string }, callback: (text: string) => boolean | void) => {
          record.scanPopups.push(params);
          if (stub.qrText !== undefined) setTimeout(() => callback(stub.qrText as string), 0);
        },
        closeScanQrPopup: () => undefined,
        MainButton: {
          setText: (text: string) => void (record.mainButton.text = text),
          show: () => void (record.mainButton.visible = true),
          hide: () => void (record.mainButton.visible = false),
          showProgress: () => undefined,
          hideProgress: () => undefined,
          onClick: (handler: () => void) => void mainHandlers.push(handler),
          offClick: (handler: () => void) => void mainHandlers.splice(mainHandlers.indexOf(handler), 1),
        },
      },
    };
  }, options);
  return { blocked };
}

export const webAppRecord = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { __telegram: WebAppRecord }).__telegram);

export const clickMainButton = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { __clickMainButton: () => void }).__clickMainButton());
