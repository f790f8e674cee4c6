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

/** A redeemed code: the answer, and the code as read (for the event). */
interface Redeemed {
  redemption: Redemption;
  /** Recorded with the redemption; published after the commit (metrics, the dispatcher's nudge). */
  fact: DiscountRedeemedEvent;
}

/** A refused attempt, with what it learnt about the code and the client for the refusal's usage row. */
interface Refused {
  refused: DomainError;
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

  /*
   * No look-up of the idempotency key first: the unique key (channel, idempotency_key) is the arbiter. The
   * first answer's row commits with the redemption (or is the refusal); a retry's own row then fails on the
   * key, which rolls its attempt back and hands it the stored answer. Retries are rare; the hot path is short.
   */
  async execute({ input }: RedeemDiscountCommand): Promise<Redemption> {
    checkChannelIdentity(input);
    const request: RequestFingerprint = {
      code: normalizeCode(input.code),
      purchaseAmount: input.purchaseAmount ?? null,
      terminalId: input.terminalId ?? null,
      clientUserId: input.clientUserId ?? null,
    };
    const idempotencyKey = input.idempotencyKey ?? null;
    let outcome: Redeemed | Refused;
    try {
      outcome = await this.attempt(input, request, idempotencyKey);
    } catch (error) {
      if (idempotencyKey !== null && isIdempotencyKeyTaken(error)) {
        return this.replayKey(input.channel, idempotencyKey, request);
      }
      throw error;
    }
    if ('redemption' in outcome) {
      this.events.publish(outcome.fact);
      return outcome.redemption;
    }
    const earlier = await this.recordRefusal(input, request, idempotencyKey, outcome);
    if (earlier) return earlier;
    throw outcome.refused;
  }

  /** Reads the code, checks it, spends it and writes its usage row; a refusal is answered, not thrown. */
  private async attempt(
    input: RedeemDiscountInput,
    request: RequestFingerprint,
    idempotencyKey: string | null,
  ): Promise<Redeemed | Refused> {
    const now = this.clock.now();
    const purchase = request.purchaseAmount;
    let card: CodeCard | null = null;
    let clientUserId: number | null = null;
    try {
      for (let round = 0; round < MAX_ROUNDS; round++) {
        card = await this.cards.byCode(request.code);
        const client = card ? await this.cards.clientOf(card, request.clientUserId) : null;
        clientUserId = client?.userId ?? null;
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
        const redeemable = card;
        const amount = purchase === null ? null : discountAmount(redeemable.kind, redeemable.value, purchase);
        // The answer as it will be, but for the count after the UPDATE, which the batch reads under its lock.
        const answer: Omit<Redemption, 'redemptionId'> = {
          ...codeFacts(redeemable, client),
          redeemed: true,
          usedAt: now,
          purchaseAmount: purchase,
          discountAmount: amount,
        };
        const fact = redeemedFact(redeemable, { redemptionId: 0, ...answer }, input);
        const usage = this.usageRow(input, request, idempotencyKey, redeemable.id, clientUserId, now, {
          action: 'redeemed',
          discountAmount: amount,
          response: idempotencyKey === null ? null : { request, redemption: storedRedemption(answer) },
        });
        const outcome = await this.ledger.redeem(redeemable, clientUserId, now, usage, fact);
        if (outcome?.spent) {
          fact.redeemed.redemptionId = outcome.redemptionId;
          const redemption = {
            redemptionId: outcome.redemptionId,
            ...answer,
            redemptionCount: outcome.redemptionCount,
          };
          return { redemption, fact };
        }
        if (outcome?.clientRedeemedAt) {
          throw new DomainError(ErrorCode.CODE_ALREADY_USED, 'This client has already redeemed the code', {
            code: redeemable.code,
            usedAt: outcome.clientRedeemedAt.toISOString(),
          });
        }
        // The UPDATE matched nothing (or lost a deadlock): someone was first or the code changed. Read it again.
      }
      throw new DomainError(
        ErrorCode.CODE_ALREADY_USED,
        'The code could not be redeemed: it is being used right now',
        {
          code: request.code,
        },
      );
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return { refused: error, card, clientUserId };
    }
  }

  private usageRow(
    input: RedeemDiscountInput,
    request: RequestFingerprint,
    idempotencyKey: string | null,
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
      idempotencyKey,
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
    idempotencyKey: string | null,
    { refused, card, clientUserId }: Refused,
  ): Promise<Redemption | null> {
    const stored: StoredAnswer = {
      request,
      error: { code: refused.code, message: refused.message, details: refused.details },
    };
    const row = this.usageRow(
      input,
      request,
      idempotencyKey,
      card?.id ?? null,
      card?.userId ?? clientUserId,
      this.clock.now(),
      {
        action: 'rejected',
        rejectCode: refused.code,
        discountAmount: null,
        response: idempotencyKey === null ? null : stored,
      },
    );
    try {
      await this.journal.record(row);
      return null;
    } catch (insertError) {
      if (idempotencyKey !== null && isIdempotencyKeyTaken(insertError)) {
        return this.replayKey(input.channel, idempotencyKey, request);
      }
      throw insertError;
    }
  }

  private async replayKey(
    channel: UsageChannel,
    idempotencyKey: string,
    request: RequestFingerprint,
  ): Promise<Redemption> {
    const first = await this.journal.answerFor(channel, idempotencyKey);
    if (!first) throw new Error(`The idempotency key ${idempotencyKey} was taken, yet its row is not there`);
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
}

/** Each channel names who acts: a programming error otherwise (the usage log and the audit need it). */
function checkChannelIdentity(input: RedeemDiscountInput): void {
  const who = { staff_bot: input.cashierId, admin: input.adminId, pos: input.terminalId }[input.channel];
  if (who === undefined || who === null)
    throw new Error(`A ${input.channel} redemption must say who redeems`);
}

const sameRequest = (a: RequestFingerprint, b: RequestFingerprint): boolean =>
  a.code === b.code &&
  a.purchaseAmount === b.purchaseAmount &&
  a.terminalId === b.terminalId &&
  a.clientUserId === b.clientUserId;

/** The fact of a redemption, recorded in its transaction. */
function redeemedFact(
  card: CodeCard,
  redemption: Redemption,
  input: RedeemDiscountInput,
): DiscountRedeemedEvent {
  return new DiscountRedeemedEvent({
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
  });
}
