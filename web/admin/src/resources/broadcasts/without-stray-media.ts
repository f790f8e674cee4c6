/** A text broadcast carries no media (a file picked before switching to «Текст» is dropped). */
export function withoutStrayMedia<T extends { contentType?: string; media?: unknown }>(data: T): T {
  return data.contentType === 'text' ? { ...data, media: null } : data;
}
