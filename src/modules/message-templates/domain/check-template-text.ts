import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { MessageKey } from './message-catalog';
import { checkPlaceholders } from './render-message';
import { telegramHtmlProblems } from './telegram-html';

/** Telegram's limit for a message text; templates stay well under it even with values filled in. */
export const MAX_TEMPLATE_LENGTH = 3500;

/** Refuses a template text Telegram would not take or the bots could not fill. */
export function checkTemplateText(key: MessageKey, text: string): void {
  checkPlaceholders(key, text);
  const problems = telegramHtmlProblems(text);
  if (text.trim().length === 0 || text.length > MAX_TEMPLATE_LENGTH) {
    problems.push(`the text must be 1..${MAX_TEMPLATE_LENGTH} characters`);
  }
  if (problems.length > 0) {
    throw new DomainError(
      ErrorCode.VALIDATION_FAILED,
      `Telegram would not accept this text: ${problems[0]}`,
      {
        fields: [{ field: 'text', errors: problems }],
      },
    );
  }
}
