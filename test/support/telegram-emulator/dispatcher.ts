import type { Chat } from 'telegraf/types';
import {
  BotApiError,
  badRequest,
  blockedByUser,
  methodNotFound,
  tooManyRequests,
  unauthorized,
} from './api-error';
import type { CallLog } from './call-log';
import type { EmulatorState } from './emulator-state';
import type { FaultInjector } from './fault-injector';
import type { MethodContext, MethodSpec } from './methods/method-spec';
import { methodTable } from './methods/method-table';
import { ParamReader } from './param-reader';
import type { SlidingWindowLimiter } from './rate-limiter';
import type { ApiSuccess, Params, RecordedCall } from './types';

/** Counts of what the emulator answered since the last reset. */
export interface EmulatorStats {
  calls: number;
  /** Calls answered 429, scripted or from the rate limit. */
  tooManyRequests: number;
  /** Calls answered 403 (blocked chats, scripted). */
  forbidden: number;
  /** Calls answered with any error. */
  errors: number;
}

export interface DispatchOptions {
  /** When the request arrived; now by default. */
  at?: Date;
  viaWebhookReply?: boolean;
  signal?: AbortSignal;
}

/**
 * Answers one Bot API call the way Telegram would: token, method, scripted faults, chat, blocked user,
 * rate limit, then the method itself; and records the call with its answer.
 */
export class Dispatcher {
  readonly stats: EmulatorStats = { calls: 0, tooManyRequests: 0, forbidden: 0, errors: 0 };
  private readonly methods = methodTable();

  constructor(
    private readonly state: EmulatorState,
    private readonly faults: FaultInjector,
    private readonly limiter: SlidingWindowLimiter,
    private readonly log: CallLog,
  ) {}

  isSending(method: string): boolean {
    return this.methods.get(method.toLowerCase())?.sends ?? false;
  }

  async dispatch(
    token: string,
    method: string,
    params: Params,
    options: DispatchOptions = {},
  ): Promise<RecordedCall> {
    const spec = this.methods.get(method.toLowerCase());
    const call: RecordedCall = {
      token,
      method: spec?.name ?? method,
      params,
      at: options.at ?? new Date(),
      viaWebhookReply: options.viaWebhookReply ?? false,
      response: { status: 200, body: { ok: true, result: true } },
    };
    try {
      const ctx = this.admit(call, spec, options.signal ?? new AbortController().signal);
      const result: unknown = await ctx.spec.handle(ctx);
      const body: ApiSuccess = { ok: true, result };
      if (ctx.description !== undefined) body.description = ctx.description;
      call.response = { status: 200, body };
      call.message = ctx.produced;
    } catch (error) {
      const apiError = error instanceof BotApiError ? error : internalError(call.method, error);
      call.response = { status: apiError.errorCode, body: apiError.toBody() };
    }
    this.count(call);
    this.log.record(call);
    if (call.message || /^(edit|delete)/i.test(call.method)) this.state.changes.bump();
    return call;
  }

  /** Every check a call passes before its method runs; throws the answer of the first one it fails. */
  private admit(
    call: RecordedCall,
    spec: MethodSpec | undefined,
    signal: AbortSignal,
  ): MethodContext & { spec: MethodSpec } {
    const bot = this.state.bots.me(call.token);
    if (!bot) throw unauthorized();
    if (!spec) throw methodNotFound();
    const params = new ParamReader(call.params);
    const chatRef = params.chatRef('chat_id');
    const chat: Chat | undefined = chatRef === undefined ? undefined : this.state.directory.resolve(chatRef);
    call.chatId = chat?.id;
    const scripted = this.faults.take({
      token: call.token,
      method: spec.name,
      chatId: chat?.id,
      params: call.params,
    });
    if (scripted) throw scripted;
    if (spec.chat === 'required' && chatRef === undefined) throw badRequest('chat_id is empty');
    if (spec.chat !== 'none' && chatRef !== undefined && !chat) throw badRequest('chat not found');
    if (spec.reachesUser && chat && this.faults.isBlocked(chat.id, call.token)) throw blockedByUser();
    if (spec.sends && !this.limiter.tryAcquire()) throw tooManyRequests(this.limiter.retryAfter());
    return { spec, token: call.token, bot, params, chat, state: this.state, signal };
  }

  private count(call: RecordedCall): void {
    this.stats.calls += 1;
    if (call.response.status === 429) this.stats.tooManyRequests += 1;
    if (call.response.status === 403) this.stats.forbidden += 1;
    if (!call.response.body.ok) this.stats.errors += 1;
  }

  resetStats(): void {
    Object.assign(this.stats, { calls: 0, tooManyRequests: 0, forbidden: 0, errors: 0 });
  }
}

/** A bug in the emulator: answered 500 and logged, since telegraf only shows the status text. */
function internalError(method: string, error: unknown): BotApiError {
  console.error(`Telegram emulator failed on ${method}:`, error);
  return new BotApiError(500, `Internal Server Error: ${(error as Error)?.message ?? String(error)}`);
}
