import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update } from 'telegraf/types';
import { BotApiError } from './api-error';
import type { BotProfile } from './bot-registry';
import { CallLog } from './call-log';
import { handleControlRequest } from './control-api';
import { UpdateDelivery, type DeliveryResult, type DeliveryTarget } from './delivery';
import { Dispatcher, type EmulatorStats } from './dispatcher';
import { menuButtonFor } from './methods/menu-button';
import { EmulatorState } from './emulator-state';
import { FaultInjector, type CallPredicate, type FaultHandle } from './fault-injector';
import { abortedWhenClientLeaves, redirect, sendJson } from './http-json';
import { SlidingWindowLimiter } from './rate-limiter';
import { BotRequestTooLarge, parseParams, readBody } from './request-params';
import type { ChatMemberStatus, ChatRef, EmulatedMessage, ErrorSpec, FakeUser, RecordedCall } from './types';
import { PageFiles } from './sandbox/page-files';
import { Sandbox } from './sandbox/sandbox';
import { handleSandboxRequest } from './sandbox/sandbox-routes';
import { UserActions, type ChatDescription, type MediaFromUser } from './user-actions';
import type { Webhook } from './webhooks';

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Message sends allowed per sliding second, across chats; unlimited by default. */
  rateLimitPerSecond?: number | null;
}

export interface FailNextOptions extends ErrorSpec {
  /** How many matching calls fail; 1 by default. */
  count?: number;
  /** Only calls to this chat. */
  chatId?: ChatRef;
}

/**
 * A Telegram Bot API server on 127.0.0.1 for tests: telegraf talks to it through `apiRoot`, it records
 * every call, scripts chat members and failures, and delivers updates the way Telegram does.
 */
export class TelegramEmulator {
  readonly apiRoot: string;
  private readonly state = new EmulatorState();
  private readonly faults = new FaultInjector();
  private readonly log = new CallLog();
  private readonly limiter: SlidingWindowLimiter;
  private readonly dispatcher: Dispatcher;
  private readonly delivery: UpdateDelivery;
  private readonly users: UserActions;
  /** The browser sandbox (`<apiRoot>/sandbox/`): people chatting with the bots through this emulator's state. */
  readonly sandbox: Sandbox;
  private readonly page = new PageFiles();
  private stopped = false;

  private constructor(
    private readonly server: http.Server,
    readonly port: number,
    private readonly options: EmulatorOptions,
  ) {
    this.apiRoot = `http://127.0.0.1:${port}`;
    this.limiter = new SlidingWindowLimiter(options.rateLimitPerSecond ?? null);
    this.dispatcher = new Dispatcher(this.state, this.faults, this.limiter, this.log);
    this.delivery = new UpdateDelivery(this.state, this.dispatcher);
    this.users = new UserActions(this.state, this.delivery, this.faults);
    this.sandbox = new Sandbox(this.state, this.users, this.log, this.faults);
  }

  static async start(options: EmulatorOptions = {}): Promise<TelegramEmulator> {
    const server = http.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    const emulator = new TelegramEmulator(server, (server.address() as AddressInfo).port, options);
    server.on(
      'request',
      (req: http.IncomingMessage, res: http.ServerResponse) => void emulator.handle(req, res),
    );
    return emulator;
  }

  /** Answers waiting long polls, fails pending waitFor calls and closes the server. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.state.updates.releaseAll();
    this.state.changes.releaseAll();
    this.log.rejectWaiters('The Telegram emulator stopped');
    await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // ---- Recorded calls ----

  get calls(): readonly RecordedCall[] {
    return this.log.all;
  }

  get stats(): Readonly<EmulatorStats> {
    return this.dispatcher.stats;
  }

  callsOf(method: string): RecordedCall[] {
    return this.log.all.filter((c) => c.method.toLowerCase() === method.toLowerCase());
  }

  /** Every message-sending call to the chat (sendMessage, sendPhoto, sendVideo, sendDocument, copyMessage), failed ones included. */
  sentTo(chatId: ChatRef): RecordedCall[] {
    const id = this.chatIdOf(chatId);
    return this.log.all.filter((c) => c.chatId === id && this.dispatcher.isSending(c.method));
  }

  /** The bot messages in the chat as the user sees them now (edits applied, deleted ones gone), oldest first. */
  messagesTo(chatId: ChatRef, token?: string): EmulatedMessage[] {
    const id = this.chatIdOf(chatId);
    const botId = token === undefined ? undefined : this.state.bots.me(token)?.id;
    return id === undefined ? [] : this.state.messages.sentTo(id, botId);
  }

  /** The last message a bot put in the chat, as the user sees it now. */
  lastMessageTo(chatId: ChatRef, token?: string): EmulatedMessage | undefined {
    return this.messagesTo(chatId, token).at(-1);
  }

  clearCalls(): void {
    this.log.clear();
  }

  /** Resolves with the first call (recorded or to come) that matches; rejects listing the calls after timeoutMs. */
  waitFor(predicate: (call: RecordedCall) => boolean, timeoutMs = 5000): Promise<RecordedCall> {
    return this.log.waitFor(predicate, timeoutMs);
  }

  /** Forgets calls, stats, messages, queued updates and every scripted status or fault; keeps bots and webhooks. */
  reset(): void {
    this.log.clear();
    this.dispatcher.resetStats();
    this.faults.clear();
    this.state.members.clear();
    this.state.messages.clear();
    this.state.updates.clear();
    this.limiter.setLimit(this.options.rateLimitPerSecond ?? null);
  }

  /** The menu button a private chat with the bot shows (getChatMenuButton's answer). */
  menuButtonOf(token: string, chatId?: number): unknown {
    return menuButtonFor(this.state.menuButtons, token, chatId);
  }

  // ---- Scripting ----

  registerBot(token: string, profile: BotProfile): void {
    this.state.bots.register(token, profile);
  }

  /** The numeric id Telegram would use for a chat reference (a number, its string, or a channel's @username). */
  chatIdOf(chatId: ChatRef): number | undefined {
    return this.state.directory.resolve(chatId)?.id;
  }

  setChatMember(chatId: ChatRef, userId: number, status: ChatMemberStatus): void {
    this.state.members.set(this.requireChatId(chatId), userId, status);
  }

  /** Makes getChatMember fail for the user (every user when omitted), e.g. 400 chat not found or 500. */
  failChatMember(chatId: ChatRef, userId: number | undefined, error: ErrorSpec): void {
    this.state.members.fail(this.requireChatId(chatId), userId, error);
  }

  /** From now on every message to the chat answers 403 "Forbidden: bot was blocked by the user". */
  blockChat(chatId: ChatRef): void {
    this.faults.block(this.requireChatId(chatId));
  }

  unblockChat(chatId: ChatRef): void {
    this.faults.unblock(this.requireChatId(chatId));
  }

  /** Fails the next `count` calls of the method ('*' for any), optionally only to one chat. */
  failNext(method: string, options: FailNextOptions): FaultHandle {
    const chatId = options.chatId === undefined ? undefined : this.requireChatId(options.chatId);
    const wanted = method.toLowerCase();
    return this.faults.add(
      (call) =>
        (wanted === '*' || call.method.toLowerCase() === wanted) &&
        (chatId === undefined || call.chatId === chatId),
      options,
      options.count ?? 1,
    );
  }

  /** Fails matching calls with the error, `count` times or until removed. */
  injectError(predicate: CallPredicate, error: ErrorSpec, count = Infinity): FaultHandle {
    return this.faults.add(predicate, error, count);
  }

  /** Limits message sends per sliding second across chats (429 with retry_after beyond it); null lifts the limit. */
  setRateLimit(perSecond: number | null): void {
    this.limiter.setLimit(perSecond);
  }

  /** The bot's webhook as setWebhook registered it. */
  webhookOf(token: string): Readonly<Webhook> | undefined {
    return this.state.webhooks.get(token);
  }

  // ---- Updates ----

  get lastUpdateId(): number {
    return this.state.latestUpdateId;
  }

  /** Delivers an update as Telegram would: to the bot's webhook with its secret, else to its getUpdates queue. */
  deliverUpdate(token: string, update: Update, target?: DeliveryTarget): Promise<DeliveryResult> {
    return this.delivery.deliver(token, update, target);
  }

  /** The user writes to the bot; a leading /command is marked as one, so `/start ref_abc` has a payload. */
  sendText(token: string, from: FakeUser, text: string, target?: DeliveryTarget): Promise<DeliveryResult> {
    return this.users.sendText(token, from, text, target);
  }

  /** The user presses an inline button, by default on the last message with a keyboard the bot sent them. */
  pressButton(
    token: string,
    from: FakeUser,
    callbackData: string,
    message?: EmulatedMessage,
    target?: DeliveryTarget,
  ): Promise<DeliveryResult> {
    return this.users.pressButton(token, from, callbackData, message, target);
  }

  sendPhoto(
    token: string,
    from: FakeUser,
    media: MediaFromUser,
    target?: DeliveryTarget,
  ): Promise<DeliveryResult> {
    return this.users.sendPhoto(token, from, media, target);
  }

  sendVideo(
    token: string,
    from: FakeUser,
    media: MediaFromUser & { duration?: number },
    target?: DeliveryTarget,
  ): Promise<DeliveryResult> {
    return this.users.sendVideo(token, from, media, target);
  }

  /** A `chat_member` update for a channel the bot administers; getChatMember then answers the new status. */
  chatMemberUpdate(
    token: string,
    chat: ChatDescription,
    user: FakeUser,
    oldStatus: ChatMemberStatus,
    newStatus: ChatMemberStatus,
    target?: DeliveryTarget,
  ): Promise<DeliveryResult> {
    return this.users.chatMemberUpdate(token, chat, user, oldStatus, newStatus, target);
  }

  /** The user blocks the bot (or unblocks it with blocked = false): a `my_chat_member` update, then 403s. */
  blockBot(token: string, from: FakeUser, blocked = true, target?: DeliveryTarget): Promise<DeliveryResult> {
    return this.users.blockBot(token, from, blocked, target);
  }

  // ---- HTTP ----

  private requireChatId(chatId: ChatRef): number {
    const id = this.chatIdOf(chatId);
    if (id === undefined)
      throw new Error(`${JSON.stringify(chatId)} is not a chat id or a channel @username`);
    return id;
  }

  /** A file download (`<apiRoot>/file/bot<token>/<file_path>`): the uploaded bytes, else placeholder bytes of the file's size. */
  private serveFile(token: string, path: string, res: http.ServerResponse): void {
    if (!this.state.bots.me(token))
      return sendJson(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const file = this.state.files.byPath(decodeURIComponent(path));
    if (!file) return sendJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    res.writeHead(200, { 'Content-Type': file.mimeType ?? 'application/octet-stream' });
    res.end(file.bytes ?? Buffer.alloc(file.size ?? 1024, 0xff));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const at = new Date();
    const url = new URL(req.url ?? '/', this.apiRoot);
    try {
      if (url.pathname.startsWith('/_emulator/sandbox/'))
        return await handleSandboxRequest(this.sandbox, req, res, url);
      if (url.pathname.startsWith('/_emulator/')) return await handleControlRequest(this, req, res, url);
      if (url.pathname === '/sandbox') return redirect(res, '/sandbox/' + url.search);
      if (url.pathname.startsWith('/sandbox/')) return await this.page.serve(url.pathname, res);
      const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
      if (download) return this.serveFile(decodeURIComponent(download[1]), download[2], res);
      const route = /^\/bot([^/]+)\/([^/]+)\/?$/.exec(url.pathname);
      if (!route) return sendJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      const params = parseParams(req.headers['content-type'], await readBody(req), url.searchParams);
      const signal = abortedWhenClientLeaves(res);
      const call = await this.dispatcher.dispatch(decodeURIComponent(route[1]), route[2], params, {
        at,
        signal,
      });
      sendJson(res, call.response.status, call.response.body);
    } catch (error) {
      if (error instanceof BotApiError) return sendJson(res, error.errorCode, error.toBody());
      if (error instanceof BotRequestTooLarge) {
        return sendJson(res, 413, { ok: false, error_code: 413, description: 'Request Entity Too Large' });
      }
      console.error('Telegram emulator failed to answer', req.method, url.pathname, error);
      sendJson(res, 500, { ok: false, error_code: 500, description: 'Internal Server Error' });
    }
  }
}
