import { SendOutcome } from './send-outcome';

/** A recipient of a batch as the outcome grouping needs it: who, and the attempts made before this one. */
export interface BatchRecipient {
  userId: number;
  attempts: number;
}

interface Ended {
  userId: number;
  errorCode: string;
}

/**
 * A batch's outcomes grouped the way the delivery rows are written, one UPDATE per group: delivered,
 * ended for good (`blocked`, `failed` — a retryable failure on the last allowed attempt included —
 * `unknown`), and back to `pending`: a 429 (`rateLimited`, the attempt given back, everyone pauses
 * `pauseSeconds`, the longest retry_after of the batch) or a retryable failure (`retry`, with the attempt
 * it used).
 */
export interface BatchOutcomes {
  sent: Array<{ userId: number; messageId: number }>;
  blocked: Ended[];
  failed: Ended[];
  unknown: Ended[];
  rateLimited: Ended[];
  retry: Array<Ended & { attempts: number }>;
  pauseSeconds: number;
}

/** Groups `outcomes[i]` (the answer to `recipients[i]`); pure. */
export function groupOutcomes(
  recipients: readonly BatchRecipient[],
  outcomes: readonly SendOutcome[],
  maxAttempts: number,
): BatchOutcomes {
  const groups: BatchOutcomes = {
    sent: [],
    blocked: [],
    failed: [],
    unknown: [],
    rateLimited: [],
    retry: [],
    pauseSeconds: 0,
  };
  recipients.forEach(({ userId, attempts: before }, i) => {
    const outcome = outcomes[i];
    switch (outcome.kind) {
      case 'sent':
        groups.sent.push({ userId, messageId: outcome.messageId });
        return;
      case 'rateLimited':
        groups.rateLimited.push({ userId, errorCode: outcome.errorCode });
        groups.pauseSeconds = Math.max(groups.pauseSeconds, outcome.retryAfterSeconds);
        return;
      case 'retry': {
        const attempts = before + 1;
        if (attempts >= maxAttempts) groups.failed.push({ userId, errorCode: outcome.errorCode });
        else groups.retry.push({ userId, errorCode: outcome.errorCode, attempts });
        return;
      }
      default:
        groups[outcome.kind].push({ userId, errorCode: outcome.errorCode });
    }
  });
  return groups;
}
