/** Russian names of a broadcast's statuses and content types. */
export const BROADCAST_STATUS: Record<string, string> = {
  draft: 'Черновик',
  scheduled: 'Запланирована',
  sending: 'Отправляется',
  sent: 'Отправлена',
  cancelled: 'Отменена',
  failed: 'Не удалась',
};

export const CONTENT_TYPES = [
  { id: 'text', name: 'Текст' },
  { id: 'photo', name: 'Фото' },
  { id: 'video', name: 'Видео' },
];

export interface BroadcastButton {
  text: string;
  url: string;
}

export interface BroadcastRecord {
  id: number;
  title: string;
  contentType: 'text' | 'photo' | 'video';
  text: string | null;
  media: string | null;
  buttons: BroadcastButton[][] | null;
  segmentId: number | null;
  status: string;
  scheduledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  targetCount: number;
  sentCount: number;
  failedCount: number;
  blockedCount: number;
  isTest: boolean;
}

/** `upload:12` → 12 (a file uploaded from the computer), else null. */
export function uploadIdOf(media: string | null | undefined): number | null {
  const match = /^upload:(\d+)$/.exec(media ?? '');
  return match ? Number(match[1]) : null;
}
