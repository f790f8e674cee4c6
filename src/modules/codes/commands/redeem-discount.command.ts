import { Command, CommandHandler, EventBus, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../common/clock/clock';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { normalizeCode } from '../domain/discount-code';
import { discountAmount } from '../domain/discount-value';
import { ensureRedeemable, isShared } from '../domain/redemption-rules';
import { DiscountRedeemedEvent } from '../events/discount.events';
import { CodeCard, CodeCards } from '../persistence/code-cards';
import { UsageChannel } from '../persistence/discount-usage-log.entity';
import { RedemptionLedger } from '../persistence/redemption-ledger';
import {
  AnswerRow,
  isIdempotencyKeyTaken,
  RequestFingerprint,
  StoredAnswer,
  storedError,
  UsageJournal,
  UsageRow,
} from '../persistence/usage-journal';
import { codeFacts, Redemption, revivedRedemption, storedRedemption } from '../queries/code-answers';

export interface RedeemDiscountInput {
  /** As typed or scanned: case, spaces and dashes do not matter. */
  code: string;
  channel: UsageChannel;
  /** staff_bot: the approved cashier pressing «Погасить» (the bot checks the approval). */
  cashierId?: number | null;
  /** admin: the admin redeeming through the API. */
  adminId?: number | null;
  /** pos: the till. */
  terminalId?: string | null;
  /** A retry with the same key (per channel) gets the first answer back, never a second redemption. */
  idempotencyKey?: string | null;
  /** Kopecks; checked against the template's minimum purchase and used to compute the discount amount. */
  purchaseAmount?: number | null;
  /** Shared codes: the client at the till (each client redeems a shared code once). Ignored for personal codes. */
  clientUserId?: number | null;
}

/**
 * Redeems a code, exactly once, from any channel (staff bot, POS, admin): the one use case behind every
 * «Погасить». Throws a DomainError with the reason (CODE_ALREADY_USED with `details.usedAt`, CODE_EXPIRED,
 * ...); every attempt leaves a usage-log row; with an idempotency key the first answer, success or error,
 * is stored and given again (IDEMPOTENCY_CONFLICT when the key comes back with another request).
 */
export class RedeemDiscountCommand extends Command<Redemption> {
  constructor(readonly input: RedeemDiscountInput) {
    super();
  }
}

/** What an attempt learnt before it failed, for the usage-log row of the refusal. */
interface Trace {
  card: CodeCard | null;
  clientUserId: number | null;
}

/** A redemption that keeps losing races is reported as in use after this many reads (never reached in practice). */
const MAX_ROUNDS = 5;

@CommandHandler(RedeemDiscountCommand)
export class RedeemDiscountHandler implements ICommandHandler<RedeemDiscountCommand, Redemption> {
  constructor(
    private readonly cards: CodeCards,
    private readonly ledger: RedemptionLedger,
    private readonly journal: UsageJournal,
    private readonly clock: Clock,
    private readonly events: EventBus,
  ) {}

  async execute({ input }: RedeemDiscountCommand): Promise<Redemption> {
    checkChannelIdentity(input);
    const request: RequestFingerprint = {
      code: normalizeCode(input.code),
      purchaseAmount: input.purchaseAmount ?? null,
      terminalId: input.terminalId ?? null,
      clientUserId: input.clientUserId ?? null,
    };
    const key = input.idempotencyKey ?? null;
    // No look-up of the key first: the unique key (channel, idempotency_key) is the arbiter. The first
    // answer's row commits with the redemption (or is the refusal); a retry's own row then fails on the key,
    // which rolls its attempt back and hands it the stored answer. Retries are rare; the hot path stays short.
    const trace: Trace = { card: null, clientUserId: null };
    try {
      return await this.attempt(input, request, trace);
    } catch (error) {
      if (key !== null && isIdempotencyKeyTaken(error)) return this.replayKey(input.channel, key, request);
      if (!(error instanceof DomainError)) throw error;
      const earlier = await this.recordRefusal(input, request, trace, error);
      if (earlier) return earlier;
      throw error;
    }
  }

  private async attempt(
    input: RedeemDiscountInput,
    request: RequestFingerprint,
    trace: Trace,
  ): Promise<Redemption> {
    const now = this.clock.now();
    const purchase = request.purchaseAmount;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const card = await this.cards.byCode(request.code);
      trace.card = card;
      const client = card ? await this.cards.clientOf(card, request.clientUserId) : null;
      trace.clientUserId = client?.userId ?? null;
      const clientRedeemedAt =
        card && isShared(card) && client
          ? await this.cards.clientRedeemedAt(card.id, client.userId)
          : undefined;
      ensureRedeemable(card, {
        intent: 'redeem',
        now,
        purchaseAmount: purchase,
        purchaseKnown: input.channel !== 'staff_bot',
        clientRedeemedAt,
      });
      const amount = purchase === null ? null : discountAmount(card.kind, card.value, purchase);
      const done = await this.ledger.redeem(card, {
        now,
        clientUserId: client?.userId ?? null,
        row: ({ redemptionCount }) => {
          const answer = {
            ...codeFacts({ ...card, redemptionCount }, client),
            redeemed: true as const,
            usedAt: now,
            purchaseAmount: purchase,
            discountAmount: amount,
          };
          return this.usageRow(input, request, card.id, client?.userId ?? null, now, {
            action: 'redeemed',
            discountAmount: amount,
            response: key(input) ? { request, redemption: storedRedemption(answer) } : null,
          });
        },
      });
      if (done) {
        const redemption: Redemption = {
          redemptionId: done.usageId,
          ...codeFacts({ ...card, redemptionCount: done.redemptionCount }, client),
          redeemed: true,
          usedAt: now,
          purchaseAmount: purchase,
          discountAmount: amount,
        };
        this.publish(card, redemption, input);
        return redemption;
      }
      // The UPDATE matched nothing: someone was first or the code changed. Read it again for the reason.
    }
    throw new DomainError(
      ErrorCode.CODE_ALREADY_USED,
      'The code could not be redeemed: it is being used right now',
      {
        code: request.code,
      },
    );
  }

  private usageRow(
    input: RedeemDiscountInput,
    request: RequestFingerprint,
    discountId: number | null,
    userId: number | null,
    at: Date,
    outcome: Pick<UsageRow, 'action' | 'discountAmount' | 'response'> & { rejectCode?: string },
  ): UsageRow {
    return {
      discountId,
      userId,
      cashierId: input.cashierId ?? null,
      channel: input.channel,
      action: outcome.action,
      rejectCode: outcome.rejectCode ?? null,
      purchaseAmount: request.purchaseAmount,
      discountAmount: outcome.discountAmount,
      terminalId: request.terminalId,
      idempotencyKey: key(input),
      response: outcome.response,
      createdAt: at,
    };
  }

  /**
   * Logs a refused attempt. With an idempotency key the refusal becomes the key's answer, unless an identical
   * request answered first: then that answer is the answer (returned, or thrown if it was a refusal).
   */
  private async recordRefusal(
    input: RedeemDiscountInput,
    request: RequestFingerprint,
    trace: Trace,
    error: DomainError,
  ): Promise<Redemption | null> {
    const stored: StoredAnswer = {
      request,
      error: { code: error.code, message: error.message, details: error.details },
    };
    const row = this.usageRow(
      input,
      request,
      trace.card?.id ?? null,
      trace.card?.userId ?? trace.clientUserId,
      this.clock.now(),
      {
        action: 'rejected',
        rejectCode: error.code,
        discountAmount: null,
        response: key(input) ? stored : null,
      },
    );
    try {
      await this.journal.record(row);
      return null;
    } catch (insertError) {
      const k = key(input);
      if (k !== null && isIdempotencyKeyTaken(insertError)) return this.replayKey(input.channel, k, request);
      throw insertError;
    }
  }

  private async replayKey(
    channel: UsageChannel,
    key: string,
    request: RequestFingerprint,
  ): Promise<Redemption> {
    const first = await this.journal.answerFor(channel, key);
    if (!first) throw new Error(`The idempotency key ${key} was taken, yet its row is not there`);
    return this.replay(first, request);
  }

  /** The first answer to a key, as it was; IDEMPOTENCY_CONFLICT when this request is not the first one. */
  private replay(first: AnswerRow, request: RequestFingerprint): Redemption {
    const answer = first.response;
    if (!answer) throw new Error(`Usage row #${first.id} holds an idempotency key without an answer`);
    if (!sameRequest(answer.request, request)) {
      throw new DomainError(
        ErrorCode.IDEMPOTENCY_CONFLICT,
        'This idempotency key was already used for another request',
        { firstRequest: { code: answer.request.code, purchaseAmount: answer.request.purchaseAmount } },
      );
    }
    const error = storedError(answer);
    if (error) throw error;
    return revivedRedemption(answer.redemption ?? {}, first.id);
  }

  private publish(card: CodeCard, redemption: Redemption, input: RedeemDiscountInput): void {
    this.events.publish(
      new DiscountRedeemedEvent({
        discountId: card.id,
        redemptionId: redemption.redemptionId,
        code: card.code,
        templateId: card.templateId,
        reason: card.reason,
        userId: redemption.client?.userId ?? null,
        kind: card.kind,
        value: card.value,
        valueText: redemption.valueText,
        channel: input.channel,
        cashierId: input.cashierId ?? null,
        adminId: input.adminId ?? null,
        terminalId: input.terminalId ?? null,
        purchaseAmount: redemption.purchaseAmount,
        discountAmount: redemption.discountAmount,
        usedAt: redemption.usedAt,
        isTest: card.isTest,
      }),
    );
  }
}

/** Each channel names who acts: a programming error otherwise (the usage log and the audit need it). */
function checkChannelIdentity(input: RedeemDiscountInput): void {
  const who = { staff_bot: input.cashierId, admin: input.adminId, pos: input.terminalId }[input.channel];
  if (who === undefined || who === null)
    throw new Error(`A ${input.channel} redemption must say who redeems`);
}

const key = (input: RedeemDiscountInput): string | null => input.idempotencyKey ?? null;

const sameRequest = (a: RequestFingerprint, b: RequestFingerprint): boolean =>
  a.code === b.code &&
  a.purchaseAmount === b.purchaseAmount &&
  a.terminalId === b.terminalId &&
  a.clientUserId === b.clientUserId;
