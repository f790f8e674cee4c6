/**
 * The tags of the OpenAPI document in the order a reader meets them (auth first, health last), each with
 * one English line and one Russian line for the shop's marketer. A controller's `@ApiTags` names one of
 * these; the lint (redocly.yaml, `operation-tag-defined`) fails on any other.
 */
export const API_TAGS: readonly { name: string; description: string }[] = [
  { name: 'auth', description: 'Log in and out, who am I, Telegram links. — Вход в админку и выход.' },
  { name: 'users', description: 'Clients of the shop: list, card, tags, deletion. — Клиенты магазина.' },
  {
    name: 'discounts',
    description: 'Discount codes issued to clients, and their use. — Скидочные коды клиентов и их погашение.',
  },
  {
    name: 'discount-templates',
    description: 'Templates codes are issued from (value, validity, limits). — Шаблоны скидок.',
  },
  {
    name: 'pos',
    description: 'The till: check and redeem a code (X-API-Key). — Касса: проверка и погашение кода.',
  },
  { name: 'broadcasts', description: 'Messages to many clients at once. — Рассылки клиентам в Telegram.' },
  { name: 'segments', description: 'Saved client filters that broadcasts target. — Сегменты клиентов.' },
  {
    name: 'message-templates',
    description: 'Texts the bots send, with placeholders. — Тексты сообщений ботов.',
  },
  { name: 'stats', description: 'Figures for the dashboard. — Статистика и показатели.' },
  { name: 'cashiers', description: 'Cashiers of the staff bot and their approval. — Кассиры.' },
  { name: 'admins', description: 'Accounts of the admin API (owner only). — Администраторы.' },
  { name: 'settings', description: 'Shop-wide settings. — Настройки магазина.' },
  { name: 'audit', description: 'Who changed what, and when. — Журнал действий.' },
  { name: 'jobs', description: 'Background jobs and their failures. — Фоновые задачи.' },
  { name: 'health', description: 'Liveness, readiness and metrics. — Состояние сервиса.' },
];
