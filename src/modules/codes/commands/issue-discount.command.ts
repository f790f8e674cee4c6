import { Command, CommandHandler, EventBus, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Actor, SYSTEM_ACTOR } from '../../../common/audit/audit-entry';
import { Clock } from '../../../common/clock/clock';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { GetSettingQuery } from '../../settings/queries/get-setting.query';
import { ClientContact, GetClientContactQuery } from '../../users/queries/get-client-contact.query';
import { generateCode } from '../domain/discount-code';
import { formatValue } from '../domain/discount-value';
import { IssueReason, periodKeyFor } from '../domain/period-key';
import { DiscountIssuedEvent } from '../events/discount.events';
import { DiscountTemplate } from '../persistence/discount-template.entity';
import { Discount } from '../persistence/discount.entity';
import { DiscountView, toDiscountView } from '../queries/discount-view';
import { duplicateKeyOf } from '../../../infrastructure/database/duplicate-key';
import { invalidField } from '../../../common/errors/invalid-field';
import { Outbox } from '../../../infrastructure/outbox/outbox';

export interface IssueDiscountInput {
  /** The client; null only for a shared template (one code for many clients). */
  userId: number | null;
  templateId: number;
  reason: IssueReason;
  /**
   * The period the issue belongs to (unique per client and template). Leave undefined to apply the rules of
   * domain/period-key.ts (`2026` for a yearly template, `once` for a gift, null for a manual issue); a caller
   * with its own notion of a period (a referral reward per invited friend) passes it.
   */
  periodKey?: string | null;
  /** Bulk issues: the batch's key, the period of a non-recurring template (a retried job issues nothing twice). */
  batchKey?: string;
  issuedByAdminId?: number | null;
  /** Overrides the template's lifetime (must be in the future). */
  expiresAt?: Date | null;
  /** False when the caller tells the client about the code itself; announced by default. */
  announce?: boolean;
}

export interface IssueResult {
  /** True when the client already had this template's code for the period: `discount` is that code. */
  alreadyIssued: boolean;
  discount: DiscountView;
}

/**
 * Issues a code of a template to a client: the one path of every gift (subscription, birthday, referral),
 * manual and bulk issue. Idempotent by (client, template, period): a second issue returns the existing code
 * with `alreadyIssued: true`, however many callers race. Publishes DiscountIssuedEvent for a new code.
 */
export class IssueDiscountCommand extends Command<IssueResult> {
  constructor(readonly input: IssueDiscountInput) {
    super();
  }
}

/** Unique-code collisions are ~1 in 10^6 at a million codes; five draws in a row would be astronomically rare. */
const CODE_ATTEMPTS = 5;
const DAY_MS = 86_400_000;

@CommandHandler(IssueDiscountCommand)
export class IssueDiscountHandler implements ICommandHandler<IssueDiscountCommand, IssueResult> {
  constructor(
    @InjectRepository(Discount) private readonly discounts: Repository<Discount>,
    @InjectRepository(DiscountTemplate) private readonly templates: Repository<DiscountTemplate>,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
    private readonly events: EventBus,
    private readonly outbox: Outbox,
  ) {}

  async execute({ input }: IssueDiscountCommand): Promise<IssueResult> {
    const now = this.clock.now();
    const template = await this.templates.findOneBy({ id: input.templateId });
    if (!template)
      throw new DomainError(ErrorCode.TEMPLATE_NOT_FOUND, `No discount template #${input.templateId}`);
    if (!template.isActive) {
      throw new DomainError(ErrorCode.TEMPLATE_INACTIVE, `Template #${template.id} is switched off`, {
        templateId: template.id,
      });
    }
    const client = await this.clientFor(template, input.userId);
    const periodKey =
      template.usage === 'shared'
        ? null
        : input.periodKey !== undefined
          ? input.periodKey
          : periodKeyFor(template, {
              reason: input.reason,
              now,
              timeZone: await this.queries.execute(new GetSettingQuery('shop.timezone')),
              batchKey: input.batchKey,
            });
    const expiresAt = this.expiryOf(template, input.expiresAt, now);
    if (client && periodKey !== null) {
      const existing = await this.existing(client.id, template.id, periodKey);
      if (existing) return { alreadyIssued: true, discount: toDiscountView(existing, now) };
    }
    const row: Partial<Discount> = {
      templateId: template.id,
      userId: client?.id ?? null,
      kind: template.kind,
      value: template.value,
      status: 'active',
      reason: input.reason,
      periodKey,
      issuedByAdminId: input.issuedByAdminId ?? null,
      validFrom: now,
      expiresAt,
      redemptionCount: 0,
      maxRedemptions: template.usage === 'shared' ? template.maxRedemptions : null,
      isTest: client?.isTest ?? false,
      createdAt: now,
    };
    for (let attempt = 1; ; attempt++) {
      const code = generateCode();
      try {
        // The code, its audit row and its fact (the client's notice) commit together.
        const { discount, fact } = await this.discounts.manager.transaction(async (manager) => {
          const { identifiers } = await manager.insert(Discount, { ...row, code });
          const inserted = await manager.findOneByOrFail(Discount, { id: Number(identifiers[0].id) });
          const issued = issuedFact(inserted, template, client, input);
          await this.outbox.record(manager, issued);
          return { discount: inserted, fact: issued };
        });
        this.events.publish(fact);
        return { alreadyIssued: false, discount: toDiscountView(discount, now) };
      } catch (error) {
        const duplicate = duplicateKeyOf(error);
        if (duplicate === 'uq_discounts_user_template_period' && client && periodKey !== null) {
          // Another caller issued the same gift a moment ago: that code is the answer.
          const existing = await this.existing(client.id, template.id, periodKey);
          if (existing) return { alreadyIssued: true, discount: toDiscountView(existing, now) };
        }
        if (duplicate === 'uq_discounts_code' && attempt < CODE_ATTEMPTS) continue;
        throw error;
      }
    }
  }

  /** The client of a personal code (USER_NOT_FOUND, USER_DELETED); none for a shared code. */
  private async clientFor(template: DiscountTemplate, userId: number | null): Promise<ClientContact | null> {
    if (template.usage === 'shared') {
      if (userId !== null) {
        throw invalidField(
          'userId',
          'a shared template makes one code for many clients: issue it without userId',
        );
      }
      return null;
    }
    if (userId === null) throw invalidField('userId', 'a personal code needs the client (userId)');
    const user = await this.queries.execute(new GetClientContactQuery(userId));
    if (!user) throw new DomainError(ErrorCode.USER_NOT_FOUND, `No client #${userId}`);
    if (user.status === 'deleted')
      throw new DomainError(ErrorCode.USER_DELETED, `Client #${userId} is deleted`);
    return user;
  }

  private expiryOf(template: DiscountTemplate, override: Date | null | undefined, now: Date): Date | null {
    if (override) {
      if (override.getTime() <= now.getTime())
        throw invalidField('expiresAt', 'expiresAt must be in the future');
      return override;
    }
    return template.validDays === null ? null : new Date(now.getTime() + template.validDays * DAY_MS);
  }

  private existing(userId: number, templateId: number, periodKey: string): Promise<Discount | null> {
    return this.discounts.findOneBy({ userId, templateId, periodKey });
  }
}

/** The fact of a new code, recorded in its transaction. */
function issuedFact(
  discount: Discount,
  template: DiscountTemplate,
  client: ClientContact | null,
  input: IssueDiscountInput,
): DiscountIssuedEvent {
  const actor: Actor = input.issuedByAdminId ? { type: 'admin', id: input.issuedByAdminId } : SYSTEM_ACTOR;
  return new DiscountIssuedEvent(
    {
      discountId: discount.id,
      templateId: template.id,
      userId: discount.userId,
      code: discount.code,
      kind: discount.kind,
      value: discount.value,
      valueText: formatValue(discount.kind, discount.value),
      description: template.description,
      reason: discount.reason,
      periodKey: discount.periodKey,
      expiresAt: discount.expiresAt,
      isTest: discount.isTest,
      announce: input.announce ?? true,
    },
    actor,
  );
}
