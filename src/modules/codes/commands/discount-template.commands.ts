import { Command, CommandHandler, EventBus, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { Outbox } from '../../../infrastructure/outbox/outbox';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Actor } from '../../../common/audit/audit-entry';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { SettingKey } from '../../settings/domain/setting-definitions';
import { GetSettingQuery } from '../../settings/queries/get-setting.query';
import { checkTemplateTerms, TemplateTerms } from '../domain/template-rules';
import { DiscountTemplateChangedEvent } from '../events/template.events';
import { DiscountTemplate } from '../persistence/discount-template.entity';
import { Discount } from '../persistence/discount.entity';

/** Every field of a template an admin writes. */
export interface TemplateFields extends TemplateTerms {
  name: string;
  description: string | null;
  isActive: boolean;
}

const notFound = (id: number) => new DomainError(ErrorCode.TEMPLATE_NOT_FOUND, `No discount template #${id}`);

/** Creates a template; VALIDATION_FAILED names every field that contradicts another. */
export class CreateTemplateCommand extends Command<{ id: number }> {
  constructor(
    readonly fields: TemplateFields,
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(CreateTemplateCommand)
export class CreateTemplateHandler implements ICommandHandler<CreateTemplateCommand, { id: number }> {
  constructor(
    @InjectRepository(DiscountTemplate) private readonly templates: Repository<DiscountTemplate>,
    private readonly events: EventBus,
    private readonly outbox: Outbox,
  ) {}

  async execute({ fields, actor }: CreateTemplateCommand): Promise<{ id: number }> {
    checkTemplateTerms(fields);
    const created = await this.templates.manager.transaction(async (manager) => {
      const { identifiers } = await manager.insert(DiscountTemplate, fields);
      const id = Number(identifiers[0].id);
      const fact = new DiscountTemplateChangedEvent('discount_template.created', id, actor, {
        after: fields,
      });
      await this.outbox.record(manager, fact);
      return fact;
    });
    this.events.publish(created);
    return { id: created.templateId };
  }
}

/**
 * Changes a template. Issued codes keep the kind and value they were issued with. Switching between single
 * and shared usage is refused once codes exist (TEMPLATE_IN_USE): it would change what those codes mean.
 * Leaving `every_n_days` clears recurrenceDays, and making a template single clears maxRedemptions.
 */
export class UpdateTemplateCommand extends Command<void> {
  constructor(
    readonly templateId: number,
    readonly changes: Partial<TemplateFields>,
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(UpdateTemplateCommand)
export class UpdateTemplateHandler implements ICommandHandler<UpdateTemplateCommand, void> {
  constructor(
    @InjectRepository(DiscountTemplate) private readonly templates: Repository<DiscountTemplate>,
    @InjectRepository(Discount) private readonly discounts: Repository<Discount>,
    private readonly events: EventBus,
    private readonly outbox: Outbox,
  ) {}

  async execute({ templateId, changes, actor }: UpdateTemplateCommand): Promise<void> {
    const template = await this.templates.findOneBy({ id: templateId });
    if (!template) throw notFound(templateId);
    const before = pick(template, Object.keys(changes) as Array<keyof TemplateFields>);
    const after: TemplateFields = { ...fieldsOf(template), ...changes };
    if (changes.recurrence && changes.recurrence !== 'every_n_days' && changes.recurrenceDays === undefined) {
      after.recurrenceDays = null;
    }
    if (changes.usage === 'single' && changes.maxRedemptions === undefined) after.maxRedemptions = null;
    checkTemplateTerms(after);
    if (after.usage !== template.usage && (await this.discounts.existsBy({ templateId }))) {
      throw new DomainError(
        ErrorCode.TEMPLATE_IN_USE,
        'Codes of this template exist: its usage (single / shared) cannot change. Create a new template instead',
        { templateId },
      );
    }
    const updated = new DiscountTemplateChangedEvent('discount_template.updated', templateId, actor, {
      before,
      after: changes,
    });
    await this.templates.manager.transaction(async (manager) => {
      await manager.update(DiscountTemplate, templateId, after);
      await this.outbox.record(manager, updated);
    });
    this.events.publish(updated);
  }
}

/** Settings that point at a template: a gift would break if its template disappeared. */
const TEMPLATE_SETTINGS: SettingKey[] = [
  'subscription.template_id',
  'birthday.template_id',
  'referral.template_id',
];

/**
 * Deletes a template nobody uses: no code was ever issued from it and no setting points at it. Otherwise
 * TEMPLATE_IN_USE: deactivate it instead (PATCH isActive false), which keeps the history whole.
 */
export class DeleteTemplateCommand extends Command<void> {
  constructor(
    readonly templateId: number,
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(DeleteTemplateCommand)
export class DeleteTemplateHandler implements ICommandHandler<DeleteTemplateCommand, void> {
  constructor(
    @InjectRepository(DiscountTemplate) private readonly templates: Repository<DiscountTemplate>,
    @InjectRepository(Discount) private readonly discounts: Repository<Discount>,
    private readonly queries: QueryBus,
    private readonly events: EventBus,
    private readonly outbox: Outbox,
  ) {}

  async execute({ templateId, actor }: DeleteTemplateCommand): Promise<void> {
    const template = await this.templates.findOneBy({ id: templateId });
    if (!template) throw notFound(templateId);
    const codes = await this.discounts.countBy({ templateId });
    if (codes > 0) throw inUse(templateId, { codes });
    for (const key of TEMPLATE_SETTINGS) {
      if ((await this.queries.execute(new GetSettingQuery(key))) === templateId)
        throw inUse(templateId, { setting: key });
    }
    const deleted = new DiscountTemplateChangedEvent('discount_template.deleted', templateId, actor, {
      before: fieldsOf(template),
    });
    try {
      await this.templates.manager.transaction(async (manager) => {
        await manager.delete(DiscountTemplate, templateId);
        await this.outbox.record(manager, deleted);
      });
    } catch (error) {
      // A code issued between the count and the delete: the foreign key refuses, the answer is the same.
      if (String((error as { code?: string }).code).startsWith('ER_ROW_IS_REFERENCED'))
        throw inUse(templateId, {});
      throw error;
    }
    this.events.publish(deleted);
  }
}

const inUse = (templateId: number, details: Record<string, unknown>) =>
  new DomainError(
    ErrorCode.TEMPLATE_IN_USE,
    'The template is in use (issued codes or a gift setting point at it): deactivate it instead (isActive: false)',
    { templateId, ...details },
  );

function fieldsOf(t: DiscountTemplate): TemplateFields {
  return {
    name: t.name,
    purpose: t.purpose,
    kind: t.kind,
    value: t.value,
    usage: t.usage,
    maxRedemptions: t.maxRedemptions,
    validDays: t.validDays,
    recurrence: t.recurrence,
    recurrenceDays: t.recurrenceDays,
    minPurchase: t.minPurchase,
    description: t.description,
    isActive: t.isActive,
  };
}

function pick(template: DiscountTemplate, keys: Array<keyof TemplateFields>): Record<string, unknown> {
  const all = fieldsOf(template);
  return Object.fromEntries(keys.map((k) => [k, all[k]]));
}
