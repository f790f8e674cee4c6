import { Logger } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../common/clock/clock';
import { DomainError } from '../../../common/errors/domain-error';
import { normalizeCode } from '../domain/discount-code';
import { discountAmount } from '../domain/discount-value';
import { isShared, refusalOf } from '../domain/redemption-rules';
import { CodeCard, CodeCards } from '../persistence/code-cards';
import { UsageChannel } from '../persistence/discount-usage-log.entity';
import { UsageJournal } from '../persistence/usage-journal';
import { CodeCheck, codeCheck } from '../queries/code-answers';

export interface CheckDiscountInput {
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
 * A cashier's, till's or admin's check: could this code be redeemed now (by the same rules as
 * RedeemDiscountCommand)? Returns what the cashier must see, or throws the reason as a DomainError. The code
 * is not touched; the check itself is written to the usage log (`validated` / `rejected`), which is why this
 * is a command. A failed log write is logged, never raised: the answer matters more than its record.
 */
export class CheckDiscountCommand extends Command<CodeCheck> {
  constructor(readonly input: CheckDiscountInput) {
    super();
  }
}

@CommandHandler(CheckDiscountCommand)
export class CheckDiscountHandler implements ICommandHandler<CheckDiscountCommand, CodeCheck> {
  private readonly logger = new Logger(CheckDiscountHandler.name);

  constructor(
    private readonly cards: CodeCards,
    private readonly clock: Clock,
    private readonly journal: UsageJournal,
  ) {}

  async execute({ input }: CheckDiscountCommand): Promise<CodeCheck> {
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
      await this.log(input, card, clientUserId, now, 'validated', null, amount);
      return codeCheck(verdict, client, now, purchase, amount);
    } catch (error) {
      if (error instanceof DomainError)
        await this.log(input, card, clientUserId, now, 'rejected', error.code, null);
      throw error;
    }
  }

  private async log(
    input: CheckDiscountInput,
    card: CodeCard | null,
    userId: number | null,
    at: Date,
    action: 'validated' | 'rejected',
    rejectCode: string | null,
    amount: number | null,
  ): Promise<void> {
    try {
      await this.journal.record({
        discountId: card?.id ?? null,
        userId,
        cashierId: input.cashierId ?? null,
        channel: input.channel,
        action,
        rejectCode,
        purchaseAmount: input.purchaseAmount ?? null,
        discountAmount: amount,
        terminalId: input.terminalId ?? null,
        idempotencyKey: null,
        response: null,
        createdAt: at,
      });
    } catch (error) {
      this.logger.warn({ err: error, discountId: card?.id ?? null }, 'Could not log a code check');
    }
  }
}
