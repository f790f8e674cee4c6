import { EventBus, IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Clock } from '../../../common/clock/clock';
import { DomainError } from '../../../common/errors/domain-error';
import { normalizeCode } from '../domain/discount-code';
import { discountAmount } from '../domain/discount-value';
import { isShared, refusalOf } from '../domain/redemption-rules';
import { DiscountCheckedEvent } from '../events/discount.events';
import { CodeCard, CodeCards } from '../persistence/code-cards';
import { UsageChannel } from '../persistence/discount-usage-log.entity';
import { CodeCheck, codeCheck } from './code-answers';

export interface ValidateDiscountInput {
  /** As typed or scanned: case, spaces and dashes do not matter. */
  code: string;
  channel: UsageChannel;
  cashierId?: number | null;
  adminId?: number | null;
  terminalId?: string | null;
  /** Kopecks: when given, the minimum purchase is checked and the discount amount computed. */
  purchaseAmount?: number | null;
  /** Shared codes: the client at the till, to tell whether this client has used the code already. */
  clientUserId?: number | null;
}

/**
 * Could this code be redeemed now (by the same rules as RedeemDiscountCommand)? Returns what the cashier
 * must see, or throws the reason as a DomainError. Changes nothing; the check is written to the usage log
 * (`validated` / `rejected`) by an event handler.
 */
export class ValidateDiscountQuery extends Query<CodeCheck> {
  constructor(readonly input: ValidateDiscountInput) {
    super();
  }
}

@QueryHandler(ValidateDiscountQuery)
export class ValidateDiscountHandler implements IQueryHandler<ValidateDiscountQuery, CodeCheck> {
  constructor(
    private readonly cards: CodeCards,
    private readonly clock: Clock,
    private readonly events: EventBus,
  ) {}

  async execute({ input }: ValidateDiscountQuery): Promise<CodeCheck> {
    const now = this.clock.now();
    const purchase = input.purchaseAmount ?? null;
    const card = await this.cards.byCode(normalizeCode(input.code));
    let clientUserId: number | null = card?.userId ?? null;
    try {
      const client = card ? await this.cards.clientOf(card, input.clientUserId ?? null) : null;
      clientUserId = client?.userId ?? null;
      const clientRedeemedAt =
        card && isShared(card) && client
          ? await this.cards.clientRedeemedAt(card.id, client.userId)
          : undefined;
      const refusal = refusalOf(card, { intent: 'check', now, purchaseAmount: purchase, clientRedeemedAt });
      if (refusal) throw refusal;
      const verdict = card as CodeCard;
      const amount = purchase === null ? null : discountAmount(verdict.kind, verdict.value, purchase);
      this.log(input, card, clientUserId, now, 'validated', null, amount);
      return codeCheck(verdict, client, now, purchase, amount);
    } catch (error) {
      if (error instanceof DomainError)
        this.log(input, card, clientUserId, now, 'rejected', error.code, null);
      throw error;
    }
  }

  private log(
    input: ValidateDiscountInput,
    card: CodeCard | null,
    userId: number | null,
    at: Date,
    action: 'validated' | 'rejected',
    rejectCode: string | null,
    amount: number | null,
  ): void {
    this.events.publish(
      new DiscountCheckedEvent({
        discountId: card?.id ?? null,
        userId,
        cashierId: input.cashierId ?? null,
        channel: input.channel,
        action,
        rejectCode,
        purchaseAmount: input.purchaseAmount ?? null,
        discountAmount: amount,
        terminalId: input.terminalId ?? null,
        at,
      }),
    );
  }
}
