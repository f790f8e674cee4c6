import { Logger, OnModuleDestroy } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, EventBus, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { RecentSetting } from '../../settings/queries/recent-setting';
import { referralGifts } from '../domain/referral-reward';
import { ReferralFacts } from '../persistence/referral-facts';
import { IssueDiscountCommand } from '../../codes/commands/issue-discount.command';

/** What the referral check did: the codes it issued (new or found from before), by client. */
export interface ReferralReward {
  issued: Array<{ userId: number; discountId: number; alreadyIssued: boolean }>;
}

/**
 * After a redemption: when it was the client's first redemption ever and someone invited them, both get the
 * template of `referral.template_id` (off while null), once per pair (domain/referral-reward.ts). Safe to run
 * twice or late: "first" is the lowest usage-log id, not a count, and the period keys are unique.
 */
export class RewardReferralCommand extends Command<ReferralReward> {
  constructor(
    readonly userId: number,
    readonly redemptionId: number,
  ) {
    super();
  }
}

@CommandHandler(RewardReferralCommand)
export class RewardReferralHandler
  implements ICommandHandler<RewardReferralCommand, ReferralReward>, OnModuleDestroy
{
  private readonly logger = new Logger(RewardReferralHandler.name);
  /** Asked after every redemption: read at most once a second (a change in this process applies at once). */
  private readonly templateId: RecentSetting<'referral.template_id'>;

  constructor(
    private readonly facts: ReferralFacts,
    private readonly commands: CommandBus,
    queries: QueryBus,
    events: EventBus,
  ) {
    this.templateId = new RecentSetting('referral.template_id', 1_000, queries, events);
  }

  onModuleDestroy(): void {
    this.templateId.close();
  }

  async execute({ userId, redemptionId }: RewardReferralCommand): Promise<ReferralReward> {
    const templateId = await this.templateId.value();
    if (templateId === null) return { issued: [] };
    const facts = await this.facts.of(userId);
    if (!facts) return { issued: [] };
    const gifts = referralGifts({ userId, redemptionId, ...facts });
    const issued: ReferralReward['issued'] = [];
    for (const gift of gifts) {
      try {
        const result = await this.commands.execute(
          new IssueDiscountCommand({
            userId: gift.userId,
            templateId,
            reason: 'referral',
            periodKey: gift.periodKey,
          }),
        );
        issued.push({
          userId: gift.userId,
          discountId: result.discount.id,
          alreadyIssued: result.alreadyIssued,
        });
      } catch (error) {
        // A deleted inviter, a switched-off template: the other side still gets theirs. An outage is no
        // answer: thrown, so the outbox tries again.
        if (!(error instanceof DomainError) || error.code === ErrorCode.SERVICE_UNAVAILABLE) throw error;
        this.logger.warn(
          { userId: gift.userId, templateId, code: error.code },
          'No referral reward: ' + error.message,
        );
      }
    }
    return { issued };
  }
}
