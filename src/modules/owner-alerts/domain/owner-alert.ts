import { escapeHtml } from '../../message-templates/domain/render-message';

/** Something the owners must hear about soon, kept until the next digest. */
export type OwnerAlert =
  | {
      kind: 'job_failed';
      queue: string;
      job: string;
      jobId: string;
      attempts: number;
      reason: string;
      /** ISO time the failure was recorded. */
      at: string;
    }
  | { kind: 'broadcast_stuck'; broadcastId: number; title: string; idleMinutes: number; at: string };

/** A broadcast in `sending` whose deliveries have not changed for this long is stuck. */
export const STUCK_AFTER_MINUTES = 15;

/** What the owners read about one job name: the shop's words for the known ones. */
const JOB_TITLES: Record<string, string> = {
  'discounts.expire': 'истечение скидок',
  'discounts.bulk-issue': 'массовая выдача скидок',
  'broadcasts.start': 'запуск рассылки',
  'broadcasts.send-chunk': 'отправка части рассылки',
  'broadcasts.sweep': 'проверка рассылок',
  'discounts.birthday': 'подарки ко дню рождения',
  'discounts.notify-client': 'уведомление клиента',
  'stats.refresh-rollup': 'пересчёт статистики',
};

const MAX_REASON = 200;
/** A digest stays well under Telegram's 4096 characters: the rest is counted, not listed. */
const MAX_LISTED = 15;

function alertLine(alert: OwnerAlert): string {
  if (alert.kind === 'broadcast_stuck') {
    return (
      `📨 Рассылка «${escapeHtml(alert.title)}» (№${alert.broadcastId}) не продвигается ` +
      `${alert.idleMinutes} мин.`
    );
  }
  const title = JOB_TITLES[alert.job] ?? alert.job;
  const reason = alert.reason.length > MAX_REASON ? `${alert.reason.slice(0, MAX_REASON)}…` : alert.reason;
  return (
    `❌ Задача «${escapeHtml(title)}» (${escapeHtml(alert.jobId)}) не выполнена после ` +
    `${alert.attempts} попыт${alert.attempts === 1 ? 'ки' : 'ок'}: ${escapeHtml(reason)}`
  );
}

/** The digest message (Telegram HTML): every alert in the order recorded, the failed jobs' way out. */
export function alertDigestText(alerts: OwnerAlert[]): string {
  const listed = alerts.slice(0, MAX_LISTED).map(alertLine);
  if (alerts.length > MAX_LISTED) listed.push(`…и ещё ${alerts.length - MAX_LISTED}`);
  const hints: string[] = [];
  if (alerts.some((a) => a.kind === 'job_failed'))
    hints.push('Упавшие задачи: GET /api/v1/jobs?status=failed, повтор — POST /api/v1/jobs/{id}/retry.');
  if (alerts.some((a) => a.kind === 'broadcast_stuck'))
    hints.push('Проверьте, что работают процессы worker и что Telegram доступен.');
  return ['⚠️ <b>Неполадки в Дворике</b>', '', ...listed, '', ...hints].join('\n');
}

/**
 * The digest an alert recorded at `nowMs` joins: windows of `delaySeconds` (0: a digest of its own, sent
 * at once), named so every process agrees, and how long until the window's digest is due.
 */
export function digestWindow(nowMs: number, delaySeconds: number): { window: string; delayMs: number } {
  if (delaySeconds <= 0) return { window: `now-${nowMs}`, delayMs: 0 };
  const length = delaySeconds * 1000;
  const index = Math.floor(nowMs / length);
  return { window: `${delaySeconds}s-${index}`, delayMs: (index + 1) * length - nowMs };
}
