import { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Default data of SPEC sections 2 and 6: the three gift templates, the settings, the system segments and
 * the Russian bot texts. down() deletes exactly these rows (it fails, as it should, once codes were issued
 * from a seeded template).
 */

/** Ids are fixed: the settings below point at them. */
const DISCOUNT_TEMPLATES = [
  {
    id: 1,
    name: 'Подарок за подписку',
    purpose: 'subscription',
    value: 10,
    validDays: 30,
    recurrence: 'none',
    description: 'Скидка 10 % на одну покупку — спасибо, что подписались на наш канал!',
  },
  {
    id: 2,
    name: 'Подарок на день рождения',
    purpose: 'birthday',
    value: 15,
    validDays: 14,
    recurrence: 'yearly',
    description: 'Скидка 15 % на одну покупку — с днём рождения от «Мармеладного Дворика»!',
  },
  {
    id: 3,
    name: 'Скидка от магазина',
    purpose: 'manual',
    value: 5,
    validDays: 30,
    recurrence: 'none',
    description: 'Скидка 5 % на одну покупку от «Мармеладного Дворика».',
  },
] as const;

const SHOP_CONTACTS = [
  '📍 Владивосток, ул. Светланская, 29 (вход со двора)',
  '📞 +7 (423) 222-00-00',
  '🕙 Ежедневно с 10:00 до 21:00',
].join('\n');

/** SPEC 6. null = off / unset (stored as SQL NULL, the way TypeORM writes null to a JSON column). */
const SETTINGS: ReadonlyArray<readonly [key: string, value: unknown]> = [
  ['shop.timezone', 'Asia/Vladivostok'],
  ['shop.contacts', SHOP_CONTACTS],
  ['channel.chat_id', '@marmeladny_dvorik'],
  ['channel.url', 'https://t.me/marmeladny_dvorik'],
  ['subscription.template_id', 1],
  ['birthday.template_id', 2],
  ['birthday.send_at', '09:00'],
  ['birthday.min_days_since_set', 30],
  ['broadcast.rate_per_second', 25],
  ['broadcast.chunk_size', 1000],
  ['broadcast.max_attempts', 5],
  ['broadcast.paid', false],
  ['test_mode.secret', null],
  ['referral.template_id', null],
];

/** Filters in the grammar of SPEC 5: `{ all | any: [group | { field, op, value? }] }`. */
const SEGMENTS: ReadonlyArray<readonly [name: string, description: string, filter: object]> = [
  ['Все клиенты', 'Все активные клиенты магазина.', { all: [] }],
  [
    'Подписчики канала',
    'Клиенты, подписанные на телеграм-канал магазина.',
    { all: [{ field: 'isSubscribed', op: 'eq', value: true }] },
  ],
  [
    'День рождения в этом месяце',
    'Клиенты, у которых день рождения в текущем месяце (по времени магазина).',
    { all: [{ field: 'birthday', op: 'inCurrentMonth' }] },
  ],
  [
    'Не заходили 30 дней',
    'Клиенты, которые не писали боту больше 30 дней.',
    { all: [{ field: 'lastActivityAt', op: 'olderThanDays', value: 30 }] },
  ],
  [
    'Новые за 7 дней',
    'Клиенты, зарегистрированные за последние 7 дней.',
    { all: [{ field: 'registeredAt', op: 'withinLastDays', value: 7 }] },
  ],
];

/** Bot texts: Telegram HTML (<b>, <i>, <code>); each uses only the placeholders its description lists. */
const MESSAGE_TEMPLATES: ReadonlyArray<readonly [key: string, text: string, description: string]> = [
  [
    'welcome',
    'Здравствуйте, {first_name}! 🍬\n\nДобро пожаловать в «Мармеладный Дворик»! Здесь живут ваши скидки и подарки:\n' +
      '📢 подпишитесь на наш канал — и получите подарок;\n🎂 укажите день рождения — и мы поздравим вас скидкой;\n' +
      '🎁 все ваши коды — в разделе «Мои скидки».\n\nПользуйтесь кнопками внизу 👇',
    'Приветствие после /start. Подстановки: {first_name}.',
  ],
  [
    'help',
    '<b>Как это работает</b>\n🎁 <b>Мои скидки</b> — ваши действующие коды: покажите код кассиру перед оплатой.\n' +
      '📢 <b>Подписаться</b> — подпишитесь на канал и получите подарок.\n' +
      '🎂 <b>День рождения</b> — укажите дату, и в праздник мы пришлём скидку.\n\n<b>Наши контакты</b>\n{contacts}',
    'Ответ на кнопку «Помощь». Подстановки: {contacts} (настройка shop.contacts).',
  ],
  [
    'fallback',
    'Простите, я не понял 🙈 Пожалуйста, воспользуйтесь кнопками внизу.',
    'Ответ на любой непонятный текст. Без подстановок.',
  ],
  [
    'subscribe_prompt',
    'Подпишитесь на наш канал — там новинки, акции и сладкие новости 🍭\n\n👉 {channel_url}\n\n' +
      'А потом нажмите «Я подписался» — и мы пришлём вам подарок 🎁',
    'Приглашение подписаться на канал (с кнопкой «Я подписался»). Подстановки: {channel_url}.',
  ],
  [
    'subscribe_success',
    'Спасибо за подписку, {first_name}! 🎉\n\nВаш подарок — скидка <b>{value}</b>.\nКод: <code>{code}</code>\n' +
      'Действует до {expires_at}.\n\nПокажите код кассиру при покупке.',
    'Подписка подтверждена, выдан подарок. Подстановки: {first_name}, {code}, {value}, {expires_at}.',
  ],
  [
    'subscribe_already',
    'Вы уже подписаны на наш канал — спасибо! 💛\nПодарок за подписку выдаётся один раз: он ждёт вас в разделе «🎁 Мои скидки».',
    'Подписка подтверждена, но подарок уже был выдан раньше. Без подстановок.',
  ],
  [
    'subscribe_missing',
    'Хм, пока не вижу подписки 🤔\n\nПодпишитесь на канал {channel_url} и нажмите «Я подписался» ещё раз.',
    'Клиент нажал «Я подписался», но в канале его нет. Подстановки: {channel_url}.',
  ],
  [
    'birthday_ask',
    'Когда у вас день рождения? 🎂\n\nНапишите дату в формате <b>ДД.ММ.ГГГГ</b> (например, 25.11.1990) ' +
      'или <b>ДД.ММ</b>, если не хотите указывать год.\n\n<i>Изменить дату потом будет нельзя.</i>',
    'Вопрос о дне рождения. Без подстановок.',
  ],
  [
    'birthday_confirm',
    'Ваш день рождения — <b>{birth_date}</b>, всё верно?',
    'Просьба подтвердить введённую дату. Подстановки: {birth_date}.',
  ],
  [
    'birthday_saved',
    'Готово, запомнили: <b>{birth_date}</b> 🎂\nВ этот день ждите от нас подарок!',
    'Дата рождения сохранена. Подстановки: {birth_date}.',
  ],
  [
    'birthday_already_set',
    'Ваш день рождения уже сохранён: <b>{birth_date}</b>.\nИзменить дату может только администратор магазина — ' +
      'напишите нам, если ошиблись.',
    'Клиент пытается изменить уже сохранённую дату. Подстановки: {birth_date}.',
  ],
  [
    'birthday_greeting',
    'С днём рождения, {first_name}! 🎉🎂\n\n«Мармеладный Дворик» дарит вам скидку <b>{value}</b>.\n' +
      'Код: <code>{code}</code>\nДействует до {expires_at}.\n\nПусть этот год будет сладким! 🍬',
    'Поздравление с подарком в день рождения. Подстановки: {first_name}, {code}, {value}, {expires_at}.',
  ],
  [
    'discount_issued',
    '{first_name}, для вас подарок! 🎁\n\n{description}\nСкидка: <b>{value}</b>\nКод: <code>{code}</code>\n' +
      'Действует до {expires_at}.',
    'Магазин выдал клиенту скидку. Подстановки: {first_name}, {code}, {value}, {description}, {expires_at}.',
  ],
  [
    'discount_redeemed',
    'Код <code>{code}</code> погашен: скидка <b>{value}</b> применена ✅\nСпасибо за покупку, приходите ещё! 🍬',
    'Уведомление клиенту после погашения кода. Подстановки: {code}, {value}.',
  ],
  [
    'my_discounts_header',
    '<b>🎁 Ваши скидки</b>\nПокажите код кассиру перед оплатой:',
    'Заголовок списка действующих кодов клиента. Без подстановок.',
  ],
  [
    'my_discounts_empty',
    'Пока у вас нет действующих скидок.\nПодпишитесь на канал или укажите день рождения — и получите подарок 🎁',
    'Ответ «Мои скидки», когда действующих кодов нет. Без подстановок.',
  ],
];

const inList = (count: number): string => Array.from({ length: count }, () => '?').join(', ');

export class SeedData1764000001000 implements MigrationInterface {
  name = 'SeedData1764000001000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const t of DISCOUNT_TEMPLATES) {
      await queryRunner.query(
        `INSERT INTO discount_templates
           (id, name, purpose, kind, value, \`usage\`, valid_days, recurrence, description, is_active)
         VALUES (?, ?, ?, 'percent', ?, 'single', ?, ?, ?, 1)`,
        [t.id, t.name, t.purpose, t.value, t.validDays, t.recurrence, t.description],
      );
    }
    for (const [key, value] of SETTINGS) {
      await queryRunner.query('INSERT INTO settings (`key`, value) VALUES (?, ?)', [
        key,
        value === null ? null : JSON.stringify(value),
      ]);
    }
    for (const [name, description, filter] of SEGMENTS) {
      await queryRunner.query(
        'INSERT INTO segments (name, description, filter, is_system) VALUES (?, ?, ?, 1)',
        [name, description, JSON.stringify(filter)],
      );
    }
    for (const [key, text, description] of MESSAGE_TEMPLATES) {
      await queryRunner.query('INSERT INTO message_templates (`key`, text, description) VALUES (?, ?, ?)', [
        key,
        text,
        description,
      ]);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const templateKeys = MESSAGE_TEMPLATES.map(([key]) => key);
    await queryRunner.query(
      `DELETE FROM message_templates WHERE \`key\` IN (${inList(templateKeys.length)})`,
      templateKeys,
    );
    const segmentNames = SEGMENTS.map(([name]) => name);
    await queryRunner.query(
      `DELETE FROM segments WHERE is_system = 1 AND name IN (${inList(segmentNames.length)})`,
      segmentNames,
    );
    const settingKeys = SETTINGS.map(([key]) => key);
    await queryRunner.query(
      `DELETE FROM settings WHERE \`key\` IN (${inList(settingKeys.length)})`,
      settingKeys,
    );
    const templateIds = DISCOUNT_TEMPLATES.map((t) => t.id);
    await queryRunner.query(
      `DELETE FROM discount_templates WHERE id IN (${inList(templateIds.length)})`,
      templateIds,
    );
  }
}
